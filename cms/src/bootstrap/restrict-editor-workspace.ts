import type { Core } from '@strapi/strapi';
import { adminService } from '../strapi/internals';

/** Strapi's roles for people who write website copy. */
export const COPY_ROLE_CODES = ['strapi-editor', 'strapi-author'];
/** The users-permissions plugin's end users: this site has no visitor accounts, so editors never need them. */
export const END_USER_UID = 'plugin::users-permissions.user';
/** Opens the content-type builder ("Edit the model"), a developer's tool. */
export const MODEL_BUILDER_ACTION = 'plugin::content-type-builder.read';
/** Strapi's plugin Marketplace in the main menu: nothing an editor or the clinic installs from the admin. */
export const MARKETPLACE_ACTION = 'admin::marketplace.read';

/**
 * Keeps developer tools out of editors' way: Strapi gives its Editor and Author roles the
 * "User" type and the content-type builder by default; this takes both away at every boot
 * (an admin re-granting them in the UI is undone at the next boot, as for call requests). The
 * Marketplace goes for everyone.
 */
export async function restrictEditorWorkspace(strapi: Core.Strapi): Promise<void> {
  const roles = adminService(strapi, 'role');
  const permissions = adminService(strapi, 'permission');
  for (const code of COPY_ROLE_CODES) {
    const role = await roles.findOne({ code });
    if (!role) continue;
    const granted = await permissions.findMany({
      where: { role: { id: role.id }, $or: [{ subject: END_USER_UID }, { action: MODEL_BUILDER_ACTION }] },
    });
    if (granted.length === 0) continue;
    await permissions.deleteByIds(granted.map((p) => p.id));
    strapi.log.info(`Removed "User" and "Edit the model" from the ${code} role`);
  }
  // Every role, Super Admin included (Strapi grants it every action again at each boot, before this runs).
  const marketplace = await permissions.findMany({ where: { action: MARKETPLACE_ACTION } });
  if (marketplace.length > 0) await permissions.deleteByIds(marketplace.map((p) => p.id));
}
