import type { Core } from '@strapi/strapi';
import { formError, maskPhone, type CallRequestInput, type FormError } from '../form/parse-call-request';
import { notifyAdmissions } from './notify-admissions';

export const CALL_REQUEST_UID = 'api::call-request.call-request';
/** The admin's default locale: a request links the English version of its program. */
const ADMIN_LOCALE = 'en';

/**
 * Stores one request, then notifies admissions in the background. The request is
 * saved first and a failed notification is logged, never allowed to lose it.
 *
 * It writes through the query engine, not the document service: call requests have no
 * drafts, locales or components, and the document service's extra work (and its
 * entry.create webhook events, which no one needs for these) tripled the cost of a post.
 */
export async function storeCallRequest(
  strapi: Core.Strapi,
  input: CallRequestInput,
): Promise<{ ok: true; documentId: string } | { ok: false; error: FormError }> {
  let programId: number | null = null;
  if (input.program) {
    // Only a program visitors can see is a valid choice, by its slug in any language (a
    // Spanish page sends the Spanish one). The link goes to its draft row, the version the
    // admin shows and edits, in English, the admin's default locale, where there is one.
    const published = (await strapi.db.query('api::program-level.program-level').findOne({
      where: { slug: input.program, publishedAt: { $notNull: true } },
      select: ['documentId'],
    })) as { documentId: string } | null;
    const drafts = published
      ? ((await strapi.db.query('api::program-level.program-level').findMany({
          where: { documentId: published.documentId, publishedAt: null },
          select: ['id', 'locale'],
        })) as { id: number; locale: string | null }[])
      : [];
    const level = drafts.find((row) => row.locale === ADMIN_LOCALE) ?? drafts[0];
    if (!level) return { ok: false, error: formError('program_invalid', input.language) };
    programId = level.id;
  }
  const created = (await strapi.db.query(CALL_REQUEST_UID).create({
    data: {
      name: input.name,
      phone: input.phone,
      preferredTime: input.preferredTime,
      message: input.message,
      consent: true,
      consentVersion: input.consentVersion,
      sourcePage: input.sourcePage,
      language: input.language,
      status: 'new',
      ...(programId ? { programOfInterest: programId } : {}),
    },
  })) as { documentId: string };
  // The visitor does not wait for the email; the request is already safe.
  notifyAdmissions(strapi, {
    documentId: created.documentId,
    phone: input.phone,
    preferredTime: input.preferredTime,
    language: input.language,
  }).then(
    () => strapi.log.info(`Call request stored (phone ${maskPhone(input.phone)}); admissions notified`),
    (error: unknown) =>
      strapi.log.error(
        `Call request stored (phone ${maskPhone(input.phone)}) but the notification failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
  );
  return { ok: true, documentId: created.documentId };
}
