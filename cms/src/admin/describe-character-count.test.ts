import { describe, expect, it } from 'vitest';
import seo from '../components/shared/seo.json';
import {
  countCharacters,
  describeCharacterCount,
  describeLimitCrossing,
  textLimitsOf,
} from './describe-character-count';

describe('textLimitsOf', () => {
  it('reads the limits from the schema attribute, as the SEO meta description states them', () => {
    expect(textLimitsOf(seo.attributes.metaDescription)).toEqual({ min: 50, max: 160 });
    expect(textLimitsOf(seo.attributes.metaTitle)).toEqual({ max: 60 });
  });

  it('gives no limits for a field without them, so it shows no count', () => {
    expect(textLimitsOf({ type: 'string' })).toBeNull();
    expect(textLimitsOf({ type: 'string', maxLength: 0 })).toBeNull();
    expect(textLimitsOf({ type: 'string', maxLength: '60' })).toBeNull();
    expect(textLimitsOf(undefined)).toBeNull();
  });
});

describe('countCharacters', () => {
  it('counts as the validation does, so "172 / 160" and the "too long" error agree', () => {
    expect(countCharacters('a'.repeat(172))).toBe(172);
    // An emoji is two UTF-16 units for yup's max() on both the admin and the server.
    expect(countCharacters('Call 988 💬')).toBe('Call 988 💬'.length);
    expect(countCharacters(null)).toBe(0);
    expect(countCharacters(undefined)).toBe(0);
  });
});

describe('describeCharacterCount', () => {
  it('shows the length against the maximum, as "172 / 160", and says how far over', () => {
    expect(describeCharacterCount('a'.repeat(172), { max: 160 })).toEqual({
      shown: '172 / 160',
      spoken: '172 characters, 12 over the limit of 160.',
      state: 'over',
    });
  });

  it('is within the limit up to and at the maximum', () => {
    expect(describeCharacterCount('a'.repeat(160), { max: 160 })).toMatchObject({
      shown: '160 / 160',
      state: 'within',
      spoken: '160 characters of 160 allowed.',
    });
    expect(describeCharacterCount('', { max: 60 })).toMatchObject({ shown: '0 / 60', state: 'within' });
  });

  it('says how much is missing below the minimum once something is typed', () => {
    expect(describeCharacterCount('a'.repeat(12), { min: 40, max: 400 })).toEqual({
      shown: '12 / 400',
      spoken: '12 characters, 28 short of the minimum of 40.',
      state: 'short',
    });
    // An empty field is not "short": whether it may be empty is the required rule's to say.
    expect(describeCharacterCount('', { min: 40, max: 400 }).state).toBe('within');
  });

  it('shows the minimum for a field that has only one', () => {
    expect(describeCharacterCount('a', { min: 10 })).toEqual({
      shown: '1 (min. 10)',
      spoken: '1 character, 9 short of the minimum of 10.',
      state: 'short',
    });
  });
});

describe('describeLimitCrossing', () => {
  it('announces going over the maximum and coming back under it', () => {
    expect(describeLimitCrossing(true, 160)).toBe('Over the limit of 160 characters.');
    expect(describeLimitCrossing(false, 160)).toBe('Within the limit of 160 characters again.');
  });
});
