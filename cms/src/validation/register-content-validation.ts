import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentTypeDefinitions } from '../strapi/internals';
import { checkFacilityPhones } from './facility-phones';
import { findDocumentScheduleErrors, type FieldError } from './schedule-ranges';
import { findTelLinkMismatches } from './tel-links';

const SCHEDULE_COMPONENT = 'shared.schedule-facts';
const FACILITY_UID = 'api::facility.facility';
const WRITE_ACTIONS = new Set(['create', 'update']);

/**
 * Rules Strapi's schema constraints cannot express (a minimum must not exceed its maximum;
 * the facility's phone numbers, see facility-phones.ts; Markdown phone links that show the
 * number they dial), enforced in the document service so the admin, the REST API
 * and the seed all meet them. Errors carry the field path, so the admin highlights it.
 */
export function registerContentValidation(strapi: Core.Strapi): void {
  const scheduleAttributesByUid = new Map<string, Record<string, boolean>>();
  for (const [uid, { attributes }] of Object.entries(contentTypeDefinitions(strapi))) {
    const found: Record<string, boolean> = {};
    for (const [name, attr] of Object.entries(attributes)) {
      if (attr.type === 'component' && attr.component === SCHEDULE_COMPONENT) found[name] = attr.repeatable === true;
    }
    if (Object.keys(found).length > 0) scheduleAttributesByUid.set(uid, found);
  }

  strapi.documents.use(async (context, next) => {
    const params = context.params as { data?: unknown };
    if (!WRITE_ACTIONS.has(context.action) || !params.data || typeof params.data !== 'object') return next();
    const data = params.data as Record<string, unknown>;
    const problems: FieldError[] = [];
    const scheduleAttributes = scheduleAttributesByUid.get(context.uid);
    if (scheduleAttributes) problems.push(...findDocumentScheduleErrors(data, scheduleAttributes));
    if (context.uid.startsWith('api::')) problems.push(...findTelLinkMismatches(data));
    if (context.uid === FACILITY_UID) {
      const phones = checkFacilityPhones(data);
      problems.push(...phones.errors);
      // Stored as E.164 whatever format was typed: the site shows and dials this one number.
      if (phones.phoneE164) data.phoneE164 = phones.phoneE164;
    }
    if (problems.length > 0) {
      throw new errors.ValidationError(problems.map((p) => p.message).join(' '), {
        errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError', value: null })),
      });
    }
    return next();
  });
}
