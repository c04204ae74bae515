import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, startTestCms, type TestCms } from '@clinic/testing/start-test-cms';

let cms: TestCms;
let jwt: string;

beforeAll(async () => {
  cms = await startTestCms();
  jwt = await adminLogin(cms);
});

type AdminRequest = (method: string, path: string, body?: unknown) => Promise<Response>;

/** Admin API requests (`/admin/...`, `/content-manager/...`) as the holder of `token`; any status is returned. */
const adminAs =
  (token: () => string): AdminRequest =>
  (method, path, body) =>
    fetch(`${cms.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token()}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
const contentManager = adminAs(() => jwt);
afterAll(async () => {
  await cms?.stop();
});

async function data<T>(res: Response): Promise<T> {
  return ((await res.json()) as { data: T }).data;
}

interface ValidationAnswer {
  error: { message: string; details: { errors: { path: (string | number)[]; message: string }[] } };
}

describe('a workspace without developer tools for editors', () => {
  it('gives Editors and Authors neither the "User" type nor "Edit the model"', async () => {
    const roles = await data<{ id: number; code: string }[]>(await contentManager('GET', '/admin/roles'));
    for (const code of ['strapi-editor', 'strapi-author']) {
      const role = roles.find((r) => r.code === code)!;
      const permissions = await data<{ action: string; subject: string | null }[]>(
        await contentManager('GET', `/admin/roles/${role.id}/permissions`),
      );
      expect(permissions.some((p) => p.subject === 'api::faq.faq')).toBe(true);
      expect(permissions.filter((p) => p.subject === 'plugin::users-permissions.user')).toEqual([]);
      expect(permissions.filter((p) => p.action === 'plugin::content-type-builder.read')).toEqual([]);
    }
  });

  it('shows nobody the Marketplace, not even the Super Admin', async () => {
    const roles = await data<{ id: number; code: string }[]>(await contentManager('GET', '/admin/roles'));
    for (const role of roles) {
      const permissions = await data<{ action: string }[]>(
        await contentManager('GET', `/admin/roles/${role.id}/permissions`),
      );
      expect(
        permissions.filter((p) => p.action === 'admin::marketplace.read'),
        role.code,
      ).toEqual([]);
    }
  });

  it('refuses an editor who asks the content manager for users', async () => {
    const roles = await data<{ id: number; code: string }[]>(await contentManager('GET', '/admin/roles'));
    const editorRole = roles.find((r) => r.code === 'strapi-editor')!;
    const created = await contentManager('POST', '/admin/users', {
      firstname: 'Marketing',
      lastname: 'Editor',
      email: 'marketing-editor@example.test',
      roles: [editorRole.id],
    });
    expect(created.status).toBe(201);
    const { registrationToken } = await data<{ registrationToken: string }>(created);
    const registered = await fetch(`${cms.url}/admin/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        registrationToken,
        userInfo: { firstname: 'Marketing', lastname: 'Editor', password: 'Editor-Passw0rd-Long' },
      }),
    });
    expect(registered.status).toBe(200);
    const { token } = await data<{ token: string }>(registered);
    const asEditor = adminAs(() => token);
    expect((await asEditor('GET', '/content-manager/collection-types/api::faq.faq')).status).toBe(200);
    expect((await asEditor('GET', '/content-manager/collection-types/plugin::users-permissions.user')).status).toBe(
      403,
    );
  });

  it('lists FAQs with their topic and order, sorted by topic', async () => {
    const res = await contentManager('GET', '/content-manager/content-types/api::faq.faq/configuration');
    expect(res.status).toBe(200);
    const { contentType } = await data<{
      contentType: { settings: { defaultSortBy: string }; layouts: { list: string[] } };
    }>(res);
    expect(contentType.layouts.list).toEqual(expect.arrayContaining(['question', 'topic', 'order']));
    expect(contentType.settings.defaultSortBy).toBe('topic');
  });
});

describe('one phone number, and messages an editor can act on', () => {
  const FACILITY = '/content-manager/single-types/api::facility.facility';

  it('stores the clinic phone typed in a US format as the number every link dials', async () => {
    const res = await contentManager('PUT', FACILITY, { phoneE164: '(949) 694-8305' });
    expect(res.status).toBe(200);
    expect((await data<{ phoneE164: string }>(res)).phoneE164).toBe('+19496948305');
  });

  it('refuses a phone number that cannot be dialled, naming the field by its label', async () => {
    const res = await contentManager('PUT', FACILITY, { phoneE164: '949 694' });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ValidationAnswer;
    expect(error.details.errors[0]).toMatchObject({
      path: ['phoneE164'],
      message: expect.stringMatching(/^Phone number: /) as unknown,
    });
  });

  it('refuses to publish copy that types the admissions number instead of {phone}, and publishes {phone}', async () => {
    const FAQ = '/content-manager/collection-types/api::faq.faq';
    const { results } = (await (await contentManager('GET', `${FAQ}?pageSize=1`)).json()) as {
      results: { documentId: string }[];
    };
    const faq = `${FAQ}/${results[0]!.documentId}`;
    const typed = { answer: 'Call [(949) 694-8305](tel:+19496948305) or, in a crisis, 988.' };
    // A draft may hold it while the editor works; publishing is refused.
    expect((await contentManager('PUT', faq, typed)).status).toBe(200);
    const refused = await contentManager('POST', `${faq}/actions/publish`, {});
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as ValidationAnswer).error.details.errors).toEqual([
      expect.objectContaining({
        path: ['answer'],
        message:
          'Answer: write {phone} instead of typing the admissions number (949) 694-8305, so the page follows when the number changes.',
      }),
    ]);
    expect((await contentManager('PUT', faq, { answer: 'Call {phone} or, in a crisis, 988.' })).status).toBe(200);
    expect((await contentManager('POST', `${faq}/actions/publish`, {})).status).toBe(200);

    // Text inside a component (the SEO meta description) is read at publish too.
    const SEEDED_DESCRIPTION =
      'Supervised medical detox and inpatient rehab in Laguna Beach, CA, for addiction, mental health and co-occurring disorders.';
    const seo = (metaDescription: string) => ({ seo: { metaDescription, noindex: false } });
    expect((await contentManager('PUT', FACILITY, seo(`${SEEDED_DESCRIPTION} Call 949.694.8305.`))).status).toBe(200);
    const refusedSeo = await contentManager('POST', `${FACILITY}/actions/publish`, {});
    expect(refusedSeo.status).toBe(400);
    expect(((await refusedSeo.json()) as ValidationAnswer).error.details.errors[0]).toMatchObject({
      path: ['seo', 'metaDescription'],
      message: expect.stringMatching(/^Meta description: write \{phone\} instead of typing/) as unknown,
    });
    expect((await contentManager('PUT', FACILITY, seo(`${SEEDED_DESCRIPTION} Call {phone}.`))).status).toBe(200);
    const published = await contentManager('POST', `${FACILITY}/actions/publish`, {});
    expect(published.status, await published.text()).toBe(200);
  });

  it('says which schedule field is wrong and how to fix it', async () => {
    const listed = await contentManager('GET', '/content-manager/collection-types/api::program-level.program-level');
    const { results } = (await listed.json()) as { results: { documentId: string }[] };
    const level = results[0]!;
    const res = await contentManager(
      'PUT',
      `/content-manager/collection-types/api::program-level.program-level/${level.documentId}`,
      { schedule: { hoursPerWeekMin: 20, hoursPerWeekMax: 15 } },
    );
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ValidationAnswer;
    expect(error.details.errors[0]).toMatchObject({
      path: ['schedule', 'hoursPerWeekMax'],
      message:
        'Hours per week (max) must be at least the minimum, 20. Raise it to 20 or more, or lower Hours per week (min) to 15 or less.',
    });
  });
});
