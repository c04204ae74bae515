import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, contentManagerClient, startTestCms, type TestCms } from '@clinic/testing/start-test-cms';
import { previewSignature } from '../src/preview/sign-preview-link';

/**
 * Who may read drafts, against a real Strapi: the site's read token reads published content
 * only, the preview token reads drafts of the public types and nothing else, and the admin's
 * Preview button gets a signed link for types with a page and none for the others.
 */

const PREVIEW_URL = 'http://preview.example-clinic.test:4999';
let cms: TestCms;
let adminJwt: string;
let draftSlug: string;

const get = (path: string, token: string | null) =>
  fetch(`${cms.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

describe('draft access', () => {
  beforeAll(async () => {
    cms = await startTestCms({ PREVIEW_URL, LOG_LEVEL: 'warn' });
    adminJwt = await adminLogin(cms);
    draftSlug = `draft-only-${Date.now()}`;
    // Saved, never published.
    const res = await contentManagerClient(cms, () => adminJwt)('POST', '/collection-types/api::faq.faq', {
      question: 'Is this question still a draft?',
      slug: draftSlug,
      answer: 'Yes: nobody but editors should see it.',
      topic: 'getting-started',
      order: 997,
    });
    expect(res.ok).toBe(true);
  });

  afterAll(async () => {
    await cms?.dispose();
  });

  const slugsOf = async (res: Response) =>
    ((await res.json()) as { data: { slug: string }[] }).data.map((faq) => faq.slug);

  it("refuses the site's read token and anonymous callers status=draft, in any spelling", async () => {
    for (const query of ['status=draft', 'status[0]=draft', 'publicationState=preview']) {
      expect((await get(`/api/faqs?${query}`, cms.token)).status, query).toBe(403);
      expect((await get(`/api/faqs?${query}`, null)).status, query).toBe(403);
    }
    const published = await get('/api/faqs?status=published&pagination[pageSize]=100', cms.token);
    expect(published.status).toBe(200);
    expect(await slugsOf(published)).not.toContain(draftSlug);
  });

  it('lets the preview token read drafts of the public types', async () => {
    const token = cms.env.CMS_PREVIEW_TOKEN!;
    const res = await get('/api/faqs?status=draft&pagination[pageSize]=100', token);
    expect(res.status).toBe(200);
    expect(await slugsOf(res)).toContain(draftSlug);
    expect((await get('/api/facility?status=draft', token)).status).toBe(200);
  });

  it('gives the preview token nothing but the public types', async () => {
    const token = cms.env.CMS_PREVIEW_TOKEN!;
    // Call requests have no read route at all (404); what has one refuses the token (403).
    for (const path of [
      '/api/call-requests',
      '/api/call-requests/1',
      '/api/call-requests?status=draft',
      '/api/users',
    ]) {
      const res = await get(path, token);
      expect([403, 404], path).toContain(res.status);
    }
    expect((await get('/api/users', token)).status).toBe(403);
    const write = await fetch(`${cms.url}/api/faqs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { question: 'Written with the preview token?' } }),
    });
    expect([403, 405]).toContain(write.status);
  });

  it("answers the admin's Preview with a signed link for a page, and no preview for other types", async () => {
    const cm = contentManagerClient(cms, () => adminJwt);
    const levels = (await (
      await cm(
        'GET',
        '/collection-types/api::program-level.program-level?filters[slug][$eq]=intensive-outpatient-program',
      )
    ).json()) as { results: { documentId: string }[] };
    const documentId = levels.results[0]!.documentId;
    const res = await cm('GET', `/preview/url/api::program-level.program-level?documentId=${documentId}&status=draft`);
    const { data } = (await res.json()) as { data: { url: string } };
    const link = new URL(data.url);
    expect(link.origin).toBe(PREVIEW_URL);
    expect(link.searchParams.get('path')).toBe('/programs/intensive-outpatient-program/');
    const exp = Number(link.searchParams.get('exp'));
    expect(exp * 1000 - Date.now()).toBeGreaterThan(59 * 60 * 1000);
    expect(link.searchParams.get('sig')).toBe(
      previewSignature(cms.env.PREVIEW_SECRET!, '/programs/intensive-outpatient-program/', exp),
    );

    const facility = await cm('GET', '/preview/url/api::facility.facility?status=draft');
    expect(new URL(((await facility.json()) as { data: { url: string } }).data.url).searchParams.get('path')).toBe('/');

    const none = await fetch(`${cms.url}/content-manager/preview/url/api::call-request.call-request?status=draft`, {
      headers: { Authorization: `Bearer ${adminJwt}` },
    });
    expect([204, 400]).toContain(none.status);
  });

  it('lets the admin frame the preview origin', async () => {
    const res = await fetch(`${cms.url}/admin/`, { redirect: 'manual' });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(new RegExp(`frame-src[^;]*${PREVIEW_URL.replace(/[.:/]/g, '\\$&')}`));
  });
});
