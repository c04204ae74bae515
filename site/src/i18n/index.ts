/**
 * The site's UI strings by language. A page, layout or component takes `lang: Lang`
 * (default 'en') and reads its words from `dictionaryOf(lang)`:
 *
 *   const t = dictionaryOf(lang);
 *   t.nav.sections.programs;          // "Programs" | "Programas"
 *   t.call.callNumber('(949) 694-8305');
 */
import { en, type Dictionary } from './en.ts';
import { es } from './es.ts';
import type { Lang } from './lang.ts';

export type { Dictionary } from './en.ts';

export const dictionaries: Readonly<Record<Lang, Dictionary>> = { en, es };

/** The dictionary of a language. */
export function dictionaryOf(lang: Lang): Dictionary {
  return dictionaries[lang];
}
