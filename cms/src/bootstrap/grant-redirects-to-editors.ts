import type { Core } from '@strapi/strapi';
import { adminService, type RolePermission } from '../strapi/internals';

export const REDIRECT_UID = 'api::redirect.redirect';
const PUBLISH_ACTION = 'plugin::content-manager.explorer.publish';
/** Strapi's condition "only the entries this user created". */
const IS_CREATOR = 'admin::is-creator';

/**
 * The Content Manager permissions on redirects that Strapi gives each role when it creates the
 * roles on a new database: Editor every action on every field; Author the same without
 * publish and only on its own entries (Strapi's defaults for every other type).
 */
export function defaultRedirectPermissions(strapi: Core.Strapi): Record<string, RolePermission[]> {
  const contentTypeActions = adminService(strapi, 'permission')
    .actionProvider.values()
    .filter((action) => action.section === 'contentTypes');
  const editor = adminService(strapi, 'content-type')
    .getPermissionsWithNestedFields(contentTypeActions)
    .filter((permission) => permission.subject === REDIRECT_UID);
  const author = editor
    .filter((permission) => permission.action !== PUBLISH_ACTION)
    .map((permission) => ({ ...permission, conditions: [IS_CREATOR] }));
  return { 'strapi-editor': editor, 'strapi-author': author };
}

/**
 * Strapi grants a content type to Editor and Author only when it creates those roles, on a new
 * database; a database made before redirects existed leaves editors without them. At every boot,
 * a role with no permission at all on redirects gets Strapi's defaults (above), so an old
 * database ends where a new one starts. A role with some of them is left as an admin set it.
 */
export async function grantRedirectsToEditors(strapi: Core.Strapi): Promise<void> {
  const roles = adminService(strapi, 'role');
  const permissions = adminService(strapi, 'permission');
  for (const [code, defaults] of Object.entries(defaultRedirectPermissions(strapi))) {
    const role = await roles.findOne({ code });
    if (!role) continue;
    const granted = await permissions.findMany({ where: { role: { id: role.id }, subject: REDIRECT_UID } });
    if (granted.length > 0) continue;
    await roles.addPermissions(role.id, defaults);
    strapi.log.info(`Gave the ${code} role the Redirect type`);
  }
}
