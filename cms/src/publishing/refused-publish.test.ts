import { describe, expect, it } from 'vitest';
import { describeRefusal, plainFieldMessage } from './refused-publish';

describe('plainFieldMessage', () => {
  it.each([
    [['answer'], 'answer must be defined.', 'Answer is required: fill it in.'],
    [['answer'], 'answer must be a `string` type, but the final value was: `null`.', 'Answer is required: fill it in.'],
    [['question'], 'question is a required field', 'Question is required: fill it in.'],
    [
      ['seo', 'metaDescription'],
      'seo.metaDescription must be at most 160 characters',
      'Meta description is too long: shorten it to at most 160 characters.',
    ],
    [['summary'], 'summary must be at least 40 characters', 'Summary is too short: write at least 40 characters.'],
    [
      ['schedule', 'hoursPerWeekMax'],
      'hoursPerWeekMax must be less than or equal to 60',
      'Hours per week (max) is too high: at most 60.',
    ],
    [['continuumRank'], 'continuumRank must be greater than or equal to 0', 'Continuum rank is too low: at least 0.'],
    [['slug'], 'This attribute must be unique', 'Slug is already used by another entry: choose a different one.'],
    [
      ['phoneE164'],
      'phoneE164 must match the following: "/^\\+[1-9]\\d{6,14}$/"',
      'Phone number is not in the expected format: the hint under the field shows it.',
    ],
  ])('says %j "%s" in the editor\'s words', (path, message, expected) => {
    expect(plainFieldMessage({ path, message })).toBe(expected);
  });

  it('keeps a message that already starts with the field label, as ours do', () => {
    const message = 'Hours per week (max) must be at least the minimum, 20.';
    expect(plainFieldMessage({ path: ['schedule', 'hoursPerWeekMax'], message })).toBe(message);
  });

  it('names the field before a message it does not know', () => {
    expect(plainFieldMessage({ path: ['body'], message: 'something odd' })).toBe('Body: something odd');
  });

  it('leaves a message without a field as it is', () => {
    expect(plainFieldMessage({ path: [], message: 'the entry no longer exists' })).toBe('the entry no longer exists');
  });
});

describe('describeRefusal', () => {
  it('says the entry was not published and what to fix, for one field', () => {
    expect(
      describeRefusal('publish', 'answer must be defined.', [{ path: ['answer'], message: 'answer must be defined.' }]),
    ).toBe('Not published. Answer is required: fill it in.');
  });

  it('counts the problems and names each field once, for several', () => {
    expect(
      describeRefusal('publish', '3 errors occurred', [
        { path: ['answer'], message: 'answer must be defined.' },
        { path: ['seo', 'metaDescription'], message: 'too long' },
        { path: ['seo', 'metaDescription'], message: 'has a tel: link' },
      ]),
    ).toBe(
      'Not published: 3 problems to fix first, in Answer, Meta description. Each field says what to change, in red under it.',
    );
  });

  it('adds "Not published" to a refusal without fields, unless it already speaks of publishing', () => {
    expect(describeRefusal('publish', 'The CMS is busy', [])).toBe('Not published: The CMS is busy');
    expect(describeRefusal('publish', "Residential treatment can't be published yet", [])).toBe(
      "Residential treatment can't be published yet",
    );
  });

  it('says "Not saved" when a save is refused', () => {
    expect(
      describeRefusal('save', 'seo.metaDescription must be at most 160 characters', [
        { path: ['seo', 'metaDescription'], message: 'seo.metaDescription must be at most 160 characters' },
      ]),
    ).toBe('Not saved. Meta description is too long: shorten it to at most 160 characters.');
  });
});
