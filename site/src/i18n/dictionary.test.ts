import { describe, expect, expectTypeOf, it } from 'vitest';
import { SAME_IN_BOTH_LANGUAGES, englishOnlyTexts, textsOf } from './dictionary-texts.ts';
import { en, type Dictionary } from './en.ts';
import { es } from './es.ts';
import { dictionaryOf } from './index.ts';
import { langs } from './lang.ts';

const english = textsOf(en);
const spanish = textsOf(es);

describe('the dictionaries', () => {
  it('refuse a Spanish dictionary with a key missing (type check)', () => {
    const { layout, ...withoutLayout } = es;
    // @ts-expect-error: `layout` is missing.
    const incomplete: Dictionary = withoutLayout;
    expect(layout.skipToContent).toBeTruthy();
    expect(incomplete).toBeDefined();
    expectTypeOf(es).toExtend<Dictionary>();
  });

  it('have the same keys in both languages', () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('give every entry a non-empty text, or texts for every sample', () => {
    for (const texts of [english, spanish]) {
      for (const [path, values] of texts) {
        // Only the screen-reader-only ends of a link and a measure's period ("12 weeks") may be empty.
        if (/\.(hiddenBefore|hiddenAfter|per)$/.test(path)) continue;
        expect(
          values.every((v) => v.trim().length > 0),
          path,
        ).toBe(true);
      }
    }
  });

  it('say nothing in Spanish exactly as in English, but for the listed exceptions', () => {
    const same = [...english].filter(([path, values]) =>
      values.some((value, i) => value !== '' && spanish.get(path)?.[i] === value),
    );
    expect(same.map(([path]) => path).sort()).toEqual(Object.keys(SAME_IN_BOTH_LANGUAGES).sort());
  });

  it('leave no unfilled placeholder or English article glued into a Spanish text', () => {
    for (const [path, values] of spanish) {
      for (const value of values) {
        expect(value, path).not.toMatch(/\bundefined\b|\[object Object\]/);
        expect(value, path).not.toMatch(/\b(the|and|of|your)\b/);
      }
    }
  });

  it('put the article before an abbreviation in Spanish, as the seed does', () => {
    expect(es.program.questionsAbout('IOP')).toBe('Preguntas sobre el IOP');
    expect(es.program.questionsAbout('desintoxicación médica')).toBe('Preguntas sobre desintoxicación médica');
  });

  it('are reached by language', () => {
    expect(langs.map((lang) => dictionaryOf(lang).nav.home)).toEqual(['Home', 'Inicio']);
  });
});

describe('englishOnlyTexts', () => {
  const texts = englishOnlyTexts();

  it('lists the English words of the UI, without the values pages fill in', () => {
    expect(texts).toContain('Skip to main content');
    expect(texts).toContain('Call');
    expect(texts).toContain('results for');
    expect(texts).toContain('free and confidential');
    expect(texts.some((text) => text.includes('⟪') || text.includes('{'))).toBe(false);
  });

  it('leaves out words the Spanish uses too, the listed exceptions and lone lower-case words', () => {
    expect(texts).not.toContain('TTY');
    expect(texts).not.toContain('and');
    expect(texts).not.toContain('hours');
    expect(texts).toContain('up to');
    expect(texts).not.toContain('No');
    expect(texts).not.toContain('Error');
  });

  it('lists nothing that a Spanish text contains', () => {
    const spanishTexts = [...spanish.values()].flat();
    expect(texts.filter((text) => spanishTexts.some((s) => s === text))).toEqual([]);
  });
});
