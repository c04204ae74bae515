import { errors } from '@strapi/utils';
import { describe, expect, it } from 'vitest';
import { describeRunFailure } from './run-due-actions';

describe('describeRunFailure', () => {
  it("names each invalid field of Strapi's validation error by its label, not just how many there were", () => {
    const error = new errors.ValidationError('2 errors occurred', {
      errors: [
        { path: ['answer'], message: 'answer must be defined.', name: 'ValidationError', value: null },
        { path: ['schedule', 'hoursPerWeek'], message: 'minimum exceeds maximum', name: 'ValidationError', value: 12 },
      ],
    });
    expect(describeRunFailure(error)).toBe('Answer is required: fill it in. Hours per week: minimum exceeds maximum');
  });

  it('falls back to the message of any other error', () => {
    expect(describeRunFailure(new Error('the entry no longer exists (api::faq.faq abc)'))).toBe(
      'the entry no longer exists (api::faq.faq abc)',
    );
  });
});
