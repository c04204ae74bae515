import { describe, expect, it } from 'vitest';
import { isPlaceholderSlug } from './placeholder-slug';

describe('isPlaceholderSlug', () => {
  it("recognises the admin's proposal before anything was typed", () => {
    expect(isPlaceholderSlug('faq', 'faq')).toBe(true);
    expect(isPlaceholderSlug('faq-3', 'faq')).toBe(true);
    expect(isPlaceholderSlug('program-level-12', 'program-level')).toBe(true);
  });

  it('leaves a slug an editor or the seed chose alone', () => {
    expect(isPlaceholderSlug('faq-about-groups', 'faq')).toBe(false);
    expect(isPlaceholderSlug('intensive-outpatient-program', 'program-level')).toBe(false);
    expect(isPlaceholderSlug(undefined, 'faq')).toBe(false);
  });
});
