import { describe, expect, it } from 'vitest';
import { contentTypes } from './generated/content.ts';
import {
  BULK_LOAD_EVENT,
  PUBLIC_CONTENT_TYPE_UIDS,
  PREVIEW_EVENTS,
  SITE_CHANGING_EVENTS,
  changesPreview,
  changesPublicSite,
  deployStatusResponseSchema,
  publisherStatusSchema,
} from './publishing.ts';

describe('changesPreview', () => {
  it.each(['entry.create', 'entry.update', 'entry.draft-discard'])(
    'rebuilds previews after %s of a public type',
    (event) => {
      expect(changesPreview({ event, uid: 'api::faq.faq', model: 'faq' })).toBe(true);
      expect(changesPreview({ event, model: 'program-level' })).toBe(true);
    },
  );

  it('never lets a draft change rebuild the live site', () => {
    for (const event of PREVIEW_EVENTS) {
      expect(SITE_CHANGING_EVENTS).not.toContain(event);
      expect(changesPublicSite({ event, uid: 'api::faq.faq' })).toBe(false);
    }
  });

  it('ignores call requests, plugin types and uploads', () => {
    expect(changesPreview({ event: 'entry.create', uid: 'api::call-request.call-request' })).toBe(false);
    expect(changesPreview({ event: 'entry.update', uid: 'plugin::users-permissions.user' })).toBe(false);
    expect(changesPreview({ event: 'media.create' })).toBe(false);
  });

  it('follows what changes the public site too (a delete, a media update)', () => {
    expect(changesPreview({ event: 'entry.delete', uid: 'api::faq.faq' })).toBe(true);
    expect(changesPreview({ event: 'media.update' })).toBe(true);
  });
});

describe('changesPublicSite', () => {
  it.each([
    ['entry.publish', 'api::faq.faq', 'faq'],
    ['entry.unpublish', 'api::program-level.program-level', 'program-level'],
    ['entry.delete', 'api::condition.condition', 'condition'],
    ['entry.publish', 'api::facility.facility', 'facility'],
  ])('rebuilds after %s of %s', (event, uid, model) => {
    expect(changesPublicSite({ event, uid, model })).toBe(true);
  });

  it('rebuilds once after a bulk load, whose uid is not a content type', () => {
    expect(changesPublicSite(BULK_LOAD_EVENT)).toBe(true);
    expect(changesPublicSite({ event: BULK_LOAD_EVENT.event, model: BULK_LOAD_EVENT.model })).toBe(true);
  });

  it.each(['media.update', 'media.delete'])('rebuilds after %s', (event) => {
    expect(changesPublicSite({ event })).toBe(true);
  });

  it.each([
    ['entry.create', 'api::faq.faq'],
    ['entry.update', 'api::faq.faq'],
    ['entry.draft-discard', 'api::faq.faq'],
    ['media.create', undefined],
    ['trigger-test', undefined],
    ['releases.publish', undefined],
    ['review-workflows.updateEntryStage', 'api::faq.faq'],
  ])('ignores %s (%s): visitors see no change', (event, uid) => {
    expect(changesPublicSite({ event, uid })).toBe(false);
  });

  it.each(['entry.create', 'entry.update', 'entry.publish', 'entry.delete'])(
    'ignores %s of a call request, by uid or by model',
    (event) => {
      expect(changesPublicSite({ event, uid: 'api::call-request.call-request', model: 'call-request' })).toBe(false);
      expect(changesPublicSite({ event, model: 'call-request' })).toBe(false);
    },
  );

  it('ignores deletes of plugin and admin types such as users', () => {
    expect(changesPublicSite({ event: 'entry.delete', uid: 'plugin::users-permissions.user', model: 'user' })).toBe(
      false,
    );
  });

  it('rebuilds a publish that names no content type rather than risk missing it', () => {
    expect(changesPublicSite({ event: 'entry.publish', uid: null, model: null })).toBe(true);
  });

  it('acts on exactly the events the CMS subscribes to', () => {
    for (const event of SITE_CHANGING_EVENTS) expect(changesPublicSite({ event })).toBe(true);
  });
});

describe('PUBLIC_CONTENT_TYPE_UIDS', () => {
  it('lists every generated public type and never the call requests', () => {
    expect([...PUBLIC_CONTENT_TYPE_UIDS].sort()).toEqual(
      Object.values(contentTypes)
        .map((t) => t.uid)
        .sort(),
    );
    expect(PUBLIC_CONTENT_TYPE_UIDS).not.toContain('api::call-request.call-request');
  });
});

describe('publisherStatusSchema', () => {
  const trigger = { events: { 'entry.publish': 2 }, models: ['faq'], count: 2, firstAt: 'a', lastAt: 'b' };
  const live = { id: '20261201T000000000Z-0001', finishedAt: '2026-12-01T00:00:00.000Z', durationMs: 900, trigger };

  it('accepts a live status and refuses one without its state', () => {
    const status = { state: 'live', live, building: false, queued: false, current: null, lastError: null, builds: 1 };
    expect(publisherStatusSchema.parse(status)).toEqual(status);
    expect(publisherStatusSchema.safeParse({ ...status, state: 'sleeping' }).success).toBe(false);
  });

  it("keeps a live build's stage timings, and reads a status without them", () => {
    const stages = {
      waitingMs: 2,
      buildMs: 800,
      contentMs: 40,
      bundleMs: 600,
      renderMs: 100,
      otherMs: 60,
      checkMs: 1,
      precompressMs: 30,
      switchMs: 3,
    };
    const status = {
      state: 'live',
      live: { ...live, stages },
      building: false,
      queued: false,
      current: null,
      lastError: null,
      builds: 1,
    };
    expect(publisherStatusSchema.parse(status).live?.stages).toEqual(stages);
    expect(publisherStatusSchema.parse({ ...status, live: { ...live, stages: null } }).live?.stages).toBeNull();
    expect(
      publisherStatusSchema.safeParse({ ...status, live: { ...live, stages: { waitingMs: 'soon' } } }).success,
    ).toBe(false);
  });

  it('reads the deploy-status answer of the CMS either way', () => {
    expect(deployStatusResponseSchema.parse({ reachable: false, error: 'timeout' })).toEqual({
      reachable: false,
      error: 'timeout',
    });
    expect(deployStatusResponseSchema.safeParse({ reachable: true, status: {} }).success).toBe(false);
  });
});
