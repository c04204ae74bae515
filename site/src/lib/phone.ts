/**
 * A `tel:` link for a number stored as E.164 ("+19496948305") or as a short code ("988").
 * Anything else in the string (spaces, dashes, brackets) is dropped.
 */
export function telHref(number: string): string {
  const digits = number.trim().replace(/[^\d+]/g, '');
  return `tel:${digits}`;
}

/** An `sms:` link for the same kinds of numbers. */
export function smsHref(number: string): string {
  return `sms:${telHref(number).slice('tel:'.length)}`;
}
