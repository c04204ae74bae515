import type { Core } from '@strapi/strapi';

interface AdminUserService {
  exists(): Promise<boolean>;
  create(attributes: Record<string, unknown>): Promise<unknown>;
}
interface AdminRoleService {
  getSuperAdmin(): Promise<{ id: number } | null>;
}

/** Creates the first super admin from `ADMIN_EMAIL`/`ADMIN_PASSWORD` when none exists yet. */
export async function ensureSuperAdmin(strapi: Core.Strapi, env: NodeJS.ProcessEnv): Promise<void> {
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (!email || !password) return;
  const users = strapi.service('admin::user') as unknown as AdminUserService;
  if (await users.exists()) return;
  const role = await (strapi.service('admin::role') as unknown as AdminRoleService).getSuperAdmin();
  if (!role) throw new Error('The Super Admin role is missing; cannot create the first admin');
  await users.create({
    email: email.toLowerCase(),
    firstname: env.ADMIN_FIRSTNAME || 'Admin',
    lastname: env.ADMIN_LASTNAME || '',
    password,
    isActive: true,
    roles: [role.id],
    registrationToken: null,
  });
  strapi.log.info(`Created the first super admin ${email.toLowerCase()}`);
}
