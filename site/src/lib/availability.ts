import type { ProgramLevel } from '@clinic/shared-types';
import { dictionaryOf } from '../i18n/index.ts';
import type { Lang } from '../i18n/lang.ts';

/**
 * Whether the clinic provides a level of care itself or arranges it through partners, and
 * how every page says so: the program page's note, the badges of the level list, the
 * compare table, and the level links on treatment and condition pages.
 */
export interface Availability {
  offeredOnSite: boolean;
  /** "Offered on site" or "Through partners": a badge or a table cell. */
  label: string;
  /** The same inside a sentence or after a link: "offered on site", "through partners". */
  inlineLabel: string;
}

/** The note on a level's own page: a heading, the editor's note or a plain default, and the call button's label. */
export interface AvailabilityNote extends Availability {
  heading: string;
  text: string;
  /** "Call admissions" on site, "Talk it through" for a partner's level. */
  callLabel: string;
}

export function describeAvailability(level: Pick<ProgramLevel, 'offeredOnSite'>, lang: Lang = 'en'): Availability {
  const t = dictionaryOf(lang).availability;
  return level.offeredOnSite
    ? { offeredOnSite: true, label: t.onSite, inlineLabel: t.onSiteInline }
    : { offeredOnSite: false, label: t.throughPartners, inlineLabel: t.throughPartnersInline };
}

export function buildAvailabilityNote(
  level: Pick<ProgramLevel, 'name' | 'offeredOnSite' | 'availabilityNote'>,
  facilityName: string,
  lang: Lang = 'en',
): AvailabilityNote {
  const dictionary = dictionaryOf(lang);
  const t = dictionary.availability;
  const availability = describeAvailability(level, lang);
  return availability.offeredOnSite
    ? {
        ...availability,
        heading: t.onSiteHeading(facilityName),
        text: level.availabilityNote ?? t.onSiteText(facilityName, level.name),
        callLabel: dictionary.call.callAdmissions,
      }
    : {
        ...availability,
        heading: t.partnersHeading,
        text: level.availabilityNote ?? t.partnersText(facilityName),
        callLabel: t.partnersCallLabel,
      };
}
