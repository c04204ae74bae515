import type { Core } from '@strapi/strapi';

interface Permission {
  id: number;
  action: string;
}

/**
 * The Public role reads nothing: the site build reads with its token, and nothing
 * else should be able to list the clinic's content or anything visitors sent.
 * Any `api::` permission found on the role is removed, loudly.
 */
export async function lockPublicRole(strapi: Core.Strapi): Promise<void> {
  const role = (await strapi.db.query('plugin::users-permissions.role').findOne({
    where: { type: 'public' },
    populate: ['permissions'],
  })) as { id: number; permissions?: Permission[] } | null;
  if (!role) return;
  const granted = (role.permissions ?? []).filter((p) => p.action.startsWith('api::'));
  if (granted.length === 0) return;
  await strapi.db
    .query('plugin::users-permissions.permission')
    .deleteMany({ where: { id: { $in: granted.map((p) => p.id) } } });
  strapi.log.warn(
    `Removed ${granted.length} content permission(s) from the Public role: ${granted.map((p) => p.action).join(', ')}`,
  );
}
