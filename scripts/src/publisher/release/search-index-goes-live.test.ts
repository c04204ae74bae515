import { afterEach, describe, expect, it } from 'vitest';
import { SearchIndexError } from '../errors.ts';
import type { Publisher } from '../start-publisher.ts';
import { createDataDir, rawRequest, startTestPublisher, writeSearchableSite } from '../testing/fake-site.ts';
import { buildSearchIndex } from './build-search-index.ts';

let publisher: Publisher | null = null;

afterEach(async () => {
  await publisher?.close();
  publisher = null;
});

describe('the search index in a release', () => {
  it('goes live with the pages it describes', async () => {
    publisher = await startTestPublisher({
      dataDir: await createDataDir(),
      runBuild: ({ outDir }) => writeSearchableSite(outDir, 'v1'),
      indexSearch: buildSearchIndex,
    });
    await publisher.whenIdle();
    expect(publisher.status().state).toBe('live');
    const script = await rawRequest(`${publisher.siteUrl}/pagefind/pagefind.js`);
    expect(script.status).toBe(200);
    const entry = await rawRequest(`${publisher.siteUrl}/pagefind/pagefind-entry.json`);
    expect(JSON.parse(entry.body.toString())).toMatchObject({ languages: { en: { page_count: 1 } } });
    // Compressed like the pages, once written (the pages are compressed while it is indexed).
    for (const path of ['/', '/pagefind/pagefind-entry.json']) {
      const encoded = await rawRequest(`${publisher.siteUrl}${path}`, { headers: { 'accept-encoding': 'br' } });
      expect(encoded.headers['content-encoding'], path).toBe('br');
    }
  });

  it('fails the build when indexing fails, and the last good build stays live', async () => {
    let failIndex = false;
    publisher = await startTestPublisher({
      dataDir: await createDataDir(),
      runBuild: ({ outDir, id }) => writeSearchableSite(outDir, id),
      indexSearch: async (outDir) => {
        if (failIndex) throw new SearchIndexError(`search index: indexing ${outDir} failed: broken`);
        return buildSearchIndex(outDir);
      },
    });
    await publisher.whenIdle();
    const liveId = publisher.status().live?.id;
    failIndex = true;
    publisher.requestBuild();
    await publisher.whenIdle();

    const status = publisher.status();
    expect(status.state).toBe('failed');
    expect(status.lastError?.message).toMatch(/^search index: indexing .* failed: broken$/);
    expect(status.live?.id).toBe(liveId);
    expect((await rawRequest(`${publisher.siteUrl}/`)).body.toString()).toContain(`Home ${liveId}`);
  });
});
