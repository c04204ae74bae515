import type { PublisherStatus } from '@clinic/shared-types';
import { describe, expect, it } from 'vitest';
import { describeEntryLiveState, publicPathOf, publishedAtOf } from './describe-entry-live-state';

const now = new Date('2026-11-27T12:01:00Z');
const trigger = {
  events: { 'entry.publish': 1 },
  models: ['faq'],
  count: 1,
  firstAt: '2026-11-27T12:00:13Z',
  lastAt: '2026-11-27T12:00:13Z',
};
const builtAt = (finishedAt: string) => ({ id: 'b1', finishedAt, durationMs: 4000, trigger });
function response(fields: Partial<PublisherStatus>) {
  const status: PublisherStatus = {
    state: 'live',
    live: builtAt('2026-11-27T12:00:18Z'),
    building: false,
    queued: false,
    current: null,
    lastError: null,
    builds: 1,
    ...fields,
  };
  return { reachable: true, status, siteUrl: 'https://www.example.test/' };
}
const iop = (publishedAt: string | null, hasUnpublishedChanges = false) => ({
  model: 'api::program-level.program-level',
  slug: 'intensive-outpatient-program',
  publishedAt: publishedAt ? new Date(publishedAt) : null,
  hasUnpublishedChanges,
});

describe('publicPathOf', () => {
  it('puts each type where the site serves it', () => {
    expect(publicPathOf('api::program-level.program-level', 'intensive-outpatient-program')).toBe(
      '/programs/intensive-outpatient-program/',
    );
    expect(publicPathOf('api::treatment-modality.treatment-modality', 'group-therapy')).toBe(
      '/treatments/group-therapy/',
    );
    expect(publicPathOf('api::condition.condition', 'co-occurring-disorders')).toBe(
      '/conditions/co-occurring-disorders/',
    );
    expect(publicPathOf('api::faq.faq', 'what-is-iop')).toBe('/faq/#what-is-iop');
    expect(publicPathOf('api::facility.facility', undefined)).toBe('/');
  });

  it("puts a translation in its edition: the Spanish version's own slug under /es", () => {
    expect(publicPathOf('api::program-level.program-level', 'programa-ambulatorio-intensivo', 'es')).toBe(
      '/es/programs/programa-ambulatorio-intensivo/',
    );
    expect(publicPathOf('api::faq.faq', 'hay-iop-virtual', 'es')).toBe('/es/faq/#hay-iop-virtual');
    expect(publicPathOf('api::facility.facility', undefined, 'es')).toBe('/es/');
    expect(publicPathOf('api::condition.condition', 'co-occurring-disorders', 'en')).toBe(
      '/conditions/co-occurring-disorders/',
    );
    expect(publicPathOf('api::condition.condition', 'x', 'fr')).toBeNull();
  });

  it('has no page for call requests or an entry without a slug', () => {
    expect(publicPathOf('api::call-request.call-request', 'x')).toBeNull();
    expect(publicPathOf('api::faq.faq', '')).toBeNull();
    expect(publicPathOf('plugin::users-permissions.user', 'x')).toBeNull();
  });
});

describe('publishedAtOf', () => {
  it('reads the published version from the draft tab', () => {
    const props = {
      activeTab: 'draft',
      document: { publishedAt: null, status: 'modified' },
      meta: { availableStatus: [{ publishedAt: '2026-11-27T12:00:10Z' }] },
    };
    expect(publishedAtOf(props)).toEqual(new Date('2026-11-27T12:00:10Z'));
  });

  it('is null for an entry never published', () => {
    expect(
      publishedAtOf({ activeTab: 'draft', document: { publishedAt: null }, meta: { availableStatus: [] } }),
    ).toBeNull();
  });
});

describe('describeEntryLiveState', () => {
  it('says Live, with the link, when the served build finished after the publish', () => {
    expect(describeEntryLiveState(iop('2026-11-27T12:00:10Z'), response({}), now)).toEqual({
      tone: 'success',
      headline: 'Live',
      detail: 'Published 50 s ago.',
      href: 'https://www.example.test/programs/intensive-outpatient-program/',
    });
  });

  it('says Building… after Publish while the build runs, then Live once it is served', () => {
    const publishedAt = '2026-11-27T12:00:40Z';
    expect(
      describeEntryLiveState(iop(publishedAt), response({ building: true, state: 'building' }), now).headline,
    ).toBe('Building…');
    const served = response({ live: builtAt('2026-11-27T12:00:44Z') });
    expect(describeEntryLiveState(iop(publishedAt), served, now).headline).toBe('Live');
  });

  it('says the build failed when the last attempt after the publish failed', () => {
    const state = describeEntryLiveState(
      iop('2026-11-27T12:00:40Z'),
      response({
        lastError: {
          at: '2026-11-27T12:00:45Z',
          buildId: 'b2',
          message: 'Content invalid: program-levels iop summary\nmore',
          output: [],
        },
      }),
      now,
    );
    expect(state).toMatchObject({
      tone: 'danger',
      headline: 'Not live: the build failed',
      detail: 'Content invalid: program-levels iop summary. The site still shows the previous version.',
    });
  });

  it('says an unpublished entry is not on the site, and mentions saved changes not yet published', () => {
    expect(describeEntryLiveState(iop(null), response({}), now)).toEqual({
      tone: 'neutral',
      headline: 'Not on the site',
      detail: 'Publish to put this page live.',
    });
    expect(describeEntryLiveState(iop('2026-11-27T12:00:10Z', true), response({}), now).detail).toBe(
      'Published 50 s ago. Saved changes are not published yet.',
    );
  });

  it('still links the page when the publisher does not answer', () => {
    const state = describeEntryLiveState(
      iop('2026-11-27T12:00:10Z'),
      { reachable: false, error: 'timeout', siteUrl: 'https://www.example.test' },
      now,
    );
    expect(state).toMatchObject({
      tone: 'neutral',
      headline: 'Live status unavailable',
      href: 'https://www.example.test/programs/intensive-outpatient-program/',
    });
  });

  it("links a Spanish version's panel to its Spanish page", () => {
    const state = describeEntryLiveState(
      { ...iop('2026-11-27T12:00:10Z'), slug: 'programa-ambulatorio-intensivo', locale: 'es' },
      response({}),
      now,
    );
    expect(state.href).toBe('https://www.example.test/es/programs/programa-ambulatorio-intensivo/');
  });
});
