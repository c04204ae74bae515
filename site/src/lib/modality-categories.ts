import type { TreatmentModality } from '@clinic/shared-types';
import { dictionaryOf } from '../i18n/index.ts';
import type { Lang } from '../i18n/lang.ts';

export type ModalityCategory = TreatmentModality['category'];

/** Treatment categories in the order the treatments page groups them (their words are the dictionary's). */
export const MODALITY_CATEGORY_ORDER: readonly ModalityCategory[] = [
  'psychotherapy',
  'group-support',
  'medication',
  'family',
];

/** The categories in order with their headings in `lang`: "Talk therapies", singular "Talk therapy". */
export function modalityCategories(lang: Lang = 'en'): { key: ModalityCategory; label: string; singular: string }[] {
  const labels = dictionaryOf(lang).modalityCategories;
  return MODALITY_CATEGORY_ORDER.map((key) => ({ key, ...labels[key] }));
}

/** The label of one category, e.g. for a therapy page's eyebrow. */
export function modalityCategoryLabel(category: ModalityCategory, lang: Lang = 'en'): string {
  return dictionaryOf(lang).modalityCategories[category].singular;
}
