import type { Core } from '@strapi/strapi';
import { adminService, contentTypeAttributes } from '../strapi/internals';

const CALL_REQUEST_UID = 'api::call-request.call-request';
export const ADMISSIONS_ROLE = { name: 'Admissions', code: 'clinic-admissions' };

/** The content manager actions admissions staff need on call requests: read, update status and notes, delete. */
const ADMISSIONS_ACTIONS = ['read', 'update', 'delete'].map((verb) => `plugin::content-manager.explorer.${verb}`);
/**
 * Fields added to call requests after the Admissions role was first made, on a database of
 * then: Strapi grants a role no field it had no permission for, so admissions would not see them.
 */
export const FIELDS_ADDED_SINCE = ['language'];

interface StoredPermission {
  id: number;
  action: string;
  properties: { fields?: unknown; [property: string]: unknown } | null;
}

/** Roles that edit website copy: they must never see what visitors sent. */
const COPY_ROLES = ['strapi-editor', 'strapi-author'];

/**
 * Call requests are health data. Strapi's Editor and Author roles get every content type by
 * default; this takes call requests away from them at every boot, and creates an
 * Admissions role (once) that can read, update and delete them and nothing else.
 * Super Admins keep full access.
 */
export async function restrictCallRequests(strapi: Core.Strapi): Promise<void> {
  const roles = adminService(strapi, 'role');
  const permissions = adminService(strapi, 'permission');

  for (const code of COPY_ROLES) {
    const role = await roles.findOne({ code });
    if (!role) continue;
    const granted = await permissions.findMany({ where: { role: { id: role.id }, subject: CALL_REQUEST_UID } });
    if (granted.length === 0) continue;
    await permissions.deleteByIds(granted.map((p) => p.id));
    strapi.log.info(`Removed call-request access from the ${code} role`);
  }

  const existing = await roles.findOne({ code: ADMISSIONS_ROLE.code });
  if (existing) return grantAddedFields(strapi, existing.id);
  const fields = Object.keys(contentTypeAttributes(strapi, CALL_REQUEST_UID));
  const role = await roles.create({
    ...ADMISSIONS_ROLE,
    description: 'Admissions staff: call-back requests only (health data). No website content.',
  });
  await roles.assignPermissions(
    role.id,
    ADMISSIONS_ACTIONS.map((action) => ({
      action,
      subject: CALL_REQUEST_UID,
      properties: action.endsWith('.delete') ? {} : { fields },
    })),
  );
  strapi.log.info('Created the Admissions role (call-back requests only)');
}

/**
 * Adds the fields of `FIELDS_ADDED_SINCE` to the Admissions role's read and update permissions
 * where they lack them; any other field an admin took away stays away.
 */
async function grantAddedFields(strapi: Core.Strapi, roleId: number): Promise<void> {
  const permissions = strapi.db.query('admin::permission');
  const found = (await permissions.findMany({
    where: { role: { id: roleId }, subject: CALL_REQUEST_UID },
  })) as StoredPermission[];
  for (const permission of found) {
    const fields = permission.properties?.fields;
    // Delete has no fields; `null`/absent fields mean every field already.
    if (!Array.isArray(fields)) continue;
    const had = fields.filter((field): field is string => typeof field === 'string');
    const missing = FIELDS_ADDED_SINCE.filter((field) => !had.includes(field));
    if (missing.length === 0) continue;
    await permissions.update({
      where: { id: permission.id },
      data: { properties: { ...permission.properties, fields: [...had, ...missing] } },
    });
    strapi.log.info(`Gave the Admissions role ${missing.join(', ')} on call requests (${permission.action})`);
  }
}
