import type { Core } from '@strapi/strapi';
import { emailPlugin } from '../../../strapi/internals';
import { maskPhone, type FormLanguage } from '../form/parse-call-request';

/** The language admissions calls back in, as the email names it. */
const LANGUAGE_NAMES: Record<FormLanguage, string> = { en: 'English', es: 'Spanish' };

const RECIPIENT_TTL_MS = 60_000;
let recipientCache: { at: number; to: string | undefined; name: string | undefined } | null = null;

/** The facility's published email and name, read at most once a minute: a burst of posts needs one lookup. */
async function facilityContact(
  strapi: Core.Strapi,
  now = Date.now(),
): Promise<{ to: string | undefined; name: string | undefined }> {
  if (recipientCache && now - recipientCache.at < RECIPIENT_TTL_MS) return recipientCache;
  const facility = (await strapi
    .documents('api::facility.facility')
    .findFirst({ status: 'published', fields: ['email', 'name'] })) as {
    email?: string;
    name?: string;
  } | null;
  recipientCache = { at: now, to: facility?.email, name: facility?.name };
  return recipientCache;
}

/**
 * Emails the facility's address that a request arrived. Health data stays in the CMS:
 * the email carries only the masked phone, the preferred time and a link to the admin.
 */
export async function notifyAdmissions(
  strapi: Core.Strapi,
  request: { documentId: string; phone: string; preferredTime: string; language: FormLanguage },
): Promise<void> {
  const facility = await facilityContact(strapi);
  const to = process.env.CALL_REQUEST_NOTIFY_EMAIL || facility.to;
  if (!to) throw new Error('no recipient: set the facility email or CALL_REQUEST_NOTIFY_EMAIL');
  const adminUrl = `${(process.env.CMS_PUBLIC_URL || `http://localhost:${process.env.CMS_PORT || '1337'}`).replace(/\/+$/, '')}/admin/content-manager/collection-types/api::call-request.call-request/${request.documentId}`;
  const email = emailPlugin(strapi).service('email');
  await email.send({
    to,
    // Spanish in the subject too: whoever picks the request up should be able to speak it.
    subject: `New call-back request (${request.preferredTime.replace(/-/g, ' ')}${request.language === 'en' ? '' : `, in ${LANGUAGE_NAMES[request.language]}`})`,
    text: [
      `A visitor asked ${facility.name ?? 'us'} to call them back.`,
      `Phone: ${maskPhone(request.phone)} (full number in the admin)`,
      `Preferred time: ${request.preferredTime.replace(/-/g, ' ')}`,
      `Call back in: ${LANGUAGE_NAMES[request.language]}`,
      `Open it: ${adminUrl}`,
    ].join('\n'),
  });
}
