import { describe, expect, it } from 'vitest';
import { buildAvailabilityNote, describeAvailability } from './availability.ts';

const FACILITY = 'Harbor Clinic';
const iop = { name: 'Intensive Outpatient Program', offeredOnSite: false, availabilityNote: null };
const php = { name: 'Partial Hospitalization Program', offeredOnSite: true, availabilityNote: null };

describe('describeAvailability', () => {
  it('labels a level offered on site and one arranged through partners', () => {
    expect(describeAvailability(php)).toEqual({
      offeredOnSite: true,
      label: 'Offered on site',
      inlineLabel: 'offered on site',
    });
    expect(describeAvailability(iop)).toEqual({
      offeredOnSite: false,
      label: 'Through partners',
      inlineLabel: 'through partners',
    });
  });
});

describe('buildAvailabilityNote', () => {
  it('says a partner level is arranged, not provided, and offers to talk it through', () => {
    const note = buildAvailabilityNote(iop, FACILITY);
    expect(note.heading).toBe('Arranged through our partners');
    expect(note.text).toBe(
      'Harbor Clinic does not provide this level of care at its facility. Our admissions team can help connect you with a partner.',
    );
    expect(note.callLabel).toBe('Talk it through');
  });

  it('names the facility for a level offered on site', () => {
    const note = buildAvailabilityNote(php, FACILITY);
    expect(note.heading).toBe('Offered at Harbor Clinic');
    expect(note.text).toBe('Harbor Clinic provides partial hospitalization program at its facility.');
    expect(note.callLabel).toBe('Call admissions');
  });

  it('says it in Spanish', () => {
    expect(describeAvailability(iop, 'es')).toMatchObject({
      label: 'Con centros colaboradores',
      inlineLabel: 'con centros colaboradores',
    });
    const onSite = buildAvailabilityNote({ ...php, name: 'Programa de hospitalización parcial' }, FACILITY, 'es');
    expect(onSite).toMatchObject({
      heading: 'Se ofrece en Harbor Clinic',
      text: 'Harbor Clinic ofrece programa de hospitalización parcial en su centro.',
      callLabel: 'Llame a admisiones',
    });
    expect(buildAvailabilityNote(iop, FACILITY, 'es').callLabel).toBe('Hable con nosotros');
  });

  it("prefers the editor's note to the default sentence", () => {
    const note = buildAvailabilityNote({ ...iop, availabilityNote: 'We arrange IOP through partners.' }, FACILITY);
    expect(note.text).toBe('We arrange IOP through partners.');
    expect(note.offeredOnSite).toBe(false);
  });
});
