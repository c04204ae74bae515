import { describe, expect, it } from 'vitest';
import { componentFactUpdates, SHARED_COMPONENT_FIELDS } from './shared-component-facts';

const schedule = {
  attribute: 'schedule',
  component: 'shared.schedule-facts',
  fields: SHARED_COMPONENT_FIELDS['shared.schedule-facts']!,
};
const alternates = { ...schedule, attribute: 'alternateSchedules' };

describe('componentFactUpdates', () => {
  it('gives a translation the English numbers and leaves its label alone', () => {
    const english = { schedule: { id: 1, label: 'Typical IOP', hoursPerWeekMin: 12, hoursPerWeekMax: 15 } };
    const spanish = { schedule: { id: 9, label: 'IOP típico', hoursPerWeekMin: 10, hoursPerWeekMax: 15 } };
    expect(componentFactUpdates(english, spanish, [schedule])).toEqual([
      { component: 'shared.schedule-facts', id: 9, data: { hoursPerWeekMin: 12 } },
    ]);
  });

  it('matches repeated items by position, clears a fact English no longer gives, and skips items the translation lacks', () => {
    const english = {
      alternateSchedules: [
        { id: 1, hoursPerWeekMin: 3 },
        { id: 2, durationWeeksMax: 8 },
      ],
    };
    const spanish = { alternateSchedules: [{ id: 7, hoursPerWeekMin: 3, durationWeeksMax: 4 }] };
    expect(componentFactUpdates(english, spanish, [alternates])).toEqual([
      { component: 'shared.schedule-facts', id: 7, data: { durationWeeksMax: null } },
    ]);
  });

  it('asks for nothing when the facts already agree', () => {
    const row = { schedule: { id: 1, label: 'x', daysPerWeekMin: 3 } };
    expect(componentFactUpdates(row, { schedule: { ...row.schedule, id: 2, label: 'y' } }, [schedule])).toEqual([]);
  });
});
