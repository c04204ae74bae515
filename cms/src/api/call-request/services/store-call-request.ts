import type { Core } from '@strapi/strapi';
import { maskPhone, type CallRequestInput, type FormError } from '../form/parse-call-request';
import { notifyAdmissions } from './notify-admissions';

export const CALL_REQUEST_UID = 'api::call-request.call-request';

/**
 * Stores one request, then notifies admissions. The request is saved first and a
 * failed notification is logged, never allowed to lose it.
 */
export async function storeCallRequest(
  strapi: Core.Strapi,
  input: CallRequestInput,
): Promise<{ ok: true; documentId: string } | { ok: false; error: FormError }> {
  let programDocumentId: string | null = null;
  if (input.program) {
    const level = (await strapi.documents('api::program-level.program-level').findFirst({
      filters: { slug: input.program },
      status: 'published',
      fields: ['documentId'],
    })) as { documentId: string } | null;
    if (!level) return { ok: false, error: { field: 'program', code: 'program_invalid', message: 'Choose a program from the list.' } };
    programDocumentId = level.documentId;
  }
  const created = (await strapi.documents(CALL_REQUEST_UID).create({
    data: {
      name: input.name,
      phone: input.phone,
      preferredTime: input.preferredTime,
      message: input.message,
      consent: true,
      consentVersion: input.consentVersion,
      sourcePage: input.sourcePage,
      status: 'new',
      ...(programDocumentId ? { programOfInterest: programDocumentId } : {}),
    },
  })) as { documentId: string };
  try {
    await notifyAdmissions(strapi, { documentId: created.documentId, phone: input.phone, preferredTime: input.preferredTime });
    strapi.log.info(`Call request stored (phone ${maskPhone(input.phone)}); admissions notified`);
  } catch (error) {
    strapi.log.error(
      `Call request stored (phone ${maskPhone(input.phone)}) but the notification failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { ok: true, documentId: created.documentId };
}
