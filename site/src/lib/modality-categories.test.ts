import { treatmentModalityFieldsSchema } from '@clinic/shared-types';
import { describe, expect, it } from 'vitest';
import { MODALITY_CATEGORIES, modalityCategoryLabel } from './modality-categories.ts';

describe('modality categories', () => {
  it('covers every category the CMS allows, once', () => {
    const keys = MODALITY_CATEGORIES.map((c) => c.key);
    expect([...keys].sort()).toEqual([...treatmentModalityFieldsSchema.shape.category.options].sort());
  });
  it('labels a single category', () => {
    expect(modalityCategoryLabel('psychotherapy')).toBe('Talk therapy');
    expect(modalityCategoryLabel('medication')).toBe('Medication');
  });
});
