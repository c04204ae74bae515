import { describe, expect, it } from 'vitest';
import { fillPhonePlaceholder } from './phone-placeholder.ts';

describe('fillPhonePlaceholder', () => {
  it('writes the facility number as visitors read it in a meta description', () => {
    expect(fillPhonePlaceholder('Detox in Laguna Beach. Call {phone}.', '+19496948305')).toBe(
      'Detox in Laguna Beach. Call (949) 694-8305.',
    );
  });

  it('leaves text without the placeholder, unknown placeholders and missing text alone', () => {
    expect(fillPhonePlaceholder('Call {fax} or {Phone}.', '+19496948305')).toBe('Call {fax} or {Phone}.');
    expect(fillPhonePlaceholder(undefined, '+19496948305')).toBeUndefined();
    expect(fillPhonePlaceholder(null, '+19496948305')).toBeNull();
  });
});
