import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MEDIA_LIBRARY_BANNER_KEY_PREFIX,
  dismissMediaLibraryBanner,
  mediaLibraryBannerKeys,
  readProjectUuid,
} from './dismiss-media-library-banner';

describe('the Media Library banner is closed for editors', () => {
  it('marks the banner closed under both keys for the project uuid from /admin/init', async () => {
    const stored = new Map<string, string>();
    await dismissMediaLibraryBanner(() => Promise.resolve({ data: { uuid: 'abc-123', hasAdmin: true } }), {
      setItem: (key: string, value: string) => stored.set(key, value),
    });
    expect([...stored]).toEqual([
      ['STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_true:abc-123', 'true'],
      ['STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_false:abc-123', 'true'],
    ]);
  });

  it('uses the key Strapi uses when the project has no uuid, and stores nothing for an unexpected answer', () => {
    expect(mediaLibraryBannerKeys(false)).toContain('STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_false:false');
    expect(readProjectUuid({ data: { uuid: false } })).toBe(false);
    expect(readProjectUuid({ error: { status: 500 } })).toBeNull();
    expect(readProjectUuid('<html>')).toBeNull();
  });

  it("matches the key and the value format of the installed Strapi admin's banner", () => {
    const adminSrc = path.join(
      path.dirname(require.resolve('@strapi/admin/package.json', { paths: [path.join(__dirname, '..', '..')] })),
      'dist/admin/admin/src',
    );
    const banner = fs.readFileSync(path.join(adminSrc, 'components/MediaLibraryBanner.mjs'), 'utf8');
    expect(banner).toContain(`\`${MEDIA_LIBRARY_BANNER_KEY_PREFIX}\${isLegacyMediaLibrary}\``);
    expect(banner).toContain('useScopedPersistentState(');
    const state = fs.readFileSync(path.join(adminSrc, 'hooks/usePersistentState.mjs'), 'utf8');
    // Scoped by the project uuid, and read back with JSON.parse: the stored 'true' means closed.
    expect(state).toContain('const namespacedKey = `${key}:${uuid}`;');
    expect(state).toContain('return JSON.parse(raw);');
  });
});
