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

/**
 * The number as visitors read it, derived from the one the links dial, so the page can never
 * show one number and call another: `+19496948305` -> "(949) 694-8305". Short codes ("988")
 * and numbers outside the US and Canada are shown as stored.
 */
export function formatPhoneDisplay(number: string): string {
  const digits = number.trim().replace(/[^\d+]/g, '');
  const nanp = /^(?:\+1|1)?([2-9]\d{2})([2-9]\d{2})(\d{4})$/.exec(digits);
  return nanp ? `(${nanp[1]}) ${nanp[2]}-${nanp[3]}` : number.trim();
}
