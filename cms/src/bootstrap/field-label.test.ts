import { describe, expect, it } from 'vitest';
import { fieldLabel } from './field-label';

describe('fieldLabel', () => {
  it('turns field names into sentence-case labels', () => {
    expect(fieldLabel('continuumRank')).toBe('Continuum rank');
    expect(fieldLabel('programLevels')).toBe('Program levels');
    expect(fieldLabel('name')).toBe('Name');
  });

  it('spells acronyms and ranges the way editors read them', () => {
    expect(fieldLabel('phoneE164')).toBe('Phone number');
    expect(fieldLabel('hoursPerWeekMin')).toBe('Hours per week (min)');
    expect(fieldLabel('asamLevel')).toBe('ASAM level');
    expect(fieldLabel('seo')).toBe('SEO');
    expect(fieldLabel('faqs')).toBe('FAQs');
    expect(fieldLabel('ttyDisplay')).toBe('TTY display');
  });
});
