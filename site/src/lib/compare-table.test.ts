import type { ScheduleFacts } from '@clinic/shared-types';
import { describe, expect, it } from 'vitest';
import { buildCompareTable, type ComparableLevel } from './compare-table.ts';

const schedule = (facts: Partial<ScheduleFacts>): ScheduleFacts => ({
  id: 1,
  label: null,
  hoursPerWeekMin: null,
  hoursPerWeekMax: null,
  daysPerWeekMin: null,
  daysPerWeekMax: null,
  hoursPerDayMin: null,
  hoursPerDayMax: null,
  durationWeeksMin: null,
  durationWeeksMax: null,
  ...facts,
});

const iop: ComparableLevel = {
  name: 'Intensive outpatient program',
  shortName: 'IOP',
  slug: 'intensive-outpatient-program',
  continuumRank: 2,
  setting: 'outpatient',
  virtualOption: true,
  offeredOnSite: false,
  schedule: schedule({
    hoursPerWeekMin: 12,
    hoursPerWeekMax: 15,
    daysPerWeekMin: 3,
    daysPerWeekMax: 5,
    hoursPerDayMin: 3,
    hoursPerDayMax: 4,
    durationWeeksMin: 12,
    durationWeeksMax: 16,
  }),
  alternateSchedules: [
    schedule({
      label: 'Mental health IOP',
      hoursPerWeekMin: 3,
      hoursPerWeekMax: 3,
      daysPerWeekMin: 3,
      daysPerWeekMax: 3,
    }),
  ],
};

const php: ComparableLevel = {
  name: 'Partial hospitalization program',
  shortName: 'PHP',
  slug: 'partial-hospitalization-program',
  continuumRank: 3,
  setting: 'day-program',
  virtualOption: false,
  offeredOnSite: false,
  schedule: schedule({ hoursPerDayMin: 5, hoursPerDayMax: 6, daysPerWeekMin: 5, daysPerWeekMax: 5 }),
  alternateSchedules: [],
};

const residential: ComparableLevel = {
  name: 'Residential treatment',
  shortName: null,
  slug: 'residential-treatment',
  continuumRank: 4,
  setting: 'residential',
  virtualOption: false,
  offeredOnSite: true,
  schedule: null,
  alternateSchedules: [],
};

describe('buildCompareTable', () => {
  const table = buildCompareTable([residential, php, iop]);

  it('orders rows along the continuum with alternates right after their level', () => {
    expect(table.rows.map((r) => r.key)).toEqual([
      'intensive-outpatient-program',
      'intensive-outpatient-program--1',
      'partial-hospitalization-program',
      'residential-treatment',
    ]);
  });

  it('shows the IOP facts as ranges', () => {
    const row = table.rows[0];
    expect(row?.heading).toBe('Intensive outpatient program (IOP)');
    expect(row?.cells).toMatchObject({
      hoursPerWeek: '12\u201315',
      daysPerWeek: '3\u20135',
      hoursPerDay: '3\u20134',
      durationWeeks: '12\u201316',
      setting: 'Outpatient clinic',
      virtualOption: 'Available',
      offeredOnSite: 'Through partners',
    });
  });

  it('labels an alternate schedule and gives it the level setting and availability', () => {
    const row = table.rows[1];
    expect(row).toMatchObject({ heading: 'Mental health IOP', isAlternate: true });
    expect(row?.cells).toMatchObject({
      hoursPerWeek: '3',
      daysPerWeek: '3',
      hoursPerDay: null,
      offeredOnSite: 'Through partners',
    });
  });

  it('leaves facts the CMS does not state as null, including a level with no schedule', () => {
    expect(table.rows[2]?.cells.hoursPerWeek).toBeNull();
    expect(table.rows[2]?.cells.hoursPerDay).toBe('5\u20136');
    expect(table.rows[3]?.cells).toMatchObject({
      hoursPerWeek: null,
      durationWeeks: null,
      setting: 'Residential',
      offeredOnSite: 'Offered on site',
    });
  });

  it('has a column for every schedule measure and the setting facts', () => {
    expect(table.columns.map((c) => c.key)).toEqual([
      'hoursPerWeek',
      'daysPerWeek',
      'hoursPerDay',
      'durationWeeks',
      'setting',
      'virtualOption',
      'offeredOnSite',
    ]);
  });

  it('names an unlabeled alternate schedule after its level', () => {
    const unlabeled = buildCompareTable([{ ...php, alternateSchedules: [schedule({ daysPerWeekMin: 3 })] }]);
    expect(unlabeled.rows[1]?.heading).toBe('PHP, other schedule');
  });

  it('says it all in Spanish, headers included', () => {
    const spanish = buildCompareTable([residential, php, iop], 'es');
    expect(spanish.columns.map((c) => c.label)).toEqual([
      'Horas a la semana',
      'Días a la semana',
      'Horas al día',
      'Duración en semanas',
      'Lugar de atención',
      'Opción virtual',
      'Dónde se ofrece',
    ]);
    expect(spanish.rows[0]?.cells).toMatchObject({
      hoursPerWeek: '12\u201315',
      setting: 'Clínica ambulatoria',
      virtualOption: 'Disponible',
      offeredOnSite: 'Con centros colaboradores',
    });
    expect(spanish.rows[3]?.cells).toMatchObject({ virtualOption: 'No', offeredOnSite: 'En nuestro centro' });
    const unlabeled = buildCompareTable([{ ...php, alternateSchedules: [schedule({ daysPerWeekMin: 3 })] }], 'es');
    expect(unlabeled.rows[1]?.heading).toBe('PHP, otro horario');
  });
});
