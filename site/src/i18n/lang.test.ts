import { describe, expect, it } from 'vitest';
import { isLang, langOfPath, otherLang } from './lang.ts';

describe('lang', () => {
  it('reads Spanish from /es/ and everything under it, English elsewhere', () => {
    expect(langOfPath('/es/')).toBe('es');
    expect(langOfPath('/es')).toBe('es');
    expect(langOfPath('/es/programs/desintoxicacion-medica/')).toBe('es');
    expect(langOfPath('/')).toBe('en');
    expect(langOfPath('/estimates/')).toBe('en');
    expect(langOfPath('/programs/es/')).toBe('en');
  });

  it('switches to the other language and accepts only the two codes', () => {
    expect(otherLang('en')).toBe('es');
    expect(otherLang('es')).toBe('en');
    expect(isLang('es')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });
});
