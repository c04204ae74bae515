import { describe, expect, it, vi } from 'vitest';
import { createSubmissionDeduper, fingerprintRequest } from './dedupe-submissions';

const input = {
  name: 'Ann Lee',
  phone: '+19495550142',
  preferredTime: 'morning',
  message: 'Please call after 10.',
  program: null,
  consentVersion: '2026-11',
  sourcePage: '/contact/',
  language: 'en' as const,
};

describe('fingerprintRequest', () => {
  it('is the same for the same person asking again, whatever the spacing or case of the name', () => {
    expect(fingerprintRequest({ ...input, name: 'ann  LEE' })).toBe(fingerprintRequest(input));
    expect(fingerprintRequest({ ...input, preferredTime: 'evening' })).toBe(fingerprintRequest(input));
    expect(fingerprintRequest({ ...input, phone: '+19495550143' })).not.toBe(fingerprintRequest(input));
    expect(fingerprintRequest({ ...input, message: 'Another question' })).not.toBe(fingerprintRequest(input));
  });
});

describe('createSubmissionDeduper', () => {
  it('runs the task once for a retry under any of its keys, even while the first is still running', async () => {
    const deduper = createSubmissionDeduper<string>({ windowMs: 1000 });
    let release = (_: string) => {};
    const task = vi.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const first = deduper.record(['key:a', 'request:x'], task);
    const retry = deduper.find(['key:a']);
    const sameRequest = deduper.find(['key:b', 'request:x']);
    release('stored');
    expect(await first).toBe('stored');
    expect(await retry).toBe('stored');
    expect(await sameRequest).toBe('stored');
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('forgets an outcome after the window, and at once when the task fails or its outcome is not kept', async () => {
    let now = 0;
    const deduper = createSubmissionDeduper<{ ok: boolean }>({ windowMs: 1000, now: () => now });
    await deduper.record(['key:a'], () => Promise.resolve({ ok: true }));
    now = 999;
    expect(deduper.find(['key:a'])).toBeDefined();
    now = 1000;
    expect(deduper.find(['key:a'])).toBeUndefined();

    await deduper.record(
      ['key:b'],
      () => Promise.resolve({ ok: false }),
      (outcome) => outcome.ok,
    );
    expect(deduper.find(['key:b'])).toBeUndefined();
    await deduper.record(['key:c'], () => Promise.reject(new Error('db down'))).catch(() => undefined);
    expect(deduper.find(['key:c'])).toBeUndefined();
  });

  it('keeps at most maxEntries keys, dropping the oldest', async () => {
    const deduper = createSubmissionDeduper<number>({ windowMs: 60_000, maxEntries: 2 });
    for (const n of [1, 2, 3]) await deduper.record([`key:${n}`], () => Promise.resolve(n));
    expect(deduper.find(['key:1'])).toBeUndefined();
    expect(await deduper.find(['key:3'])).toBe(3);
  });
});
