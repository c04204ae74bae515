import { describe, expect, it } from 'vitest';
import { negotiateEncoding, parseAcceptEncoding } from './negotiate-encoding.ts';

const both = ['br', 'gzip'] as const;

describe('negotiateEncoding', () => {
  it('sends identity without Accept-Encoding or without variants', () => {
    expect(negotiateEncoding(undefined, both)).toBeNull();
    expect(negotiateEncoding('br', [])).toBeNull();
    expect(negotiateEncoding('', both)).toBeNull();
  });

  it('never sends a coding weighed 0, however the weight is written', () => {
    for (const header of ['br;q=0', 'br;q=0.0', 'br;q=0.000', 'BR; Q=0', 'br ; q = 0', 'br;q=0, br']) {
      expect(negotiateEncoding(header, ['br']), header).toBeNull();
    }
    expect(negotiateEncoding('gzip;q=0, br;q=0', both)).toBeNull();
    expect(negotiateEncoding('*;q=0', both)).toBeNull();
    expect(negotiateEncoding('*;q=0, gzip', both)).toBe('gzip');
  });

  it('takes the highest weight, and br on a tie', () => {
    expect(negotiateEncoding('gzip, deflate, br', both)).toBe('br');
    expect(negotiateEncoding('br;q=0.2, gzip;q=0.8', both)).toBe('gzip');
    expect(negotiateEncoding('*', both)).toBe('br');
    expect(negotiateEncoding('br;q=0.5, *', both)).toBe('gzip');
    expect(negotiateEncoding('x-gzip', both)).toBe('gzip');
  });

  it('prefers identity when the client weighs it higher', () => {
    expect(negotiateEncoding('identity, gzip;q=0.5', both)).toBeNull();
    expect(negotiateEncoding('identity;q=0.5, gzip;q=0.5', both)).toBe('gzip');
  });

  it('drops malformed entries instead of reading them as accepted', () => {
    for (const header of ['br;q=abc', 'br;q=2', 'br;q=-1', 'br;q=0.0001', 'br;level=1', 'br;q=1;q=0', 'b r', 'br;']) {
      expect(negotiateEncoding(header, ['br']), header).toBeNull();
    }
    expect(parseAcceptEncoding('gzip;q=0.5,, br;q=1.000')).toEqual(
      new Map([
        ['gzip', 0.5],
        ['br', 1],
      ]),
    );
  });
});
