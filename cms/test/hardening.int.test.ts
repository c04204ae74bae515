import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, startTestCms, TEST_ADMIN, type TestCms } from '@clinic/testing/start-test-cms';
import { testDatabases } from '@clinic/testing/test-database';

/**
 * Strapi's defences that the clinic relies on, proven against a real Strapi: CORS from
 * the environment, the upload allow-list and size limit, private fields out of reach of
 * REST queries, what the site's read token cannot reach, and the admin login rate limit.
 */

const SITE_URL = 'https://www.example-clinic.test';
const CMS_PUBLIC_URL = 'https://cms.example-clinic.test';
const CORS_ORIGINS = 'https://preview.example-clinic.test, https://staging.example-clinic.test';

let cms: TestCms;
let adminJwt: string;

async function get(urlPath: string, token: string | null = cms.token): Promise<Response> {
  return fetch(`${cms.url}${urlPath}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

async function uploadAsAdmin(name: string, body: Uint8Array, type: string): Promise<Response> {
  const form = new FormData();
  form.append('files', new Blob([body], { type }), name);
  return fetch(`${cms.url}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${adminJwt}` }, body: form });
}

async function storedFileCount(): Promise<number> {
  const res = await get('/upload/files?pageSize=1', adminJwt);
  expect(res.status).toBe(200);
  return ((await res.json()) as { pagination: { total: number } }).pagination.total;
}

/** A valid 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** Another valid 1x1 PNG (a different colour): a replacement for the first. */
const OTHER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const HTML = Buffer.from('<!doctype html><html><body><script>fetch("/admin/users")</script></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/admin/users")</script></svg>');
/** The start of a Windows program: what file-type detection recognises as an .exe. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(256)]);

describe.each(testDatabases())('Strapi hardening on %s', (database) => {
  beforeAll(async () => {
    cms = await startTestCms({ SITE_URL, CMS_PUBLIC_URL, CORS_ORIGINS, LOG_LEVEL: 'warn' }, { database });
    adminJwt = await adminLogin(cms);
    // One entry created by the admin, so `createdBy`/`updatedBy` point at a real admin row
    // (bcrypt password hash, email): a filter that reached them would change the results.
    const res = await fetch(`${cms.url}/content-manager/collection-types/api::faq.faq/actions/publish`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminJwt}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        question: 'Who wrote this question?',
        slug: 'who-wrote-this-question',
        answer: 'An editor, through the admin.',
        topic: 'getting-started',
        order: 998,
      }),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
  });
  afterAll(async () => {
    await cms?.dispose();
  });

  describe('CORS', () => {
    const preflight = (origin: string) =>
      fetch(`${cms.url}/api/call-requests`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });

    it.each([SITE_URL, CMS_PUBLIC_URL, 'https://preview.example-clinic.test', 'https://staging.example-clinic.test'])(
      'lets %s (SITE_URL, CMS_PUBLIC_URL or CORS_ORIGINS) call the API from a browser',
      async (origin) => {
        const pre = await preflight(origin);
        expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
        expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
        const res = await fetch(`${cms.url}/api/faqs`, {
          headers: { Origin: origin, Authorization: `Bearer ${cms.token}` },
        });
        expect(res.headers.get('access-control-allow-origin')).toBe(origin);
        // No cookies or HTTP auth cross-origin: the API is token-based.
        expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      },
    );

    it.each([
      'https://evil.example',
      'null',
      // Look-alikes: another scheme, a suffix, a subdomain, another port.
      'http://www.example-clinic.test',
      'https://www.example-clinic.test.evil.example',
      'https://evil.www.example-clinic.test',
      'https://www.example-clinic.test:8443',
    ])('gives %s no Access-Control-Allow-Origin', async (origin) => {
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
      const res = await fetch(`${cms.url}/api/faqs`, {
        headers: { Origin: origin, Authorization: `Bearer ${cms.token}` },
      });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('uploads through the admin (POST /upload)', () => {
    it('accepts a small PNG and a PDF', async () => {
      const png = await uploadAsAdmin('pixel.png', PNG, 'image/png');
      expect(png.status, await png.clone().text()).toBe(201);
      const pdf = await uploadAsAdmin('brochure.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf');
      expect(pdf.status, await pdf.clone().text()).toBe(201);
    });

    it.each([
      ['an HTML page', 'page.html', HTML, 'text/html', 'text/html'],
      ['an SVG with a script', 'logo.svg', SVG, 'image/svg+xml', 'image/svg+xml'],
      ['a Windows program', 'setup.exe', EXE, 'application/octet-stream', 'application/x-msdownload'],
      ['a Windows program named and declared as a PNG', 'photo.png', EXE, 'image/png', 'application/x-msdownload'],
    ])('refuses %s with 400 and stores nothing', async (_label, name, body, type, refusedType) => {
      const before = await storedFileCount();
      const res = await uploadAsAdmin(name, body, type);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(`File type '${refusedType}' is not allowed`);
      expect(await storedFileCount()).toBe(before);
    });

    it('answers a conditional GET of an unchanged upload with 304, and of a replaced one with the new file', async () => {
      const res = await uploadAsAdmin('revalidated.png', PNG, 'image/png');
      expect(res.status).toBe(201);
      const [file] = (await res.json()) as { id: number; url: string }[];
      const first = await fetch(`${cms.url}${file!.url}`);
      expect(first.status).toBe(200);
      const lastModified = first.headers.get('last-modified');
      const firstBytes = Buffer.from(await first.arrayBuffer());
      expect(lastModified).not.toBeNull();
      // What Astro's image cache sends at the next build.
      const unchanged = await fetch(`${cms.url}${file!.url}`, { headers: { 'If-Modified-Since': lastModified! } });
      expect(unchanged.status).toBe(304);
      expect((await unchanged.arrayBuffer()).byteLength).toBe(0);

      // Last-Modified counts whole seconds: replace the file in a later one.
      await new Promise((r) => setTimeout(r, 1100));
      const replacement = new FormData();
      replacement.append('files', new Blob([new Uint8Array(OTHER_PNG)], { type: 'image/png' }), 'revalidated.png');
      const replaced = await fetch(`${cms.url}/upload?id=${file!.id}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adminJwt}` },
        body: replacement,
      });
      expect(replaced.status, await replaced.clone().text()).toBe(200);
      const { url } = (await replaced.json()) as { url: string };
      const changed = await fetch(`${cms.url}${url}`, { headers: { 'If-Modified-Since': lastModified! } });
      expect(changed.status).toBe(200);
      // Strapi may re-encode an upload, so the bytes served are compared, not the ones sent.
      expect(Buffer.from(await changed.arrayBuffer()).equals(firstBytes)).toBe(false);
    });

    it('refuses a file over the 10 MiB limit with 413 and stores nothing', async () => {
      const before = await storedFileCount();
      const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 1024, 0x20)]);
      const res = await uploadAsAdmin('huge.pdf', big, 'application/pdf');
      expect(res.status).toBe(413);
      expect(await storedFileCount()).toBe(before);
    });

    // Strapi detects types from magic bytes; text formats have none, so markup under a .png
    // name is stored as image/png. It is served as exactly that, with nosniff, so no browser
    // renders it as a page.
    it('serves markup disguised as a .png as image/png with nosniff, never as HTML', async () => {
      const res = await uploadAsAdmin('disguised.png', HTML, 'image/png');
      expect(res.status).toBe(201);
      const [file] = (await res.json()) as { url: string; mime: string }[];
      expect(file?.mime).toBe('image/png');
      const served = await fetch(`${cms.url}${file!.url}`);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('gives the site read token no upload, listing or admin upload access', async () => {
      const form = new FormData();
      form.append('files', new Blob([PNG], { type: 'image/png' }), 'pixel.png');
      const upload = await fetch(`${cms.url}/api/upload`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${cms.token}` },
        body: form,
      });
      expect([401, 403]).toContain(upload.status);
      expect([401, 403]).toContain((await get('/api/upload/files')).status);
      expect((await get('/upload/files')).status).toBe(401);
    });
  });

  /**
   * The oracle of CVE-2023-22894 and CVE-2026-27886: a query clause on a private field of a
   * joined row (an admin's password hash or reset token) never shows in the body, but it
   * decides which rows come back, so an attacker learns the secret one character at a time.
   * Each probe runs with two values that a working filter would tell apart; the answers
   * must be the same, and either a refusal or exactly the unfiltered list.
   * `refused` / `ignored` record what Strapi 5.54 does; both are safe.
   */
  describe('private fields are out of reach of REST queries with the read token', () => {
    type Outcome = 'refused' | 'ignored';
    const probes: [label: string, query: (value: string) => string, values: [string, string], outcome: Outcome][] = [
      [
        'filters[updatedBy][resetPasswordToken]',
        (v) => `filters[updatedBy][resetPasswordToken][$startsWith]=${v}`,
        ['a', 'b'],
        'refused',
      ],
      [
        'filters[updatedBy][resetPasswordToken][$notNull]',
        (v) => `filters[updatedBy][resetPasswordToken][$notNull]=${v}`,
        ['true', 'false'],
        'refused',
      ],
      [
        'filters[createdBy][password]',
        (v) => `filters[createdBy][password][$startsWith]=${v}`,
        ['$2', '$9'],
        'refused',
      ],
      ['filters[createdBy][email]', (v) => `filters[createdBy][email][$startsWith]=${v}`, ['e', 'x'], 'refused'],
      [
        'filters[createdBy][id] (who wrote it)',
        (v) => `filters[createdBy][id][$null]=${v}`,
        ['true', 'false'],
        'refused',
      ],
      // The 4.10.8 bypass: a table alias in the key.
      [
        'filters[updatedBy][t1.password]',
        (v) => `filters[updatedBy][t1.password][$startsWith]=${v}`,
        ['$2', '$9'],
        'refused',
      ],
      [
        'filters nested in $and/$or',
        (v) =>
          `filters[$and][0][question][$notNull]=true&filters[$and][1][$or][0][updatedBy][password][$startsWith]=${v}`,
        ['$2', '$9'],
        'refused',
      ],
      ['filters under $not', (v) => `filters[$not][createdBy][password][$startsWith]=${v}`, ['$2', '$9'], 'refused'],
      [
        'filters through a content relation',
        (v) => `filters[programLevels][createdBy][password][$startsWith]=${v}`,
        ['$2', '$9'],
        'refused',
      ],
      [
        'filters through a component and a media file',
        (v) => `filters[programLevels][seo][socialImage][createdBy][password][$startsWith]=${v}`,
        ['$2', '$9'],
        'refused',
      ],
      ['sort by createdBy.password', (v) => `sort=createdBy.password:${v}`, ['asc', 'desc'], 'refused'],
      [
        'sort by updatedBy.resetPasswordToken',
        (v) => `sort[0]=updatedBy.resetPasswordToken:${v}`,
        ['asc', 'desc'],
        'refused',
      ],
      ['populate[createdBy]', (v) => `populate[createdBy]=${v}`, ['true', '*'], 'refused'],
      [
        'a filter inside a populate',
        (v) => `populate[programLevels][filters][createdBy][password][$startsWith]=${v}`,
        ['$2', '$9'],
        'refused',
      ],
      ['fields[]=createdBy', (v) => `fields[0]=${v}`, ['createdBy', 'updatedBy'], 'refused'],
      // GHSA-495j-h493-42q2 (5.5.2).
      ['lookup[updatedBy][password]', (v) => `lookup[updatedBy][password][$startsWith]=${v}`, ['$2', '$9'], 'refused'],
      // CVE-2026-27886 itself (fixed in 5.37.0): 5.54 drops the unknown `where` parameter.
      ['where[updatedBy][password]', (v) => `where[updatedBy][password][$startsWith]=${v}`, ['$2', '$9'], 'ignored'],
      ['where[createdBy][email]', (v) => `where[createdBy][email][$startsWith]=${v}`, ['e', 'x'], 'ignored'],
    ];

    const ids = async (res: Response) =>
      ((await res.json()) as { data: { documentId: string }[] }).data.map((d) => d.documentId).sort();
    const list = (query: string) => get(`/api/faqs?pagination[pageSize]=100&${query}`);

    it.each(probes)('%s: tells the two probes apart in nothing', async (_label, query, [a, b], outcome) => {
      const baseline = await ids(await list('fields[0]=slug'));
      expect(baseline.length).toBeGreaterThan(1);
      const [first, second] = [await list(query(a)), await list(query(b))];
      expect(first.status).toBe(second.status);
      if (outcome === 'refused') {
        expect(first.status).toBe(400);
        const [bodyA, bodyB] = [await first.json(), await second.json()] as { error: { name: string } }[];
        expect(bodyA?.error.name).toBe('ValidationError');
        expect(bodyB?.error.name).toBe('ValidationError');
      } else {
        expect(first.status).toBe(200);
        expect(await ids(first)).toEqual(baseline);
        expect(await ids(second)).toEqual(baseline);
      }
    });

    it('never returns private fields of the admin who wrote an entry', async () => {
      const res = await list('filters[slug][$eq]=who-wrote-this-question');
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text).toContain('who-wrote-this-question');
      for (const secret of ['createdBy', 'updatedBy', 'password', TEST_ADMIN.email, '$2a$', '$2b$']) {
        expect(text).not.toContain(secret);
      }
    });
  });

  describe('what the site read token cannot reach', () => {
    it.each([
      ['/api/users', [403]],
      ['/api/users/me', [403]],
      ['/api/users-permissions/roles', [403]],
      // The only call-request route is POST (with no auth); nothing lists them.
      ['/api/call-requests', [404, 405]],
      ['/api/upload/files', [403]],
      ['/upload/files', [401]],
      ['/admin/users', [401]],
      ['/admin/users/me', [401]],
      ['/admin/api-tokens', [401]],
      ['/admin/webhooks', [401]],
      ['/content-manager/collection-types/api::call-request.call-request', [401]],
    ])('GET %s answers %j', async (urlPath, statuses) => {
      const res = await get(urlPath);
      expect(statuses).toContain(res.status);
      expect(await res.text()).not.toContain(TEST_ADMIN.email);
    });
  });

  describe('HTTP surface', () => {
    it.each([
      ['GET', '/api/faqs'],
      ['GET', '/_health'],
      ['GET', '/api/not-a-type'],
      ['POST', '/api/call-requests'],
    ])('%s %s names no server software (no X-Powered-By)', async (method, urlPath) => {
      const res = await fetch(`${cms.url}${urlPath}`, {
        method,
        headers: { Authorization: `Bearer ${cms.token}`, 'Content-Type': 'application/json' },
        body: method === 'POST' ? '{}' : undefined,
      });
      expect(res.headers.get('x-powered-by')).toBeNull();
    });

    it.each([
      '/api/faqs?filters[$and]=x',
      '/api/faqs?filters[$or]=1',
      '/api/faqs?filters[$not]=x',
      '/api/faqs?filters[order]=x',
      '/api/faqs?filters[order][$eq]=notanumber',
      '/api/faqs?filters[order][$in]=x',
      '/api/faqs?filters[order][$between]=x',
      '/api/faqs?filters[order][$gt]=abc',
      '/api/program-levels?filters[continuumRank][$eq]=notanumber',
      '/api/program-levels?filters[$and]=x',
      '/api/faqs?filters[programLevels][continuumRank][$lt]=abc',
    ])('answers the malformed query %s with 400, never 500', async (urlPath) => {
      const res = await get(urlPath);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { name: string; message: string } };
      expect(body.error.name).toBe('ValidationError');
      expect(body.error.message).not.toMatch(/notanumber|abc/);
    });

    it('still answers a well-formed filter with the matching entries', async () => {
      const res = await get('/api/faqs?filters[order][$eq]=998&filters[$and][0][slug][$eq]=who-wrote-this-question');
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: { slug: string }[] };
      expect(body.data.map((d) => d.slug)).toEqual(['who-wrote-this-question']);
    });
  });

  // Last: it locks the test admin out of this CMS for Strapi's 5-minute window.
  describe('admin login rate limit', () => {
    it('answers 429 within 5 wrong passwords, even when X-Forwarded-For changes, and then refuses the right one too', async () => {
      const login = (password: string, i: number) =>
        fetch(`${cms.url}/admin/login`, {
          method: 'POST',
          // Without `proxy` in the server config Strapi ignores this header: it cannot reset the limit.
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `203.0.113.${i}` },
          body: JSON.stringify({ email: TEST_ADMIN.email, password }),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await login(`wrong-password-${i}`, i)).status);
      const firstLimited = statuses.indexOf(429);
      // `beforeAll` logged in once already: the same counter (email, path, client address).
      expect(firstLimited, JSON.stringify(statuses)).toBeGreaterThan(0);
      expect(firstLimited, JSON.stringify(statuses)).toBeLessThanOrEqual(5);
      expect(
        statuses.slice(0, firstLimited).every((s) => s === 400),
        JSON.stringify(statuses),
      ).toBe(true);
      expect(
        statuses.slice(firstLimited).every((s) => s === 429),
        JSON.stringify(statuses),
      ).toBe(true);
      expect((await login(TEST_ADMIN.password, 99)).status).toBe(429);
    });
  });
});
