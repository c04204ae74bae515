import { describe, expect, it } from 'vitest';
import { countryName, formatAddressLines } from './format-address.ts';

describe('formatAddressLines', () => {
  it('formats a full address', () => {
    expect(
      formatAddressLines({
        streetAddress: '1 Coast Hwy',
        locality: 'Laguna Beach',
        region: 'CA',
        postalCode: '92651',
        country: 'US',
      }),
    ).toEqual(['1 Coast Hwy', 'Laguna Beach, CA 92651', 'United States']);
  });
  it('names the country in Spanish', () => {
    expect(
      formatAddressLines(
        { streetAddress: null, locality: 'Laguna Beach', region: 'CA', postalCode: null, country: 'US' },
        'es',
      ),
    ).toEqual(['Laguna Beach, CA', 'Estados Unidos']);
  });
  it('leaves out the street and ZIP when they are not public', () => {
    expect(
      formatAddressLines({
        streetAddress: null,
        locality: 'Laguna Beach',
        region: 'CA',
        postalCode: '',
        country: 'US',
      }),
    ).toEqual(['Laguna Beach, CA', 'United States']);
  });
});

describe('countryName', () => {
  it('names a country code and keeps unknown input', () => {
    expect(countryName('US')).toBe('United States');
    expect(countryName('not a code')).toBe('not a code');
  });
});
