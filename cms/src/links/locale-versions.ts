import type { Core } from '@strapi/strapi';
import { docs, type Doc } from '../redirects/register-redirects';
import { contentTypeDefinitions } from '../strapi/internals';
import { siteLocaleOf, type SiteLocale } from '../redirects/site-paths';

/** One locale's version of a document, with the edition that shows it. */
export interface LocaleVersion {
  locale: SiteLocale;
  doc: Doc;
}

/**
 * The versions of document `documentId` in the locales a document-service action names, as
 * `registerRedirects` reads a publish's: `locale` is passed on as `publish`, `unpublish` and
 * `delete` take it (one locale, several from the admin's bulk actions, `'*'` for all, or none for
 * the default), and `findMany` reads it the same way, so exactly the versions acted on are read.
 */
export async function findLocaleVersions(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale: unknown,
  status: 'draft' | 'published',
): Promise<LocaleVersion[]> {
  const found = await docs(strapi, uid).findMany({ filters: { documentId }, locale, status });
  return found.flatMap((doc) => {
    const versionLocale = siteLocaleOf(doc);
    return versionLocale ? [{ locale: versionLocale, doc }] : [];
  });
}

function isLocalized(strapi: Core.Strapi, uid: string): boolean {
  return contentTypeDefinitions(strapi)[uid]?.pluginOptions?.i18n?.localized === true;
}

/** Every published version of `uid` in every edition, with `fields` (and the locale) only. */
export async function findPublishedEverywhere(
  strapi: Core.Strapi,
  uid: string,
  fields: readonly string[],
): Promise<LocaleVersion[]> {
  const found = await docs(strapi, uid).findMany({
    status: 'published',
    limit: -1,
    ...(isLocalized(strapi, uid) ? { locale: '*', fields: [...fields, 'locale'] } : { fields }),
  });
  return found.flatMap((doc) => {
    const versionLocale = siteLocaleOf(doc);
    return versionLocale ? [{ locale: versionLocale, doc }] : [];
  });
}
