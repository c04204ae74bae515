import { describe, expect, it } from 'vitest';
import { asksForDrafts, isPreviewToken } from './draft-read-guard';

describe('asksForDrafts', () => {
  it('lets published reads and reads without a status through', () => {
    expect(asksForDrafts({})).toBe(false);
    expect(asksForDrafts({ status: 'published' })).toBe(false);
    expect(asksForDrafts({ publicationState: 'live' })).toBe(false);
  });

  it('catches draft, odd and array-shaped status values and the v4 preview state', () => {
    expect(asksForDrafts({ status: 'draft' })).toBe(true);
    expect(asksForDrafts({ status: ['draft'] })).toBe(true);
    expect(asksForDrafts({ status: 'DRAFT' })).toBe(true);
    expect(asksForDrafts({ publicationState: 'preview' })).toBe(true);
  });
});

describe('isPreviewToken', () => {
  it('accepts only the exact preview key as a bearer token', () => {
    expect(isPreviewToken('Bearer abc123', 'abc123')).toBe(true);
    expect(isPreviewToken('bearer abc123', 'abc123')).toBe(true);
    expect(isPreviewToken('Bearer abc124', 'abc123')).toBe(false);
    expect(isPreviewToken('Bearer abc1234', 'abc123')).toBe(false);
    expect(isPreviewToken('', 'abc123')).toBe(false);
    expect(isPreviewToken('Bearer abc123', undefined)).toBe(false);
  });
});
