import { describe, expect, it, vi } from 'vitest';
import type { Core } from '@strapi/strapi';
import { storeCallRequest } from './store-call-request';

/**
 * Only the failure path of the notification is tested here, with a stand-in for the few
 * Strapi calls storeCallRequest makes: the real path (store, then notify through the
 * email plugin) runs against a real Strapi in cms/test/call-requests.int.test.ts.
 */
function fakeStrapi(sendMail: (mail: unknown) => Promise<unknown>) {
  const created: Record<string, unknown>[] = [];
  const log = { info: vi.fn(), error: vi.fn() };
  const strapi = {
    log,
    db: {
      query: () => ({
        create: ({ data }: { data: Record<string, unknown> }) => {
          created.push(data);
          return Promise.resolve({ documentId: 'doc-1', ...data });
        },
        findOne: () => Promise.resolve(null),
      }),
    },
    documents: () => ({ findFirst: () => Promise.resolve({ email: 'admissions@example.test', name: 'Clinic' }) }),
    plugin: () => ({ service: () => ({ send: sendMail }) }),
  };
  return { strapi: strapi as unknown as Core.Strapi, created, log };
}

const input = {
  name: 'Ann Lee',
  phone: '+19495550142',
  preferredTime: 'morning' as const,
  message: null,
  program: null,
  consentVersion: '2026-11',
  sourcePage: '/contact/',
  language: 'en' as const,
};

describe('storeCallRequest', () => {
  it('keeps the stored request when the notification email fails, and logs it with the phone masked', async () => {
    const { strapi, created, log } = fakeStrapi(() => Promise.reject(new Error('SMTP down')));
    const result = await storeCallRequest(strapi, input);
    expect(result).toEqual({ ok: true, documentId: 'doc-1' });
    expect(created).toHaveLength(1);
    await vi.waitFor(() => expect(log.error).toHaveBeenCalledTimes(1));
    const [message] = log.error.mock.calls[0] as [string];
    expect(message).toContain('SMTP down');
    expect(message).toContain('+1*******142');
    expect(message).not.toContain('9495550142');
  });

  it('stores the language to call back in, and tells admissions in the email when it is Spanish', async () => {
    const sent: { subject: string; text: string }[] = [];
    const { strapi, created } = fakeStrapi((mail: unknown) => {
      sent.push(mail as { subject: string; text: string });
      return Promise.resolve();
    });
    await storeCallRequest(strapi, { ...input, language: 'es', sourcePage: '/es/contact/' });
    expect(created[0]).toMatchObject({ language: 'es', sourcePage: '/es/contact/' });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.subject).toBe('New call-back request (morning, in Spanish)');
    expect(sent[0]?.text).toContain('Call back in: Spanish');
  });
});
