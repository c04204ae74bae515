import type { TreatmentModality } from '@clinic/shared-types';

export type ModalityCategory = TreatmentModality['category'];

/** Treatment categories in the order the treatments page groups them, with their headings. */
export const MODALITY_CATEGORIES: readonly { key: ModalityCategory; label: string; singular: string }[] = [
  { key: 'psychotherapy', label: 'Talk therapies', singular: 'Talk therapy' },
  { key: 'group-support', label: 'Group support', singular: 'Group support' },
  { key: 'medication', label: 'Medication', singular: 'Medication' },
  { key: 'family', label: 'Family support', singular: 'Family support' },
];

/** The label of one category, e.g. for a therapy page's eyebrow. */
export function modalityCategoryLabel(category: ModalityCategory): string {
  return MODALITY_CATEGORIES.find((c) => c.key === category)?.singular ?? category;
}
