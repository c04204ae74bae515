import type { Core } from '@strapi/strapi';
import { adminService } from '../strapi/internals';

/** Creates the first super admin from `ADMIN_EMAIL`/`ADMIN_PASSWORD` when none exists yet. */
export async function ensureSuperAdmin(strapi: Core.Strapi, env: NodeJS.ProcessEnv): Promise<void> {
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (!email || !password) return;
  const users = adminService(strapi, 'user');
  if (await users.exists()) return;
  const role = await adminService(strapi, 'role').getSuperAdmin();
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
