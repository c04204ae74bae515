import { treatmentModalityFieldsSchema } from '@clinic/shared-types';
import { describe, expect, it } from 'vitest';
import { MODALITY_CATEGORY_ORDER, modalityCategories, modalityCategoryLabel } from './modality-categories.ts';

describe('modality categories', () => {
  it('covers every category the CMS allows, once', () => {
    const keys = MODALITY_CATEGORY_ORDER;
    expect([...keys].sort()).toEqual([...treatmentModalityFieldsSchema.shape.category.options].sort());
  });
  it('labels a single category', () => {
    expect(modalityCategoryLabel('psychotherapy')).toBe('Talk therapy');
    expect(modalityCategoryLabel('medication')).toBe('Medication');
    expect(modalityCategoryLabel('psychotherapy', 'es')).toBe('Terapia de conversación');
  });
  it('heads the groups in order, in either language', () => {
    expect(modalityCategories().map((c) => c.label)).toEqual([
      'Talk therapies',
      'Group support',
      'Medication',
      'Family support',
    ]);
    expect(modalityCategories('es').map((c) => c.label)).toEqual([
      'Terapias de conversación',
      'Apoyo en grupo',
      'Medicamentos',
      'Apoyo familiar',
    ]);
  });
});
