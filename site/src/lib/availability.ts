import type { ProgramLevel } from '@clinic/shared-types';

/**
 * Whether the clinic provides a level of care itself or arranges it through partners, and
 * how every page says so: the program page's note, the badges of the level list, the
 * compare table, and the level links on treatment and condition pages.
 */
export interface Availability {
  offeredOnSite: boolean;
  /** "Offered on site" or "Through partners": a badge or a table cell. */
  label: 'Offered on site' | 'Through partners';
  /** The same inside a sentence or after a link: "offered on site", "through partners". */
  inlineLabel: 'offered on site' | 'through partners';
}

/** The note on a level's own page: a heading, the editor's note or a plain default, and the call button's label. */
export interface AvailabilityNote extends Availability {
  heading: string;
  text: string;
  callLabel: 'Call admissions' | 'Talk it through';
}

export function describeAvailability(level: Pick<ProgramLevel, 'offeredOnSite'>): Availability {
  return level.offeredOnSite
    ? { offeredOnSite: true, label: 'Offered on site', inlineLabel: 'offered on site' }
    : { offeredOnSite: false, label: 'Through partners', inlineLabel: 'through partners' };
}

export function buildAvailabilityNote(
  level: Pick<ProgramLevel, 'name' | 'offeredOnSite' | 'availabilityNote'>,
  facilityName: string,
): AvailabilityNote {
  const availability = describeAvailability(level);
  return availability.offeredOnSite
    ? {
        ...availability,
        heading: `Offered at ${facilityName}`,
        text: level.availabilityNote ?? `${facilityName} provides ${level.name.toLowerCase()} at its facility.`,
        callLabel: 'Call admissions',
      }
    : {
        ...availability,
        heading: 'Arranged through our partners',
        text:
          level.availabilityNote ??
          `${facilityName} does not provide this level of care at its facility. Our admissions team can help connect you with a partner.`,
        callLabel: 'Talk it through',
      };
}
