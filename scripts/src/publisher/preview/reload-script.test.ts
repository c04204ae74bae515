import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PREVIEW_STATUS_PATH, reloadScript } from './preview-pages.ts';

const ADMIN = 'https://cms.example-clinic.test';

/** Runs the reload script against a stand-in window whose preview status reports `versions` in turn. */
function runScript(versions: number[]) {
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
    const version = versions.length > 1 ? versions.shift()! : versions[0]!;
    return Promise.resolve({ ok: true, json: () => Promise.resolve({ version }) });
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
  it('reloads once the admin announces a save and the next preview build is ready', async () => {
    const page = runScript([1, 1, 1, 2]);
    await settle();
    page.post(ADMIN, { type: 'strapiUpdate' });
    await settle(1000);
    expect(page.reloads()).toBe(1);
    expect(page.asked.every((url) => url === PREVIEW_STATUS_PATH)).toBe(true);
  });

  it('ignores messages from other origins and of other types', async () => {
    const page = runScript([1, 2]);
    await settle();
    page.post('https://evil.example', { type: 'strapiUpdate' });
    page.post(ADMIN, { type: 'somethingElse' });
    page.post(ADMIN, null);
    await settle(400);
    expect(page.reloads()).toBe(0);
  });
});
