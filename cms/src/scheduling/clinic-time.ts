/**
 * The clinic's wall clock. Editors plan in Pacific time whatever zone their browser is in, so
 * every scheduled time is shown and typed as America/Los_Angeles and stored as a UTC instant.
 * Pure and dependency-free: the server and the admin panel import the same functions.
 */
export const CLINIC_TIME_ZONE = 'America/Los_Angeles';

/** A wall-clock time as a `<input type="datetime-local">` holds it: `YYYY-MM-DDTHH:mm`. */
export type WallTime = string;

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: CLINIC_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallParts(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes the clinic's clock is ahead of UTC at `instant` (-420 in summer, -480 in winter). */
export function clinicOffsetMinutes(instant: Date): number {
  const p = wallParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The clinic's wall-clock time of a UTC instant, to the minute. */
export function toClinicTime(instant: Date): WallTime {
  const p = wallParts(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The UTC instant of a clinic wall-clock time. Around the spring change a time that never
 * happens (02:30 on 2026-03-08) means the same moment an hour later on the new clock (03:30
 * PDT); in the autumn hour that happens twice (01:30 on 2026-11-01) the first, daylight one
 * is taken, so an action never runs later than the editor could have meant.
 * Throws a RangeError naming the value when it is not `YYYY-MM-DDTHH:mm`.
 */
export function fromClinicTime(wall: WallTime): Date {
  const m = WALL_TIME.exec(wall);
  if (!m) throw new RangeError(`"${wall}" is not a date and time like 2026-03-09T08:00`);
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc) || toUtcWall(asUtc) !== wall) throw new RangeError(`"${wall}" is not a real date`);
  // Try the offsets in force just before and just after that wall time; the earlier match wins.
  const offsets = [
    clinicOffsetMinutes(new Date(asUtc - 86_400_000)),
    clinicOffsetMinutes(new Date(asUtc + 86_400_000)),
  ];
  const candidates = offsets
    .map((offset) => new Date(asUtc - offset * 60_000))
    .filter((instant) => toClinicTime(instant) === wall)
    .sort((a, b) => a.getTime() - b.getTime());
  if (candidates[0]) return candidates[0];
  // In the spring gap: read the wall time with the offset from before the change.
  return new Date(asUtc - offsets[0]! * 60_000);
}

function toUtcWall(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** `Mon, Mar 9, 2026, 8:00 AM PDT`: a scheduled time as editors read it. */
export function describeClinicTime(instant: Date): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: CLINIC_TIME_ZONE,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(instant);
}
