import { describe, expect, it } from 'vitest';
import { isPublicContentType, shouldRebuild } from './should-rebuild.ts';

describe('shouldRebuild', () => {
  it.each([
    ['entry.publish', 'api::faq.faq', 'faq'],
    ['entry.unpublish', 'api::program-level.program-level', 'program-level'],
    ['entry.delete', 'api::condition.condition', 'condition'],
    ['entry.publish', 'api::facility.facility', 'facility'],
  ])('rebuilds after %s of %s', (event, uid, model) => {
    expect(shouldRebuild({ event, uid, model })).toBe(true);
  });

  it.each(['media.update', 'media.delete', 'releases.publish'])('rebuilds after %s', (event) => {
    expect(shouldRebuild({ event })).toBe(true);
  });

  it.each([
    ['entry.create', 'api::faq.faq'],
    ['entry.update', 'api::faq.faq'],
    ['entry.draft-discard', 'api::faq.faq'],
    ['media.create', undefined],
    ['trigger-test', undefined],
    ['review-workflows.updateEntryStage', 'api::faq.faq'],
  ])('ignores %s (%s): visitors see no change', (event, uid) => {
    expect(shouldRebuild({ event, uid })).toBe(false);
  });

  it.each(['entry.create', 'entry.update', 'entry.publish', 'entry.delete'])(
    'ignores %s of a call request, by uid or by model',
    (event) => {
      expect(shouldRebuild({ event, uid: 'api::call-request.call-request', model: 'call-request' })).toBe(false);
      expect(shouldRebuild({ event, model: 'call-request' })).toBe(false);
    },
  );

  it('ignores deletes of plugin and admin types such as users', () => {
    expect(shouldRebuild({ event: 'entry.delete', uid: 'plugin::users-permissions.user', model: 'user' })).toBe(false);
  });

  it('rebuilds a publish that names no content type rather than risk missing it', () => {
    expect(shouldRebuild({ event: 'entry.publish' })).toBe(true);
    expect(isPublicContentType({ uid: null, model: null })).toBe(true);
  });
});
