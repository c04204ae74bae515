import type { Core } from '@strapi/strapi';
import publicContentTypes from '@clinic/shared-types/public-content-types.json';
import { contentTypeDefinitions, localesService } from '../strapi/internals';
import { COPY_ROLE_CODES } from './restrict-editor-workspace';

/** The Spanish edition's locale (issue 17). English (`en`, Strapi's own default) stays the default. */
export const SPANISH_LOCALE = { code: 'es', name: 'Español' } as const;

interface StoredPermission {
  id: number;
  action: string;
  subject: string | null;
  properties: { locales?: unknown; [property: string]: unknown } | null;
}

/** The public types that have a version per locale (redirects and call requests have not). */
export function localizedPublicTypes(strapi: Core.Strapi): string[] {
  const definitions = contentTypeDefinitions(strapi);
  return publicContentTypes
    .map(({ uid }) => uid)
    .filter((uid) => definitions[uid]?.pluginOptions?.i18n?.localized === true);
}

/** The content manager's actions (read, create, update, delete, publish) that Strapi limits by locale. */
const CONTENT_MANAGER_ACTION = /^plugin::content-manager\.explorer\./;

/**
 * Creates the Spanish locale when it is missing, on a new database as on an existing one, and
 * lets the Editor and Author roles work in English and Spanish. Strapi makes those roles'
 * permissions with no locale at all on a new database (which on a localized type means none:
 * editors would not even see the English entries) and with English only on a database whose
 * types just became localized. Only when the locale is created: an admin who later narrows a
 * role's locales in Settings keeps that choice.
 */
export async function ensureSpanishLocale(strapi: Core.Strapi): Promise<void> {
  const locales = localesService(strapi);
  if (await locales.findByCode(SPANISH_LOCALE.code)) return;
  await locales.create({ ...SPANISH_LOCALE });
  const codes = [await locales.getDefaultLocale(), SPANISH_LOCALE.code];
  const granted = await grantLocalesToCopyRoles(strapi, codes);
  strapi.log.info(
    `Created the ${SPANISH_LOCALE.name} (${SPANISH_LOCALE.code}) locale; Editor and Author roles work in ${codes.join(' and ')} (${granted} permission(s))`,
  );
}

/** Adds `codes` to the locales of the Editor and Author roles' content permissions on localized public types. */
async function grantLocalesToCopyRoles(strapi: Core.Strapi, codes: string[]): Promise<number> {
  const subjects = localizedPublicTypes(strapi);
  const permissions = strapi.db.query('admin::permission');
  let granted = 0;
  for (const roleCode of COPY_ROLE_CODES) {
    const role = (await strapi.db.query('admin::role').findOne({ where: { code: roleCode } })) as { id: number } | null;
    if (!role) continue;
    const found = (await permissions.findMany({
      where: { role: { id: role.id }, subject: { $in: subjects } },
    })) as StoredPermission[];
    for (const permission of found) {
      if (!CONTENT_MANAGER_ACTION.test(permission.action)) continue;
      const current = permission.properties?.locales;
      // `null` means every locale already.
      if (current === null) continue;
      const had = Array.isArray(current) ? current.filter((code): code is string => typeof code === 'string') : [];
      const locales = [...new Set([...had, ...codes])];
      if (locales.length === had.length) continue;
      await permissions.update({
        where: { id: permission.id },
        data: { properties: { ...permission.properties, locales } },
      });
      granted += 1;
    }
  }
  return granted;
}
