import { describe, expect, it } from 'vitest';
import { isAuthorized } from './check-authorization.ts';

const SECRET = 'a-long-random-rebuild-secret-0123456789';

describe('isAuthorized', () => {
  it('accepts the exact bearer secret', () => {
    expect(isAuthorized(`Bearer ${SECRET}`, SECRET)).toBe(true);
  });

  it('accepts the scheme in any case and surrounding spaces', () => {
    expect(isAuthorized(`bearer   ${SECRET} `, SECRET)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['the scheme alone', 'Bearer '],
    ['a wrong secret', 'Bearer not-the-secret'],
    ['a prefix of the secret', `Bearer ${SECRET.slice(0, -1)}`],
    ['the secret with extra characters', `Bearer ${SECRET}x`],
    ['the secret without the scheme', SECRET],
    ['another scheme', `Basic ${SECRET}`],
  ])('refuses %s', (_label, header) => {
    expect(isAuthorized(header, SECRET)).toBe(false);
  });

  it('refuses everything when no secret is configured', () => {
    expect(isAuthorized('Bearer ', '')).toBe(false);
    expect(isAuthorized('Bearer x', '')).toBe(false);
  });
});
