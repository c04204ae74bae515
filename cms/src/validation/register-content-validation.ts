import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentTypeDefinitions } from '../strapi/internals';
import { checkFacilityPhones } from './facility-phones';
import { findDocumentScheduleErrors, type FieldError } from './schedule-ranges';
import { findTelLinkMismatches } from './tel-links';
import { findTypedFacilityPhones, placeholderFields } from './typed-facility-phone';

const SCHEDULE_COMPONENT = 'shared.schedule-facts';
const FACILITY_UID = 'api::facility.facility';
const WRITE_ACTIONS = new Set(['create', 'update']);

function throwIfAny(problems: FieldError[]): void {
  if (problems.length === 0) return;
  throw new errors.ValidationError(problems.map((p) => p.message).join(' '), {
    errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError', value: null })),
  });
}

/**
 * Rules Strapi's schema constraints cannot express (a minimum must not exceed its maximum;
 * the facility's phone numbers, see facility-phones.ts; Markdown phone links that show the
 * number they dial), enforced in the document service so the admin, the REST API
 * and the seed all meet them. Errors carry the field path, so the admin highlights it.
 *
 * At publish (and on a save that publishes), text must not type the facility's own number:
 * it says `{phone}`, which the site fills with the current one (typed-facility-phone.ts).
 * Drafts may still hold it while an editor works.
 */
export function registerContentValidation(strapi: Core.Strapi): void {
  const scheduleAttributesByUid = new Map<string, Record<string, boolean>>();
  /** Where each type's copy may say `{phone}` (Markdown fields, the SEO meta description). */
  const placeholderFieldsByUid = new Map<string, string[]>();
  for (const [uid, { attributes }] of Object.entries(contentTypeDefinitions(strapi))) {
    const found: Record<string, boolean> = {};
    for (const [name, attr] of Object.entries(attributes)) {
      if (attr.type === 'component' && attr.component === SCHEDULE_COMPONENT) found[name] = attr.repeatable === true;
    }
    if (Object.keys(found).length > 0) scheduleAttributesByUid.set(uid, found);
    placeholderFieldsByUid.set(uid, placeholderFields(attributes));
  }

  /** The facility's numbers as stored, draft and published: either may be the one an editor copied. */
  async function facilityNumbers(): Promise<string[]> {
    const rows = (await strapi.db.query(FACILITY_UID).findMany({ select: ['phoneE164'] })) as { phoneE164?: unknown }[];
    return rows.map((row) => row.phoneE164).filter((n): n is string => typeof n === 'string' && n !== '');
  }

  strapi.documents.use(async (context, next) => {
    const copyFields = placeholderFieldsByUid.get(context.uid) ?? [];
    if (context.action === 'publish') {
      const { documentId, locale } = context.params as { documentId?: unknown; locale?: unknown };
      if (typeof documentId === 'string' && copyFields.length > 0) {
        const draft = await strapi.documents(context.uid).findOne({
          documentId,
          ...(typeof locale === 'string' ? { locale } : {}),
          status: 'draft',
          // The components that hold copy (SEO), so their text is read too.
          populate: [...new Set(copyFields.filter((f) => f.includes('.')).map((f) => f.split('.')[0] ?? f))],
        });
        if (draft) throwIfAny(findTypedFacilityPhones(draft, await facilityNumbers(), copyFields));
      }
      return next();
    }

    const params = context.params as { data?: unknown; status?: unknown };
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
    // A save that publishes at once (the seed, the REST API with status=published).
    if (params.status === 'published' && copyFields.length > 0) {
      const numbers = await facilityNumbers();
      if (typeof data.phoneE164 === 'string' && context.uid === FACILITY_UID) numbers.push(data.phoneE164);
      problems.push(...findTypedFacilityPhones(data, numbers, copyFields));
    }
    throwIfAny(problems);
    return next();
  });
}
