/**
 * Strapi 5.54 shows every user an "Introducing the new Media Library" banner (with a link to
 * Strapi's blog) above every admin page until they close it, and has no switch to turn it off.
 * It remembers a closed banner in localStorage under a key scoped to the project's uuid, so the
 * admin closes it for the editor before it is shown: both keys (legacy library or not) are set.
 */

/** The key prefix of Strapi's MediaLibraryBanner (`@strapi/admin`, components/MediaLibraryBanner). */
export const MEDIA_LIBRARY_BANNER_KEY_PREFIX = 'STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_';

/** The localStorage keys that mark the banner closed for this project, one per media library flavour. */
export function mediaLibraryBannerKeys(projectUuid: string | false): string[] {
  return [true, false].map((legacy) => `${MEDIA_LIBRARY_BANNER_KEY_PREFIX}${legacy}:${String(projectUuid)}`);
}

/** Reads the project uuid the admin scopes its stored state with, from `GET /admin/init`. */
export function readProjectUuid(body: unknown): string | false | null {
  const data = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined;
  const uuid = typeof data === 'object' && data !== null ? (data as { uuid?: unknown }).uuid : undefined;
  return typeof uuid === 'string' || uuid === false ? uuid : null;
}

export async function dismissMediaLibraryBanner(
  fetchInit: () => Promise<unknown>,
  storage: { setItem(key: string, value: string): void },
): Promise<void> {
  const uuid = readProjectUuid(await fetchInit());
  if (uuid === null) return;
  for (const key of mediaLibraryBannerKeys(uuid)) storage.setItem(key, 'true');
}
