import type { FormError, FormErrorCode } from './parse-call-request';

/** Where a form post without JavaScript lands next: never with what the visitor typed. */
export function redirectTarget(
  siteUrl: string,
  outcome: { ok: true } | { ok: false; code: FormErrorCode; sourcePage: string | null },
): string {
  if (outcome.ok) return `${siteUrl}/contact/thanks/`;
  const page = outcome.sourcePage ?? '/contact/';
  // The fragment targets the page's pre-rendered message for this code (shown with :target, no JS).
  return `${siteUrl}${page}?error=${outcome.code}#form-error-${outcome.code}`;
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
