import { describe, expect, it } from 'vitest';
import { describeClinicTime, fromClinicTime, toClinicTime } from './clinic-time';

describe('clinic time (America/Los_Angeles)', () => {
  it('reads winter times as PST (UTC-8) and summer times as PDT (UTC-7)', () => {
    expect(fromClinicTime('2026-01-05T08:00').toISOString()).toBe('2026-01-05T16:00:00.000Z');
    expect(fromClinicTime('2026-07-06T08:00').toISOString()).toBe('2026-07-06T15:00:00.000Z');
  });

  it('changes offset at 02:00 on 2026-03-08', () => {
    expect(fromClinicTime('2026-03-08T01:59').toISOString()).toBe('2026-03-08T09:59:00.000Z');
    expect(fromClinicTime('2026-03-08T03:00').toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(fromClinicTime('2026-03-09T08:00').toISOString()).toBe('2026-03-09T15:00:00.000Z');
  });

  it('takes a time that never happens in the spring gap as the same moment on the new clock', () => {
    // 02:30 PST would be 10:30 UTC, which the clinic's clock shows as 03:30 PDT.
    const instant = fromClinicTime('2026-03-08T02:30');
    expect(instant.toISOString()).toBe('2026-03-08T10:30:00.000Z');
    expect(toClinicTime(instant)).toBe('2026-03-08T03:30');
  });

  it('takes the first (daylight) 01:30 in the hour 2026-11-01 repeats, and shows both correctly', () => {
    expect(fromClinicTime('2026-11-01T01:30').toISOString()).toBe('2026-11-01T08:30:00.000Z');
    expect(toClinicTime(new Date('2026-11-01T08:30:00Z'))).toBe('2026-11-01T01:30');
    expect(toClinicTime(new Date('2026-11-01T09:30:00Z'))).toBe('2026-11-01T01:30');
    expect(fromClinicTime('2026-11-01T02:00').toISOString()).toBe('2026-11-01T10:00:00.000Z');
    expect(describeClinicTime(new Date('2026-11-01T08:30:00Z'))).toContain('PDT');
    expect(describeClinicTime(new Date('2026-11-01T09:30:00Z'))).toContain('PST');
  });

  it('round-trips every quarter hour across both 2026 changes', () => {
    for (const start of ['2026-03-07T00:00:00Z', '2026-10-31T00:00:00Z']) {
      for (let i = 0; i < 4 * 72; i++) {
        const instant = new Date(Date.parse(start) + i * 15 * 60_000);
        const wall = toClinicTime(instant);
        expect(toClinicTime(fromClinicTime(wall)), wall).toBe(wall);
      }
    }
  });

  it('refuses text that is not a real date and time, naming it', () => {
    expect(() => fromClinicTime('2026-02-30T08:00')).toThrow('"2026-02-30T08:00" is not a real date');
    expect(() => fromClinicTime('next monday')).toThrow('"next monday"');
  });
});
