/**
 * The part of Astro's `LoaderContext` the Strapi loader uses, in memory: a store, a
 * recording logger, and `parseData` validating with the collection schema as Astro does.
 */
import { createHash } from 'node:crypto';
import type { DataStore, LoaderContext } from 'astro/loaders';
import type { ZodType } from 'zod';

/** An entry as the loader hands it to `store.set`. */
export type StoredEntry = Parameters<DataStore['set']>[0];

export interface FakeLoaderContext {
  context: LoaderContext;
  entries: Map<string, StoredEntry>;
  logs: { level: 'info' | 'warn' | 'error' | 'debug'; message: string }[];
  parseDataCalls: string[];
}

export function createFakeLoaderContext(collection: string, schema: ZodType): FakeLoaderContext {
  const entries = new Map<string, StoredEntry>();
  const logs: FakeLoaderContext['logs'] = [];
  const parseDataCalls: string[] = [];
  const log = (level: FakeLoaderContext['logs'][number]['level']) => (message: string) =>
    void logs.push({ level, message });

  const store = {
    get: (key: string) => entries.get(key),
    entries: () => [...entries],
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    has: (key: string) => entries.has(key),
    delete: (key: string) => void entries.delete(key),
    clear: () => entries.clear(),
    set: (entry: StoredEntry) => {
      entries.set(entry.id, entry);
      return true;
    },
  };
  const logger = {
    label: collection,
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    debug: log('debug'),
    fork: () => logger,
  };
  const context = {
    collection,
    store,
    meta: new Map<string, string>(),
    logger,
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      parseDataCalls.push(id);
      return (await schema.parseAsync(data)) as Record<string, unknown>;
    },
    generateDigest: (data: Record<string, unknown> | string) =>
      createHash('sha1')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex'),
  };
  // Only the members above are used by the loader; the rest of LoaderContext (config,
  // renderMarkdown, watcher) would be Astro's whole runtime.
  return { context: context as unknown as LoaderContext, entries, logs, parseDataCalls };
}
