import { callRequestForm } from '@clinic/shared-types';
import { describe, expect, it } from 'vitest';
import { callRequestFormCopy, formActionOf, formErrorsOf } from './call-request-form.ts';

describe('the call-back form in two languages', () => {
  it('posts an English form where it always has, and names Spanish in the action for the proxy', () => {
    expect(formActionOf('en')).toBe('/api/call-requests');
    expect(formActionOf('es')).toBe('/api/call-requests?language=es');
  });

  it('pre-renders every error the CMS can redirect with, in the page language', () => {
    const codes = Object.keys(callRequestForm.errors);
    for (const lang of ['en', 'es'] as const) {
      const errors = formErrorsOf(lang);
      expect(errors.map((e) => e.code)).toEqual(codes);
      for (const { code, message, field } of errors) {
        expect(message).toBe(callRequestForm.errors[code][lang]);
        expect(field).toBe(callRequestForm.errorFields[code]);
      }
    }
    expect(formErrorsOf('es').find((e) => e.code === 'consent_required')?.message).toBe(
      'Marque la casilla para que podamos llamarle.',
    );
  });

  it('leaves no English words on the Spanish form', () => {
    const en = callRequestFormCopy.en;
    const es = callRequestFormCopy.es;
    const words = (copy: typeof en) => [
      ...Object.values(copy).filter((v): v is string => typeof v === 'string'),
      ...Object.values(copy.preferredTimes),
      copy.messageHint(500),
      copy.consent('Clinic'),
      copy.failed('(949) 555-0123'),
    ];
    const english = words(en);
    for (const [i, text] of words(es).entries()) {
      expect(text, text).not.toBe(english[i]);
      expect(text, text).not.toMatch(/\b(the|you|your|call us|please|request)\b/i);
    }
    expect(es.consent('Clinic')).toContain('Clinic');
  });
});
