import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PREVIEW_STATUS_PATH, reloadScript } from './preview-pages.ts';

const ADMIN = 'https://cms.example-clinic.test';

interface Status {
  changes: number;
  builtChanges: number;
}

/** Runs the reload script against a stand-in window whose preview status answers `statuses` in turn. */
function runScript(statuses: Status[]) {
  let listener: ((event: { origin: string; data: unknown }) => void) | undefined;
  let reloads = 0;
  const asked: string[] = [];
  const window = {
    addEventListener: (type: string, handler: typeof listener) => {
      if (type === 'message') listener = handler;
    },
    location: { reload: () => (reloads += 1) },
  };
  const fetch = (url: string) => {
    asked.push(url);
    const status = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
    return Promise.resolve({ ok: true, json: () => Promise.resolve(status) });
  };
  runInNewContext(reloadScript([ADMIN]), { window, fetch, setTimeout, Date });
  return {
    post: (origin: string, data: unknown) => listener?.({ origin, data }),
    reloads: () => reloads,
    asked,
  };
}

const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms));

describe('the preview reload script', () => {
  it('reloads once the admin announces a save and the preview build with that save is ready', async () => {
    const page = runScript([
      { changes: 3, builtChanges: 3 },
      { changes: 3, builtChanges: 3 },
      // The save arrives while an older build finishes: not yet.
      { changes: 4, builtChanges: 3 },
      { changes: 4, builtChanges: 3 },
      { changes: 4, builtChanges: 4 },
    ]);
    await settle();
    page.post(ADMIN, { type: 'strapiUpdate' });
    await settle(1000);
    expect(page.reloads()).toBe(1);
    expect(page.asked.every((url) => url === PREVIEW_STATUS_PATH)).toBe(true);
  });

  it('ignores messages from other origins and of other types', async () => {
    const page = runScript([
      { changes: 1, builtChanges: 1 },
      { changes: 2, builtChanges: 2 },
    ]);
    await settle();
    page.post('https://evil.example', { type: 'strapiUpdate' });
    page.post(ADMIN, { type: 'somethingElse' });
    page.post(ADMIN, null);
    await settle(400);
    expect(page.reloads()).toBe(0);
  });
});
