import type { Address } from '@clinic/shared-types';

type AddressParts = Pick<Address, 'streetAddress' | 'locality' | 'region' | 'postalCode' | 'country'>;

/** A country code as a name: "US" -> "United States". Unknown codes are shown as given. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The address as the lines of a US postal address, leaving out what the CMS does not
 * have: ["1 Coast Hwy", "Laguna Beach, CA 92651", "United States"].
 */
export function formatAddressLines(address: AddressParts): string[] {
  const cityLine = [`${address.locality}, ${address.region}`, address.postalCode].filter(Boolean).join(' ');
  return [address.streetAddress, cityLine, countryName(address.country)].filter((line): line is string =>
    Boolean(line),
  );
}
