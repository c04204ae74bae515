import { mkdir, open, readFile, readdir, rename, rm, stat, symlink, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { buildStagesSchema, buildTriggerSchema } from '@clinic/shared-types';
import { z } from 'zod';
import { isServableBuild } from './verify-build-output.ts';

/** `20251127T211100123Z-0001`: UTC time to the millisecond, then a per-process sequence. */
export const BUILD_ID_PATTERN = /^\d{8}T\d{9}Z-\d{4,}$/;
const PARTIAL_SUFFIX = '.partial';
const LIVE_FILE = 'live.json';
const CURRENT_LINK = 'current';

export const liveBuildSchema = z.object({
  id: z.string().regex(BUILD_ID_PATTERN),
  dir: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  trigger: buildTriggerSchema,
  stages: buildStagesSchema.nullish(),
});

/** The build being served, as written to `builds/live.json`. */
export type LiveBuild = z.output<typeof liveBuildSchema>;

/** What startup found on disk. */
export interface RecoveredBuilds {
  live: LiveBuild | null;
  /** Servable builds kept besides the live one, newest first. */
  previous: string[];
  /** Folders and files that were removed (half-written, failed, or beyond the kept count). */
  removed: string[];
}

export function formatBuildId(at: Date, seq: number): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${String(seq).padStart(4, '0')}`;
}

/**
 * The builds folder, `DATA_DIR/builds/`:
 * - `<id>.partial/` while a build runs (never served; removed at startup if a crash left it),
 * - `<id>/` once the build passed its checks,
 * - `live.json` naming the live build (written to a temp file, then renamed),
 * - `current` symlink to the live build's folder (same temp-then-rename switch).
 */
export class BuildStore {
  readonly dir: string;
  #seq = 0;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'builds');
  }

  nextBuildId(now = new Date()): string {
    this.#seq += 1;
    return formatBuildId(now, this.#seq);
  }

  buildDir(id: string): string {
    return join(this.dir, id);
  }

  partialDir(id: string): string {
    return join(this.dir, `${id}${PARTIAL_SUFFIX}`);
  }

  /** Creates the folder a new build writes into. */
  async createPartial(id: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const dir = this.partialDir(id);
    await mkdir(dir);
    return dir;
  }

  /** Renames a checked build to its final name; a crash before this leaves only a `.partial`. */
  async promote(id: string): Promise<string> {
    const dir = this.buildDir(id);
    await rename(this.partialDir(id), dir);
    return dir;
  }

  /** Switches live: `live.json` and the `current` link are each replaced by one rename. */
  async switchLive(live: LiveBuild): Promise<void> {
    const liveTemp = join(this.dir, `${LIVE_FILE}.${live.id}.tmp`);
    const file = await open(liveTemp, 'w');
    try {
      await file.writeFile(`${JSON.stringify(live, null, 2)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(liveTemp, join(this.dir, LIVE_FILE));

    const linkTemp = join(this.dir, `${CURRENT_LINK}.${live.id}.tmp`);
    await unlink(linkTemp).catch(() => {});
    // Relative target, so the data folder can move.
    await symlink(live.id, linkTemp, 'dir');
    await rename(linkTemp, join(this.dir, CURRENT_LINK));
  }

  async readLive(): Promise<LiveBuild | null> {
    try {
      const parsed = liveBuildSchema.safeParse(JSON.parse(await readFile(join(this.dir, LIVE_FILE), 'utf8')));
      if (!parsed.success) return null;
      // The folder is found by id, not by the stored absolute path, in case DATA_DIR moved.
      return { ...parsed.data, dir: this.buildDir(parsed.data.id) };
    } catch {
      return null;
    }
  }

  /** Final build folders, newest first. */
  async listBuildIds(): Promise<string[]> {
    const entries = await readdir(this.dir, { withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isDirectory() && BUILD_ID_PATTERN.test(entry.name))
      .map((entry) => entry.name)
      .sort()
      .reverse();
  }

  async remove(name: string): Promise<void> {
    await rm(join(this.dir, name), { recursive: true, force: true });
  }

  /**
   * Startup: picks the live build (live.json, else the newest servable folder), removes
   * half-written folders, leftover temp files, unservable folders and builds beyond `keep`.
   */
  async recover(keep: number): Promise<RecoveredBuilds> {
    await mkdir(this.dir, { recursive: true });
    const removed: string[] = [];
    const drop = async (name: string): Promise<void> => {
      await this.remove(name);
      removed.push(name);
    };

    for (const entry of await readdir(this.dir, { withFileTypes: true })) {
      if (entry.name.endsWith(PARTIAL_SUFFIX) || entry.name.endsWith('.tmp')) await drop(entry.name);
    }

    const servable: string[] = [];
    for (const id of await this.listBuildIds()) {
      if (await isServableBuild(this.buildDir(id))) servable.push(id);
      else await drop(id);
    }

    let live = await this.readLive();
    if (live && !servable.includes(live.id)) live = null;
    if (!live) {
      const newest = servable[0];
      if (newest) {
        live = await this.describeFoundBuild(newest);
        await this.switchLive(live);
      }
    }

    // Only builds older than the live one are kept: a newer one never went live.
    const liveId = live?.id;
    const older = liveId ? servable.filter((id) => id < liveId) : [];
    const previous = older.slice(0, Math.max(0, keep - 1));
    for (const id of servable) {
      if (id !== liveId && !previous.includes(id)) await drop(id);
    }
    return { live, previous, removed };
  }

  /** A servable folder without live.json (lost or unreadable): its own times stand in. */
  async describeFoundBuild(id: string): Promise<LiveBuild> {
    const dir = this.buildDir(id);
    const finishedAt = (await stat(dir)).mtime.toISOString();
    return {
      id,
      dir,
      finishedAt,
      durationMs: 0,
      trigger: { events: {}, models: [], count: 0, firstAt: finishedAt, lastAt: finishedAt },
    };
  }
}
