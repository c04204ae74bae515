import { callRequestForm, type CallRequestErrorCode } from '@clinic/shared-types';
import type { Lang } from '../i18n/lang.ts';

/**
 * The consent wording's version, from the form's contract (`form-contract.json` in the CMS):
 * each stored request records it, and the CMS accepts only the current one. One version
 * covers both languages: the English and the Spanish consent say the same thing, and the
 * request's `language` says which of the two the visitor read. Change either text's meaning
 * and the version moves for both, so a stale page of either language must be reloaded.
 */
export const CONSENT_VERSION = callRequestForm.consentVersion;

type PreferredTime = (typeof callRequestForm.preferredTimes)[number];

/** Every word the form shows, in one language. A language missing one does not compile. */
export interface CallRequestFormCopy {
  heading: string;
  intro: string;
  callNow: string;
  /** Heads the error summary, and each no-JS message as "<problem>: <message>". */
  problem: string;
  goToField: string;
  nameLabel: string;
  phoneLabel: string;
  phoneHint: string;
  preferredTimeLabel: string;
  preferredTimes: Record<PreferredTime, string>;
  programLabel: string;
  programNotSure: string;
  messageLabel: string;
  messageHint(maxLength: number): string;
  /** The consent the visitor gives, version `CONSENT_VERSION` in this language. */
  consent(facilityName: string): string;
  honeypotLabel: string;
  submit: string;
  /** When no answer came: the request may have arrived, so never "it failed". */
  failed(phoneDisplay: string): string;
  successTitle: string;
  /** Followed by the phone number as a link, then a full stop. */
  successBody: string;
}

const en: CallRequestFormCopy = {
  heading: 'Request a call back',
  intro:
    'Not ready to phone? Leave your name and number and our admissions team will call you back, usually the same day. It is free, confidential and there is no obligation.',
  callNow: 'Or call now',
  problem: 'There is a problem',
  goToField: 'Go to the field',
  nameLabel: 'Your name',
  phoneLabel: 'Phone number',
  phoneHint: 'A US number, for example (949) 555-0123.',
  preferredTimeLabel: 'When should we call?',
  preferredTimes: {
    'as-soon-as-possible': 'As soon as possible',
    morning: 'Morning (8 am – 12 pm)',
    afternoon: 'Afternoon (12 – 5 pm)',
    evening: 'Evening (5 – 8 pm)',
  },
  programLabel: 'Program you are interested in (optional)',
  programNotSure: 'Not sure yet',
  messageLabel: 'Anything we should know? (optional)',
  messageHint: (maxLength) => `Please do not include medical details. Up to ${maxLength} characters.`,
  consent: (facilityName) =>
    `I agree that ${facilityName} may call me at this number about treatment options. We use your name and number only to call you back, never share them, and delete your request after 90 days.`,
  honeypotLabel: 'Leave this field empty',
  submit: 'Request a call back',
  failed: (phoneDisplay) =>
    `We could not confirm your request. It may have reached us: if you are not sure, please call us at ${phoneDisplay}.`,
  successTitle: 'Thank you. We have your request.',
  successBody: 'Our admissions team will call you back soon. If you need to talk now, call',
};

const es: CallRequestFormCopy = {
  heading: 'Solicite una llamada',
  intro:
    '¿Todavía no está listo para llamar? Déjenos su nombre y número, y nuestro equipo de admisiones le devolverá la llamada, por lo general el mismo día. Es gratis, confidencial y sin ningún compromiso.',
  callNow: 'O llame ahora',
  problem: 'Hay un problema',
  goToField: 'Ir al campo',
  nameLabel: 'Su nombre',
  phoneLabel: 'Número de teléfono',
  phoneHint: 'Un número de EE. UU., por ejemplo (949) 555-0123.',
  preferredTimeLabel: '¿Cuándo debemos llamarle?',
  preferredTimes: {
    'as-soon-as-possible': 'Lo antes posible',
    morning: 'Por la mañana (8 a. m. – 12 p. m.)',
    afternoon: 'Por la tarde (12 – 5 p. m.)',
    evening: 'Por la noche (5 – 8 p. m.)',
  },
  programLabel: 'Programa que le interesa (opcional)',
  programNotSure: 'Todavía no lo sé',
  messageLabel: '¿Hay algo que debamos saber? (opcional)',
  messageHint: (maxLength) => `Por favor, no incluya detalles médicos. Hasta ${maxLength} caracteres.`,
  consent: (facilityName) =>
    `Acepto que ${facilityName} me llame a este número para hablar sobre opciones de tratamiento. Usamos su nombre y número solo para devolverle la llamada, nunca los compartimos y eliminamos su solicitud después de 90 días.`,
  honeypotLabel: 'Deje este campo vacío',
  submit: 'Solicitar una llamada',
  failed: (phoneDisplay) =>
    `No pudimos confirmar su solicitud. Es posible que nos haya llegado: si no está seguro, llámenos al ${phoneDisplay}.`,
  successTitle: 'Gracias. Recibimos su solicitud.',
  successBody: 'Nuestro equipo de admisiones le devolverá la llamada pronto. Si necesita hablar ahora, llame al',
};

export const callRequestFormCopy: Record<Lang, CallRequestFormCopy> = { en, es };

/**
 * Where the form posts. A Spanish form says so in the query too (the post's `language`
 * field is what the CMS reads): the site's form proxy answers a CMS that is down or a body
 * that is too large without reading the body, and the query is how it knows the language.
 * It is ours, never typed by the visitor, so it is safe in access logs.
 */
export function formActionOf(lang: Lang): string {
  return lang === 'en' ? '/api/call-requests' : `/api/call-requests?language=${lang}`;
}

/**
 * Every error the endpoint can send back, as code, message (in `lang`) and field, for the
 * no-JS messages: the same map the CMS answers with, so a message links to the field the CMS names.
 */
export function formErrorsOf(lang: Lang) {
  return (Object.keys(callRequestForm.errors) as CallRequestErrorCode[]).map((code) => ({
    code,
    message: callRequestForm.errors[code][lang],
    field: callRequestForm.errorFields[code],
  }));
}
