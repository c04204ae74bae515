import type { Address } from '@clinic/shared-types';
import { intlLocaleOf, type Lang } from '../i18n/lang.ts';

type AddressParts = Pick<Address, 'streetAddress' | 'locality' | 'region' | 'postalCode' | 'country'>;

/** A country code as a name: "US" -> "United States" ("Estados Unidos"). Unknown codes are shown as given. */
export function countryName(code: string, lang: Lang = 'en'): string {
  try {
    return new Intl.DisplayNames([intlLocaleOf[lang]], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The address as the lines of a US postal address, leaving out what the CMS does not
 * have: ["1 Coast Hwy", "Laguna Beach, CA 92651", "United States"].
 */
export function formatAddressLines(address: AddressParts, lang: Lang = 'en'): string[] {
  const cityLine = [`${address.locality}, ${address.region}`, address.postalCode].filter(Boolean).join(' ');
  return [address.streetAddress, cityLine, countryName(address.country, lang)].filter((line): line is string =>
    Boolean(line),
  );
}
