import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  CMS_TEMPLATES_VAR,
  readCmsTemplates,
  startTestCms,
  type CmsTemplate,
  type CmsTemplates,
  type TestCms,
} from './start-test-cms.ts';
import { dropPostgresDatabase, freezePostgresTemplate, type TestDatabase } from './test-database.ts';

/** A template's first boot failed or left no seeded CMS; the message carries the CMS's output. */
export class CmsTemplateError extends Error {
  override name = 'CmsTemplateError';
}

/**
 * What the template's first boot runs with, besides `startTestCms`'s own environment: no rebuild
 * webhook, so the copy's boot registers it with its own PUBLISHER_PORT exactly as a first boot
 * on an empty database does (after the seed), and no event of the template's is ever sent to a
 * port that may be someone else's publisher.
 */
export const TEMPLATE_BOOT_ENV: NodeJS.ProcessEnv = { REBUILD_WEBHOOK_URL: 'off' };

/** A first boot on an empty database seeds about a hundred documents: slow on a loaded machine. */
const TEMPLATE_BOOT_TIMEOUT_MS = 300_000;

async function seededLevels(cms: TestCms): Promise<number> {
  const res = await fetch(`${cms.url}/api/program-levels`, { headers: { Authorization: `Bearer ${cms.token}` } });
  if (!res.ok) throw new Error(`GET /api/program-levels: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: unknown[] }).data.length;
}

/**
 * One real first boot on an empty database, seed included, stopped: its DATA_DIR and (on
 * Postgres) its database become the template. SQLite's WAL is folded into the file so the
 * template is that one file; the Postgres database refuses connections from then on, so it
 * can always be copied.
 */
async function buildTemplate(database: TestDatabase): Promise<CmsTemplate> {
  let cms: TestCms;
  try {
    cms = await startTestCms(TEMPLATE_BOOT_ENV, { database, fresh: true, bootTimeoutMs: TEMPLATE_BOOT_TIMEOUT_MS });
  } catch (error) {
    throw new CmsTemplateError(
      `The seeded CMS template on ${database} could not be made: its first boot failed.\n${(error as Error).message}`,
    );
  }
  try {
    const levels = await seededLevels(cms);
    if (levels === 0) throw new Error('the first boot seeded no program level');
    await cms.stop();
    if (database === 'sqlite') {
      const db = new Database(path.join(cms.dataDir, 'cms.db'));
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
        const check = db.pragma('quick_check', { simple: true });
        if (check !== 'ok') throw new Error(`the SQLite file fails its quick_check: ${String(check)}`);
      } finally {
        db.close();
      }
    } else {
      await freezePostgresTemplate(cms.databaseUrl!);
    }
  } catch (error) {
    await cms.dispose();
    throw new CmsTemplateError(
      `The seeded CMS template on ${database} could not be made: ${(error as Error).message}\n${cms.output()}`,
    );
  }
  return { dataDir: cms.dataDir, databaseUrl: cms.databaseUrl };
}

/**
 * Makes this run's seeded templates, one per database, through the real first boot (see
 * `startTestCms`), and publishes them to the test files in `TEST_CMS_TEMPLATES`. Templates this
 * process made already (a second project's global setup in the same run) are kept; a value
 * left by any other process is ignored, so nothing outlives its run. Throws `CmsTemplateError`
 * with the CMS's output when a first boot fails. Returns the teardown, which removes what this
 * call made.
 */
export async function buildCmsTemplates(
  databases: readonly TestDatabase[],
  log: (line: string) => void = (line) => console.log(line),
): Promise<() => Promise<void>> {
  const previous = readCmsTemplates();
  const current: CmsTemplates = previous?.pid === process.pid ? previous : { pid: process.pid, templates: {} };
  const made: [TestDatabase, CmsTemplate][] = [];
  const publish = () => {
    if (Object.keys(current.templates).length > 0) process.env[CMS_TEMPLATES_VAR] = JSON.stringify(current);
    else delete process.env[CMS_TEMPLATES_VAR];
  };
  // If the run dies before its teardown, still leave no template directory behind.
  const removeDirs = () => made.forEach(([, t]) => fs.rmSync(t.dataDir, { recursive: true, force: true }));
  process.once('exit', removeDirs);
  const remove = async () => {
    process.removeListener('exit', removeDirs);
    for (const [database, template] of made.splice(0)) {
      delete current.templates[database];
      publish();
      fs.rmSync(template.dataDir, { recursive: true, force: true });
      if (template.databaseUrl) await dropPostgresDatabase(template.databaseUrl);
    }
  };
  publish();
  try {
    for (const database of databases) {
      if (current.templates[database]) continue;
      const started = Date.now();
      const template = await buildTemplate(database);
      made.push([database, template]);
      current.templates[database] = template;
      publish();
      log(`Seeded CMS template on ${database}: first boot in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return remove;
}
