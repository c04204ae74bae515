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

/** Fields whose name says how they are stored, not what an editor types. */
const LABELS: Record<string, string> = {
  // Editors type the number in any format; it is stored as E.164.
  phoneE164: 'Phone number',
};

/**
 * The label an editor reads above a field, and the name messages call it by:
 * `continuumRank` -> "Continuum rank", `hoursPerWeekMin` -> "Hours per week (min)".
 */
export function fieldLabel(name: string): string {
  const label = LABELS[name];
  if (label) return label;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])(\d)/g, '$1$2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const text = words.map((w) => WORDS[w] ?? w).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
