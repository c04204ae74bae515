import { describe, expect, it } from 'vitest';
import { describeFieldIds } from './describe-field-ids';

describe('describeFieldIds', () => {
  it('names the hint and the error together, hint first, as they show', () => {
    expect(describeFieldIds('f1', { hint: true, note: false, error: true })).toBe('f1-hint f1-error');
  });

  it('puts a note such as the character count between the hint and the error', () => {
    expect(describeFieldIds('f1', { hint: true, note: true, error: true })).toBe('f1-hint f1-note f1-error');
  });

  it('names the error alone when the field has no hint', () => {
    expect(describeFieldIds('f1', { hint: false, note: false, error: true })).toBe('f1-error');
  });

  it('names nothing when nothing shows under the input', () => {
    expect(describeFieldIds('f1', { hint: false, note: false, error: false })).toBeUndefined();
  });
});
