/** Words that are acronyms or have a house spelling in labels. */
const WORDS: Record<string, string> = {
  seo: 'SEO',
  faqs: 'FAQs',
  faq: 'FAQ',
  asam: 'ASAM',
  url: 'URL',
  tty: 'TTY',
  e164: '(E.164)',
  min: '(min)',
  max: '(max)',
};

/**
 * The label an editor reads above a field: `continuumRank` -> "Continuum rank",
 * `hoursPerWeekMin` -> "Hours per week (min)", `phoneE164` -> "Phone (E.164)".
 */
export function fieldLabel(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])(\d)/g, '$1$2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const text = words.map((w) => WORDS[w] ?? w).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
