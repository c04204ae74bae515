import { describe, expect, it } from 'vitest';
import { dropFixedErrors } from './drop-fixed-errors';

const RANGE_ERROR = 'Hours per week (max) must be at least the minimum, 12.';
const broken = {
  name: 'IOP',
  schedule: { hoursPerWeekMin: 12, hoursPerWeekMax: 10 },
  alternateSchedules: [{ hoursPerWeekMin: 3, hoursPerWeekMax: 1 }],
};
const errors = {
  schedule: { hoursPerWeekMax: RANGE_ERROR },
  alternateSchedules: [{ hoursPerWeekMax: 'Hours per week (max) must be at least the minimum, 3.' }],
};

describe('dropFixedErrors', () => {
  it("clears a component field's error when the editor changes the field or its partner", () => {
    const maxRaised = { ...broken, schedule: { hoursPerWeekMin: 12, hoursPerWeekMax: 15 } };
    expect(dropFixedErrors(errors, broken, maxRaised)).toEqual({ alternateSchedules: errors.alternateSchedules });
    const minLowered = { ...broken, schedule: { hoursPerWeekMin: 9, hoursPerWeekMax: 10 } };
    expect(dropFixedErrors(errors, broken, minLowered)).toEqual({ alternateSchedules: errors.alternateSchedules });
  });

  it('clears an error in a repeatable component by its own item only', () => {
    const fixed = { ...broken, alternateSchedules: [{ hoursPerWeekMin: 1, hoursPerWeekMax: 1 }] };
    expect(dropFixedErrors(errors, broken, fixed)).toEqual({ schedule: errors.schedule });
  });

  it('clears a top-level error (a message or a descriptor) by its own field only', () => {
    const topLevel = {
      phoneE164: 'Phone number: "12" is not a number we can dial.',
      name: { id: 'components.Input.error.validation.required', defaultMessage: 'This value is required.' },
    };
    expect(dropFixedErrors(topLevel, { name: '', phoneE164: '12' }, { name: 'IOP', phoneE164: '12' })).toEqual({
      phoneE164: topLevel.phoneE164,
    });
  });

  it('keeps every error while nothing they are about has changed', () => {
    expect(dropFixedErrors(errors, broken, { ...broken, name: 'Intensive outpatient program' })).toBeNull();
    expect(dropFixedErrors({}, broken, {})).toBeNull();
  });
});
