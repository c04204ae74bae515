import type { FormError, FormErrorCode, FormLanguage } from './parse-call-request';

/** Where each language's pages live on the site: English at the root, Spanish under `/es/`. */
const PATH_PREFIX: Record<FormLanguage, string> = { en: '', es: '/es' };

/**
 * Where a form post without JavaScript lands next, in the post's language: never with what
 * the visitor typed. An error goes back to the page the form was on (its path already says
 * its language), or to the contact page in the post's language when the page is unknown.
 */
export function redirectTarget(
  siteUrl: string,
  outcome:
    | { ok: true; language: FormLanguage }
    | { ok: false; code: FormErrorCode; sourcePage: string | null; language: FormLanguage },
): string {
  const prefix = PATH_PREFIX[outcome.language];
  if (outcome.ok) return `${siteUrl}${prefix}/contact/thanks/`;
  const page = outcome.sourcePage ?? `${prefix}/contact/`;
  // The fragment targets the page's pre-rendered message for this code (shown with :target, no JS).
  return `${siteUrl}${page}?error=${outcome.code}#form-error-${outcome.code}`;
}

/** The 429 a visitor reads, in the post's language: the rest of what they read comes from the error map. */
export function rateLimitedMessage(language: FormLanguage, retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return language === 'es'
    ? `Demasiadas solicitudes. Inténtelo de nuevo en ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}, o llámenos.`
    : `Too many requests. Please try again in ${minutes} minute(s), or call us.`;
}

/** Strapi's error envelope, so clients handle it like any other API error. */
export function errorBody(status: number, name: string, message: string, errors: FormError[] = []) {
  return {
    data: null,
    error: {
      status,
      name,
      message,
      details: { errors: errors.map((e) => ({ path: [e.field], code: e.code, message: e.message })) },
    },
  };
}
