import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, startTestCms, type TestCms } from '@clinic/testing/start-test-cms';
import { testDatabases } from '@clinic/testing/test-database';

let cms: TestCms;
let jwt: string;

beforeAll(async () => {
  cms = await startTestCms();
  jwt = await adminLogin(cms);
});
afterAll(async () => {
  await cms?.dispose();
});

interface Role {
  id: number;
  code: string;
  name: string;
}
interface Permission {
  action: string;
  subject: string | null;
}

async function admin<T>(path: string): Promise<T> {
  const res = await fetch(`${cms.url}${path}`, { headers: { Authorization: `Bearer ${jwt}` } });
  expect(res.status, path).toBe(200);
  return ((await res.json()) as { data: T }).data;
}

const permissionsOf = (role: Role) => admin<Permission[]>(`/admin/roles/${role.id}/permissions`);

describe('who may see call requests in the admin', () => {
  it('gives the Editor and Author roles, who edit website copy, no access to call requests', async () => {
    const roles = await admin<Role[]>('/admin/roles');
    for (const code of ['strapi-editor', 'strapi-author']) {
      const role = roles.find((r) => r.code === code)!;
      const permissions = await permissionsOf(role);
      // They keep their website content...
      expect(permissions.some((p) => p.subject === 'api::faq.faq')).toBe(true);
      // ...and see nothing visitors sent.
      expect(permissions.filter((p) => p.subject === 'api::call-request.call-request')).toEqual([]);
    }
  });

  it('has an Admissions role that can read, update and delete call requests and touch nothing else', async () => {
    const roles = await admin<Role[]>('/admin/roles');
    const admissions = roles.find((r) => r.code === 'clinic-admissions');
    expect(admissions?.name).toBe('Admissions');
    const permissions = await permissionsOf(admissions!);
    expect(permissions.map((p) => `${p.action} ${p.subject}`).sort()).toEqual([
      'plugin::content-manager.explorer.delete api::call-request.call-request',
      'plugin::content-manager.explorer.read api::call-request.call-request',
      'plugin::content-manager.explorer.update api::call-request.call-request',
    ]);
  });

  it('shows admissions the language to call back in as a "Call back in" column of the list', async () => {
    const { layouts, metadatas } = (
      await admin<{
        contentType: {
          layouts: { list: string[] };
          metadatas: Record<string, { list: { label: string }; edit: { label: string; description: string } }>;
        };
      }>('/content-manager/content-types/api::call-request.call-request/configuration')
    ).contentType;
    expect(layouts.list).toContain('language');
    expect(metadatas.language?.list.label).toBe('Call back in');
    expect(metadatas.language?.edit).toMatchObject({
      label: 'Call back in',
      description: expect.stringContaining('es Spanish') as unknown,
    });
  });

  it('keeps the roles as they are on the next boot, giving admissions a field added since (the language to call back in)', async () => {
    const admissions = (await admin<Role[]>('/admin/roles')).find((r) => r.code === 'clinic-admissions')!;
    type FieldPermission = Permission & { properties: { fields?: string[] }; conditions: string[] };
    const fieldsOf = async (): Promise<Record<string, string[] | undefined>> =>
      Object.fromEntries(
        (await admin<FieldPermission[]>(`/admin/roles/${admissions.id}/permissions`)).map(
          (p): [string, string[] | undefined] => [p.action.split('.').pop() ?? p.action, p.properties.fields],
        ),
      );
    expect((await fieldsOf()).read).toContain('language');
    // As on a database whose Admissions role was made before the field existed.
    const before = await admin<FieldPermission[]>(`/admin/roles/${admissions.id}/permissions`);
    const narrowed = await fetch(`${cms.url}/admin/roles/${admissions.id}/permissions`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        permissions: before.map(({ action, subject, properties, conditions }) => ({
          action,
          subject,
          conditions,
          properties: properties.fields
            ? { ...properties, fields: properties.fields.filter((f) => f !== 'language') }
            : properties,
        })),
      }),
    });
    expect(narrowed.status).toBe(200);
    expect((await fieldsOf()).read).not.toContain('language');

    await cms.restart();
    jwt = await adminLogin(cms);
    const roles = await admin<Role[]>('/admin/roles');
    expect(roles.filter((r) => r.code === 'clinic-admissions')).toHaveLength(1);
    const fields = await fieldsOf();
    expect(fields.read).toContain('language');
    expect(fields.update).toContain('language');
    expect(fields.read).toContain('staffNotes');
  });
});

describe('the deploy status the admin home page shows', () => {
  it('answers signed-in admins at /admin/deploy-status, saying when the publisher is unreachable', async () => {
    const res = await fetch(`${cms.url}/admin/deploy-status`, { headers: { Authorization: `Bearer ${jwt}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // No publisher runs beside this CMS.
    expect(await res.json()).toMatchObject({ reachable: false, error: expect.any(String) as unknown });
  });

  it('refuses anyone who is not signed in to the admin, the read token included', async () => {
    expect((await fetch(`${cms.url}/admin/deploy-status`)).status).toBe(401);
    expect(
      (await fetch(`${cms.url}/admin/deploy-status`, { headers: { Authorization: `Bearer ${cms.token}` } })).status,
    ).toBe(401);
  });
});

// The count is a hand-written SQL query over drafts and published rows, so it runs on each
// database the CMS supports; the rest of the file goes through Strapi's own services only.
describe.each(testDatabases())('how many entries have unpublished changes, for the home page, on %s', (database) => {
  let counted: TestCms;
  let countedJwt: string;
  beforeAll(async () => {
    // SQLite reuses the file's CMS; Postgres gets its own for this suite.
    counted = database === 'sqlite' ? cms : await startTestCms({}, { database });
    countedJwt = await adminLogin(counted);
  });
  afterAll(async () => {
    if (counted !== cms) await counted?.dispose();
  });

  interface TypeCount {
    uid: string;
    displayName: string;
    neverPublished: number;
    modified: number;
  }
  const FAQ = 'api::faq.faq';
  const LEVEL = 'api::program-level.program-level';

  async function unpublished(): Promise<{ total: number; types: TypeCount[] }> {
    const res = await fetch(`${counted.url}/admin/unpublished-changes`, {
      headers: { Authorization: `Bearer ${countedJwt}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return (await res.json()) as { total: number; types: TypeCount[] };
  }
  const modifiedOf = (counts: { types: TypeCount[] }, uid: string) => counts.types.find((t) => t.uid === uid)?.modified;
  const contentManager = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${counted.url}/content-manager/collection-types/${path}`, {
      method,
      headers: { Authorization: `Bearer ${countedJwt}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(200);
    return (await res.json()) as { results: { documentId: string }[] };
  };

  it('counts a draft saved over a published FAQ and program level, per type, until they are published', async () => {
    const before = await unpublished();
    // Every public type the site reads, named as the admin names it; the seed published everything.
    expect(before.types.map((t) => [t.uid, t.displayName])).toEqual([
      ['api::condition.condition', 'Condition'],
      ['api::facility.facility', 'Facility'],
      [FAQ, 'FAQ'],
      [LEVEL, 'Program level'],
      ['api::redirect.redirect', 'Redirect'],
      ['api::treatment-modality.treatment-modality', 'Treatment modality'],
    ]);
    expect(before.types.every((t) => t.modified === 0)).toBe(true);

    const [faq] = (await contentManager('GET', `${FAQ}?page=1&pageSize=1`)).results;
    const [level] = (await contentManager('GET', `${LEVEL}?page=1&pageSize=1`)).results;
    await contentManager('PUT', `${FAQ}/${faq!.documentId}`, {
      answer: 'A draft answer, saved and not yet published.',
    });
    await contentManager('PUT', `${LEVEL}/${level!.documentId}`, {
      summary: 'A draft summary of this level of care, saved here and not yet published.',
    });

    const edited = await unpublished();
    expect(modifiedOf(edited, FAQ)).toBe(1);
    expect(modifiedOf(edited, LEVEL)).toBe(1);
    expect(edited.total).toBe(before.total + 2);

    await contentManager('POST', `${FAQ}/${faq!.documentId}/actions/publish`, {});
    await contentManager('POST', `${LEVEL}/${level!.documentId}/actions/publish`, {});
    const published = await unpublished();
    expect(modifiedOf(published, FAQ)).toBe(0);
    expect(modifiedOf(published, LEVEL)).toBe(0);
    expect(published.total).toBe(before.total);
  });

  it('counts a new entry that was never published apart from edited ones', async () => {
    const before = await unpublished();
    const res = await fetch(`${counted.url}/content-manager/collection-types/${FAQ}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${countedJwt}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: 'Is there a waiting list?', answer: 'Rarely.', topic: 'getting-started' }),
    });
    expect(res.status).toBe(201);
    const after = await unpublished();
    const faqOf = (counts: { types: TypeCount[] }) => counts.types.find((t) => t.uid === FAQ);
    expect(faqOf(after)?.neverPublished).toBe((faqOf(before)?.neverPublished ?? 0) + 1);
    expect(faqOf(after)?.modified).toBe(0);
  });

  it('refuses anyone who is not signed in to the admin, the read token included', async () => {
    expect((await fetch(`${counted.url}/admin/unpublished-changes`)).status).toBe(401);
    expect(
      (
        await fetch(`${counted.url}/admin/unpublished-changes`, {
          headers: { Authorization: `Bearer ${counted.token}` },
        })
      ).status,
    ).toBe(401);
  });
});

describe('what editors see and get in the admin', () => {
  async function adminRequest(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${cms.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  it("derives a new FAQ's slug from its question when the admin's placeholder slug is left", async () => {
    const res = await adminRequest('POST', '/content-manager/collection-types/api::faq.faq', {
      question: 'Can my family visit during treatment?',
      slug: 'faq',
      answer: 'Ask our admissions team about visiting.',
      topic: 'getting-started',
      order: 900,
    });
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as { data: { slug: string } };
    expect(data.slug).toBe('can-my-family-visit-during-treatment');
  });

  it('keeps a slug the editor typed', async () => {
    const res = await adminRequest('POST', '/content-manager/collection-types/api::faq.faq', {
      question: 'Is parking available at the facility?',
      slug: 'parking',
      answer: 'Yes.',
      topic: 'getting-started',
      order: 901,
    });
    const { data } = (await res.json()) as { data: { slug: string } };
    expect(data.slug).toBe('parking');
  });

  it('labels fields in words and shows the help text under them', async () => {
    const res = await adminRequest(
      'GET',
      '/content-manager/content-types/api::program-level.program-level/configuration',
    );
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as {
      data: { contentType: { metadatas: Record<string, { edit: { label: string; description: string } }> } };
    };
    const { metadatas } = data.contentType;
    expect(metadatas.continuumRank?.edit.label).toBe('Continuum rank');
    expect(metadatas.asamLevel?.edit.label).toBe('ASAM level');
    expect(metadatas.summary?.edit.description).toMatch(/40-400 characters/);
  });
});
