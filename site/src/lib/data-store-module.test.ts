import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DATA_STORE_MODULE_ID,
  LIVE_CONTENT_STORE_KEY,
  dataStoreAsJson,
  dataStoreModuleCode,
  type DataStorePlugin,
} from './data-store-module.ts';

/** Imports module code as the page bundle would, and returns its default export. */
async function importCode(code: string): Promise<unknown> {
  const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown };
  return module.default;
}

/** The Vite plugin the integration adds for `command`, or undefined when it adds none. */
function pluginFor(command: 'build' | 'dev', cacheDir: string): DataStorePlugin | undefined {
  const plugins: DataStorePlugin[] = [];
  const setup = dataStoreAsJson().hooks['astro:config:setup'] as (options: unknown) => void;
  setup({
    command,
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
    updateConfig: (config: { vite: { plugins: DataStorePlugin[] } }) => plugins.push(...config.vite.plugins),
  });
  return plugins[0];
}

/** What the plugin makes of a module Astro loaded as `code`. */
function transform(
  plugin: DataStorePlugin | undefined,
  id: string,
  code = 'export default [/* the literal */]',
): unknown {
  if (!plugin) throw new Error('astro build got no data-store plugin');
  return plugin.transform(code, id);
}

const dirs: string[] = [];
function cacheDirWith(storeJson: string | null): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-store-module-'));
  dirs.push(dir);
  if (storeJson !== null) fs.writeFileSync(path.join(dir, 'data-store.json'), storeJson);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('dataStoreModuleCode', () => {
  it('exports the same data as the JSON, quotes, backslashes, line separators and non-Latin text included', async () => {
    const store = [
      { faqs: 1 },
      ['es/abc', { body: 'Línea "uno"\n\\ dos \u2028 tres </script> ¿Qué es IOP?', n: 3.5, ok: true, none: null }],
    ];
    expect(await importCode(dataStoreModuleCode(JSON.stringify(store)))).toEqual(store);
  });
});

describe('dataStoreAsJson', () => {
  it('replaces the store module Astro loaded with the store file from the build cache dir, as JSON text', async () => {
    const store = [{ collections: 1 }, ['faqs', { id: 'x', data: { question: '¿Cuánto dura?' } }]];
    const plugin = pluginFor('build', cacheDirWith(JSON.stringify(store)));
    expect(plugin?.enforce).toBe('pre');
    const result = transform(plugin, DATA_STORE_MODULE_ID) as { code: string };
    expect(result.code).toMatch(/^export default JSON\.parse\("/);
    expect(await importCode(result.code)).toEqual(store);
  });

  it('leaves every other module, and the empty store Astro answers when there is no store file', () => {
    const plugin = pluginFor('build', cacheDirWith('[]'));
    expect(transform(plugin, '\0astro:content')).toBeNull();
    expect(
      transform(pluginFor('build', cacheDirWith(null)), DATA_STORE_MODULE_ID, 'export default new Map()'),
    ).toBeNull();
  });

  it("makes the store module read a publisher worker's holder when there is one, and tells the worker so", async () => {
    const holder = globalThis as { [LIVE_CONTENT_STORE_KEY]?: { collections: Map<string, unknown>; bundled: boolean } };
    const live = { collections: new Map<string, unknown>([['faqs', new Map()]]), bundled: false };
    holder[LIVE_CONTENT_STORE_KEY] = live;
    try {
      // With a store file present: the file's content is not what the module carries.
      const plugin = pluginFor('build', cacheDirWith(JSON.stringify([{ stale: 1 }])));
      const result = transform(plugin, DATA_STORE_MODULE_ID) as { code: string };
      expect(live.bundled).toBe(true);
      expect(result.code).not.toContain('stale');
      // The module exports the holder's own Map: refilled in place, the pages read new content.
      expect(await importCode(result.code)).toBe(live.collections);
      expect(transform(plugin, '\0astro:content')).toBeNull();
    } finally {
      delete holder[LIVE_CONTENT_STORE_KEY];
    }
  });

  it('adds nothing outside astro build (the dev server reloads the store its own way)', () => {
    expect(pluginFor('dev', cacheDirWith('[]'))).toBeUndefined();
  });
});
