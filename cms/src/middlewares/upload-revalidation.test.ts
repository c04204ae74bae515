import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import uploadRevalidation, { isNotModified, type RevalidationCtx } from './upload-revalidation';

const LAST_MODIFIED = 'Wed, 02 Dec 2026 00:49:13 GMT';

const ctx = (request: RevalidationCtx['request']['header'], over: Partial<RevalidationCtx> = {}): RevalidationCtx => ({
  method: 'GET',
  path: '/uploads/group_room_1a2b3c.jpg',
  status: 200,
  body: null,
  request: { header: request },
  response: { header: { 'last-modified': LAST_MODIFIED } },
  ...over,
});

describe('isNotModified', () => {
  it('compares If-Modified-Since with Last-Modified, whatever Cache-Control the request sends', () => {
    const revalidation = { 'if-modified-since': LAST_MODIFIED, 'cache-control': 'no-cache', pragma: 'no-cache' };
    expect(isNotModified(revalidation, { 'last-modified': LAST_MODIFIED })).toBe(true);
    expect(isNotModified(revalidation, { 'last-modified': 'Wed, 02 Dec 2026 00:49:14 GMT' })).toBe(false);
    expect(isNotModified({ 'if-modified-since': 'yesterday' }, { 'last-modified': LAST_MODIFIED })).toBe(false);
    expect(isNotModified({}, { 'last-modified': LAST_MODIFIED })).toBe(false);
    expect(isNotModified(revalidation, {})).toBe(false);
  });

  it('lets If-None-Match decide when sent, weak tags and lists included', () => {
    const response = { etag: 'W/"abc"', 'last-modified': LAST_MODIFIED };
    expect(isNotModified({ 'if-none-match': '"x", "abc"' }, response)).toBe(true);
    expect(isNotModified({ 'if-none-match': '*' }, response)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"x"', 'if-modified-since': LAST_MODIFIED }, response)).toBe(false);
    expect(isNotModified({ 'if-none-match': '"abc"' }, { 'last-modified': LAST_MODIFIED })).toBe(false);
  });
});

describe('upload revalidation', () => {
  it('turns the answer for an unchanged upload into an empty 304 and closes the file it had opened', async () => {
    const file = new PassThrough();
    const answer = ctx({ 'if-modified-since': LAST_MODIFIED });
    await uploadRevalidation()(answer, () => {
      answer.body = file;
      return Promise.resolve();
    });
    expect(answer.status).toBe(304);
    expect(answer.body).toBeNull();
    expect(file.destroyed).toBe(true);
  });

  it('leaves a changed upload, another path, a write and an error as they are', async () => {
    for (const [request, over] of [
      [{ 'if-modified-since': 'Wed, 02 Dec 2026 00:49:12 GMT' }, {}],
      [{}, {}],
      [{ 'if-modified-since': LAST_MODIFIED }, { path: '/api/faqs' }],
      [{ 'if-modified-since': LAST_MODIFIED }, { method: 'POST' }],
      [{ 'if-modified-since': LAST_MODIFIED }, { status: 404 }],
    ] as const) {
      const answer = ctx(request, over);
      await uploadRevalidation()(answer, () => Promise.resolve());
      expect(answer.status, JSON.stringify([request, over])).toBe('status' in over ? over.status : 200);
    }
  });
});
