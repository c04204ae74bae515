import { describe, expect, it } from 'vitest';
import { displayName } from './display-name.ts';

describe('displayName', () => {
  it('adds the abbreviation in brackets', () => {
    expect(displayName({ name: 'Intensive outpatient program', shortName: 'IOP' })).toBe(
      'Intensive outpatient program (IOP)',
    );
  });
  it('leaves out a short name the name already contains', () => {
    expect(displayName({ name: 'Medical detox', shortName: 'Detox' })).toBe('Medical detox');
  });
  it('is the name alone without a short name', () => {
    expect(displayName({ name: 'Family therapy', shortName: null })).toBe('Family therapy');
    expect(displayName({ name: 'Family therapy', shortName: '  ' })).toBe('Family therapy');
  });
});
