import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The publisher's form proxy, to prove the pair: the proxy sets the address, the CMS keys on it.
import { createFormProxy } from '@clinic/scripts/publisher';
import { adminLogin, startTestCms, type TestCms } from '@clinic/testing/start-test-cms';
import { execSql, testDatabases } from '@clinic/testing/test-database';

const SITE_URL = 'http://site.test';
let cms: TestCms;
let adminJwt: string;

const valid = {
  name: "Mary-Jane O'Neil",
  phone: '(949) 555-0142',
  preferredTime: 'morning',
  message: 'Please call after 10.',
  program: 'intensive-outpatient-program',
  consent: 'on',
  consentVersion: '2026-11',
  sourcePage: '/programs/intensive-outpatient-program/',
  website: '',
  // What the enhanced form's script stamps when the page loads; JSON posts must carry one.
  startedAt: String(Date.now() - 60_000),
};

function postJson(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${cms.url}/api/call-requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function postForm(fields: Record<string, string>): Promise<Response> {
  return fetch(`${cms.url}/api/call-requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

interface StoredRequest {
  documentId: string;
  phone: string;
  name: string;
  language: string | null;
  sourcePage: string | null;
}

async function storedRequests(): Promise<StoredRequest[]> {
  const res = await fetch(
    `${cms.url}/content-manager/collection-types/api::call-request.call-request?pageSize=100&page=1`,
    {
      headers: { Authorization: `Bearer ${adminJwt}` },
    },
  );
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    results: StoredRequest[];
    pagination: { total: number };
  };
  return body.results;
}

async function storedCount(): Promise<number> {
  const res = await fetch(
    `${cms.url}/content-manager/collection-types/api::call-request.call-request?pageSize=1&page=1`,
    {
      headers: { Authorization: `Bearer ${adminJwt}` },
    },
  );
  return ((await res.json()) as { pagination: { total: number } }).pagination.total;
}

/** A raw POST: chunked (no Content-Length) when asked, from a chosen loopback address. */
function postRaw(
  url: string,
  body: string,
  {
    chunked = false,
    localAddress = '127.0.0.1',
    headers = {},
  }: { chunked?: boolean; localAddress?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress,
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(chunked ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    // The server may close the connection before a refused body is fully sent.
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.slice(i, i + 16 * 1024));
    req.end();
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const closeServer = (server: Server) => new Promise((resolve) => server.close(resolve));

const without = (key: keyof typeof valid) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));

/** Bad inputs a visitor, a broken client or an attacker might send. Each must be refused and store nothing. */
const badInputs: [string, unknown][] = [
  ['missing name', without('name')],
  ['empty name', { ...valid, name: '   ' }],
  ['overlong name', { ...valid, name: 'A'.repeat(101) }],
  ['script in name', { ...valid, name: '<script>alert(1)</script>' }],
  ['markup in name', { ...valid, name: '<b>Bob</b>' }],
  ['SQL in name', { ...valid, name: "Robert'); DROP TABLE call_requests;--" }],
  ['SQL tautology in name', { ...valid, name: "' OR '1'='1" }],
  ['control character in name', { ...valid, name: 'Bob\u0000Smith' }],
  ['bidi override in name', { ...valid, name: 'Bob\u202Etxt.exe' }],
  ['newline in name', { ...valid, name: 'Bob\nSmith' }],
  ['Hangul filler as name', { ...valid, name: '\u3164' }],
  ['lone combining mark as name', { ...valid, name: '\u0301' }],
  ['zero-width space as name', { ...valid, name: '\u200B\u200B' }],
  ['zero-width space in name', { ...valid, name: 'Ann\u200BLee' }],
  ['missing phone', without('phone')],
  ['letters as phone', { ...valid, phone: 'abc' }],
  ['too short phone', { ...valid, phone: '555-01' }],
  ['invalid US area code', { ...valid, phone: '(111) 555-0142' }],
  ['too long phone', { ...valid, phone: '+1 949 555 0142 0142 0142' }],
  ['SQL in phone', { ...valid, phone: "9495550142' OR 1=1--" }],
  ['premium-rate 900 phone', { ...valid, phone: '(900) 555-0142' }],
  ['premium-rate 976 exchange', { ...valid, phone: '(212) 976-0142' }],
  ['UK phone', { ...valid, phone: '+44 20 7946 0958' }],
  ['Jamaican NANP phone', { ...valid, phone: '(876) 555-0142' }],
  ['script in phone', { ...valid, phone: '<script>949</script>' }],
  ['unknown preferred time', { ...valid, preferredTime: 'midnight' }],
  ['SQL in preferred time', { ...valid, preferredTime: "morning'; DELETE FROM call_requests;--" }],
  ['overlong message', { ...valid, message: 'x'.repeat(501) }],
  ['script in message', { ...valid, message: '<script>fetch("//evil")</script>' }],
  ['img onerror in message', { ...valid, message: '<img src=x onerror=alert(1)>' }],
  ['bidi override in message', { ...valid, message: 'call me \u202Eevil' }],
  ['control character in message', { ...valid, message: 'hi\u0007there' }],
  ['zero-width characters in message', { ...valid, message: 'call\u200B me\u2060 please' }],
  ['JSON post without startedAt', without('startedAt')],
  ['JSON post with garbage startedAt', { ...valid, startedAt: 'soon' }],
  ['JSON post with startedAt an hour ahead', { ...valid, startedAt: String(Date.now() + 3_600_000) }],
  ['old consent version', { ...valid, consentVersion: '2020-01' }],
  ['consent missing', without('consent')],
  ['consent false', { ...valid, consent: 'false' }],
  ['consent version missing', without('consentVersion')],
  ['unknown program slug', { ...valid, program: 'not-a-program' }],
  ['program with path traversal', { ...valid, program: '../admin' }],
  ['absolute URL as source page', { ...valid, sourcePage: 'https://evil.example/' }],
  ['extra field', { ...valid, email: 'x@example.com' }],
  ['extra field trying to set status', { ...valid, status: 'closed' }],
  ['array as name', { ...valid, name: ['a', 'b'] }],
  ['object as phone', { ...valid, phone: { $ne: '' } }],
  ['JSON array body', [valid]],
  ['JSON null body', 'null'],
  ['malformed JSON', '{"name": "Bob",'],
];

describe.each(testDatabases())('call requests on %s', (database) => {
  beforeAll(async () => {
    // Rate limit off here; its own test below runs a second CMS with the default limit.
    cms = await startTestCms(
      { SITE_URL, CALL_REQUEST_RATE_LIMIT: '0', CALL_REQUEST_MIN_FILL_MS: '3000' },
      { database },
    );
    adminJwt = await adminLogin(cms);
  });
  afterAll(async () => {
    await cms?.dispose();
  });

  describe('request-a-call endpoint refuses bad input', () => {
    it.each(badInputs)('%s: 4xx with a clear message, nothing stored', async (_label, body) => {
      const before = await storedCount();
      const res = await postJson(body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const payload = (await res.json()) as { error: { message: string } };
      expect(payload.error.message.length).toBeGreaterThan(5);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await storedCount()).toBe(before);
    });

    it('refuses a wrong content type with 415', async () => {
      const res = await fetch(`${cms.url}/api/call-requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'name=Bob',
      });
      expect(res.status).toBe(415);
    });

    it('refuses a 900 KB chunked body with 413, counting its bytes, before parsing it', async () => {
      const before = await storedCount();
      // Valid JSON: were it parsed, the endpoint would answer 400 for the long message.
      const body = JSON.stringify({ ...valid, message: 'x'.repeat(900 * 1024) });
      const res = await postRaw(`${cms.url}/api/call-requests`, body, { chunked: true });
      expect(res.status).toBe(413);
      expect(await storedCount()).toBe(before);
    });

    it('refuses a compressed body (it could inflate past the limit) with 415', async () => {
      const res = await postJson(valid, { 'Content-Encoding': 'gzip' });
      expect(res.status).toBe(415);
    });

    it('refuses a huge body with 413 and stores nothing', async () => {
      const before = await storedCount();
      const res = await postJson({ ...valid, message: 'x'.repeat(200_000) });
      expect(res.status).toBe(413);
      expect(await storedCount()).toBe(before);
    });
  });

  describe('request-a-call endpoint stores valid requests', () => {
    it('stores exactly one request for a valid JSON post, with the phone in E.164 and the program linked', async () => {
      const before = await storedCount();
      const res = await postJson({ ...valid, phone: '949-555-0199' });
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ data: { received: true } });
      expect(await storedCount()).toBe(before + 1);
      const stored = (await storedRequests()).find((r) => r.phone === '+19495550199');
      expect(stored?.name).toBe("Mary-Jane O'Neil");
      // No language field, as every page sent before the Spanish site: English.
      expect(stored?.language).toBe('en');
      const relation = await fetch(
        `${cms.url}/content-manager/relations/api::call-request.call-request/${stored!.documentId}/programOfInterest`,
        { headers: { Authorization: `Bearer ${adminJwt}` } },
      );
      expect(relation.status).toBe(200);
      const linked = (await relation.json()) as { results: { slug?: string; name?: string }[] };
      expect(linked.results.map((r) => r.name)).toEqual(['Intensive outpatient program']);
    });

    it('redirects a form post without JavaScript to the thanks page with 303, nothing personal in the URL', async () => {
      const before = await storedCount();
      const res = await postForm({ ...valid, phone: '949 555 0177' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`${SITE_URL}/contact/thanks/`);
      expect(await storedCount()).toBe(before + 1);
    });

    it('sends a form post with an error back to its page with only an error code', async () => {
      const before = await storedCount();
      const res = await postForm({ ...valid, phone: 'abc' });
      expect(res.status).toBe(303);
      const location = res.headers.get('location')!;
      expect(location).toBe(
        `${SITE_URL}/programs/intensive-outpatient-program/?error=phone_invalid#form-error-phone_invalid`,
      );
      expect(location).not.toContain('abc');
      expect(location).not.toContain('Mary');
      expect(await storedCount()).toBe(before);
    });

    it('stores a Spanish request as Spanish, for admissions to call back in Spanish', async () => {
      const res = await postJson({
        ...valid,
        phone: '949-555-0198',
        sourcePage: '/es/programs/programa-ambulatorio-intensivo/',
        // A Spanish program page sends the program's Spanish slug.
        program: 'programa-ambulatorio-intensivo',
        language: 'es',
      });
      expect(res.status).toBe(201);
      const stored = (await storedRequests()).find((r) => r.phone === '+19495550198');
      expect(stored).toMatchObject({ language: 'es', sourcePage: '/es/programs/programa-ambulatorio-intensivo/' });
      // Linked to the program admissions reads about in the admin: its English version.
      const relation = await fetch(
        `${cms.url}/content-manager/relations/api::call-request.call-request/${stored!.documentId}/programOfInterest`,
        { headers: { Authorization: `Bearer ${adminJwt}` } },
      );
      const linked = (await relation.json()) as { results: { name?: string }[] };
      expect(linked.results.map((r) => r.name)).toEqual(['Intensive outpatient program']);
    });

    it("answers a Spanish JSON post's errors in Spanish, each with its code", async () => {
      const res = await postJson({ ...valid, phone: 'abc', consent: 'false', language: 'es' });
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as {
        error: { message: string; details: { errors: { path: string[]; code: string; message: string }[] } };
      };
      expect(error.message).toBe('Escriba un número de teléfono de EE. UU. o Canadá, por ejemplo (949) 555-0123.');
      expect(error.details.errors).toEqual([
        { path: ['phone'], code: 'phone_invalid', message: error.message },
        { path: ['consent'], code: 'consent_required', message: 'Marque la casilla para que podamos llamarle.' },
      ]);
    });

    it('sends a Spanish post without JavaScript to the Spanish thanks page, and its errors back to its Spanish page', async () => {
      const before = await storedCount();
      const spanish = { ...valid, sourcePage: '/es/contact/', program: '', startedAt: '', language: 'es' };
      const res = await postForm({ ...spanish, phone: '949 555 0178' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`${SITE_URL}/es/contact/thanks/`);
      expect(await storedCount()).toBe(before + 1);
      expect((await storedRequests()).find((r) => r.phone === '+19495550178')?.language).toBe('es');

      const refused = await postForm({ ...spanish, phone: '(900) 555-0142' });
      expect(refused.status).toBe(303);
      expect(refused.headers.get('location')).toBe(
        `${SITE_URL}/es/contact/?error=phone_premium#form-error-phone_premium`,
      );
      expect(await storedCount()).toBe(before + 1);
    });

    it('drops a post that filled the honeypot or came too fast, telling the bot it worked', async () => {
      const before = await storedCount();
      const honeypot = await postJson({ ...valid, website: 'http://spam.example' });
      expect(honeypot.status).toBe(201);
      const tooFast = await postForm({ ...valid, startedAt: String(Date.now() - 500) });
      expect(tooFast.status).toBe(303);
      expect(tooFast.headers.get('location')).toBe(`${SITE_URL}/contact/thanks/`);
      expect(await storedCount()).toBe(before);
    });

    it('stores the same request posted twice without JavaScript once, and thanks the visitor both times', async () => {
      const before = await storedCount();
      const fields = { ...valid, phone: '949 555 0166', message: 'Twice by accident', startedAt: '' };
      for (let i = 0; i < 2; i++) {
        const res = await postForm(fields);
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toBe(`${SITE_URL}/contact/thanks/`);
      }
      expect(await storedCount()).toBe(before + 1);
    });

    it('stores one request for a retry with the same idempotency key, and answers both alike', async () => {
      const before = await storedCount();
      const key = crypto.randomUUID();
      const first = await postJson({ ...valid, phone: '949 555 0167' }, { 'Idempotency-Key': key });
      // The retry differs in spacing only: the key alone makes it the same request.
      const retry = await postJson({ ...valid, phone: '(949) 555-0167' }, { 'Idempotency-Key': key });
      expect([first.status, retry.status]).toEqual([201, 201]);
      expect(await retry.json()).toEqual(await first.json());
      expect(await storedCount()).toBe(before + 1);
    });

    it('stores exactly 200 of 200 concurrent valid posts', async () => {
      const before = await storedCount();
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          postJson({ ...valid, phone: `+1949555${String(1000 + i).padStart(4, '0')}` }),
        ),
      );
      expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
      expect(await storedCount()).toBe(before + 200);
    });

    it('never logs the full phone number', async () => {
      await postJson({ ...valid, phone: '(949) 555-0123' });
      expect(cms.output()).not.toContain('9495550123');
      expect(cms.output()).toMatch(/\+1\*+123/);
    });
  });

  describe('nobody reads requests through the API', () => {
    it('refuses list, read, update and delete with no token and with the site read token', async () => {
      const [one] = await storedRequests();
      for (const token of [null, cms.token]) {
        const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
        for (const [method, url] of [
          ['GET', '/api/call-requests'],
          ['GET', `/api/call-requests/${one!.documentId}`],
          ['PUT', `/api/call-requests/${one!.documentId}`],
          ['DELETE', `/api/call-requests/${one!.documentId}`],
        ] as const) {
          const res = await fetch(`${cms.url}${url}`, {
            method,
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: method === 'PUT' ? '{"data":{}}' : undefined,
          });
          expect([401, 403, 404, 405], `${method} ${url} token=${Boolean(token)}`).toContain(res.status);
          expect(await res.text()).not.toContain(one!.phone);
        }
      }
    });
  });

  describe('retention', () => {
    it('deletes only requests older than CALL_REQUEST_RETENTION_DAYS', async () => {
      const total = await storedCount();
      const ids = (await storedRequests()).slice(0, 3).map((r) => r.documentId);
      const old = new Date(Date.now() - 91 * 24 * 3600 * 1000);
      for (const id of ids) {
        // Every locale/status row of the document (one here: call requests have no drafts).
        expect(await execSql(cms, 'UPDATE call_requests SET created_at = ? WHERE document_id = ?', [old, id])).toBe(1);
      }
      // As an operator runs it: beside the running CMS, which then no longer serves them.
      const run = await cms.runScript('scripts/purge-call-requests.ts', { CALL_REQUEST_RETENTION_DAYS: '90' });
      expect(run.status, run.output).toBe(0);
      expect(run.stdout).toContain('Deleted 3 call request(s) older than 90 days');
      expect(await storedCount()).toBe(total - 3);
      const remaining = (await storedRequests()).map((r) => r.documentId);
      for (const id of ids) expect(remaining).not.toContain(id);
    });
  });

  // The limiter lives in the CMS process's memory, not in the database: one run is enough.
  if (database === 'sqlite')
    describe('rate limit', () => {
      const postValid = (url: string, i: number, headers: Record<string, string> = {}) =>
        fetch(`${url}/api/call-requests`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify({ ...valid, phone: `+1949555${String(2000 + i).padStart(4, '0')}` }),
        });

      it('answers 429 with Retry-After after 5 posts from one client in 10 minutes, whatever X-Forwarded-For it claims', async () => {
        const limited = await startTestCms({ SITE_URL });
        try {
          const statuses: number[] = [];
          for (let i = 0; i < 6; i++) {
            // Trust is off: a forged header sent straight to the CMS must not open new buckets.
            const res = await postValid(limited.url, i, { 'X-Forwarded-For': `203.0.113.${i}` });
            statuses.push(res.status);
            if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
          }
          expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
        } finally {
          await limited.dispose();
        }
      });

      describe('behind a proxy (CALL_REQUEST_TRUST_PROXY=true)', () => {
        let trusting: TestCms;
        const servers: Server[] = [];
        beforeAll(async () => {
          trusting = await startTestCms({ SITE_URL, CALL_REQUEST_TRUST_PROXY: 'true' });
        });
        afterAll(async () => {
          await Promise.all(servers.map(closeServer));
          await trusting?.dispose();
        });

        it('keys the limit on the last hop only: a visitor-supplied prefix cannot choose the bucket', async () => {
          const statuses: number[] = [];
          for (let i = 0; i < 6; i++) {
            const res = await postValid(trusting.url, 100 + i, { 'X-Forwarded-For': `203.0.113.${i}, 198.51.100.7` });
            statuses.push(res.status);
          }
          expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
          expect((await postValid(trusting.url, 110, { 'X-Forwarded-For': '198.51.100.8' })).status).toBe(201);
        });

        it("does not spend a visitor's budget on refused posts", async () => {
          // A bucket of its own: the address the proxy in front of the CMS names for this visitor.
          const visitor = { 'X-Forwarded-For': '198.51.100.30' };
          for (let i = 0; i < 10; i++) {
            const refused = await fetch(`${trusting.url}/api/call-requests`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', ...visitor },
              body: JSON.stringify({ ...valid, phone: 'not a phone' }),
            });
            expect(refused.status).toBe(400);
          }
          const statuses: number[] = [];
          for (let i = 0; i < 6; i++) statuses.push((await postValid(trusting.url, 10 + i, visitor)).status);
          expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
        });

        it("gives two visitors behind the site's form proxy separate limits", async () => {
          const proxy = createServer(createFormProxy(new URL('/api/call-requests', trusting.url)));
          servers.push(proxy);
          const site = await listen(proxy);
          const post = (from: string, i: number) =>
            postRaw(
              `${site}/api/call-requests`,
              JSON.stringify({ ...valid, phone: `+1949555${String(3000 + i).padStart(4, '0')}` }),
              { localAddress: from },
            );
          const first: number[] = [];
          for (let i = 0; i < 6; i++) first.push((await post('127.0.0.3', i)).status);
          expect(first).toEqual([201, 201, 201, 201, 201, 429]);
          expect((await post('127.0.0.4', 10)).status).toBe(201);
        });

        it('stores one request when the CMS is slow, the proxy gives up, and the visitor retries with the same key', async () => {
          // A slow CMS: the first request is held for a second before the CMS handles it, and
          // is handled even though the proxy has given up on it by then.
          let held = false;
          const cmsUrl = new URL(trusting.url);
          const slowLink = createServer((req, res) => {
            const chunks: Buffer[] = [];
            req.on('data', (c: Buffer) => chunks.push(c));
            req.on('end', () => {
              const forward = () => {
                const upstream = request(
                  { host: cmsUrl.hostname, port: cmsUrl.port, path: req.url, method: req.method, headers: req.headers },
                  (answer) => {
                    if (res.destroyed) return void answer.resume();
                    res.writeHead(answer.statusCode ?? 502, answer.headers);
                    answer.pipe(res);
                  },
                );
                upstream.on('error', () => res.destroy());
                upstream.end(Buffer.concat(chunks));
              };
              if (held) return forward();
              held = true;
              setTimeout(forward, 1000);
            });
          });
          servers.push(slowLink);
          const proxy = createServer(
            createFormProxy(new URL('/api/call-requests', await listen(slowLink)), { timeoutMs: 300 }),
          );
          servers.push(proxy);
          const site = await listen(proxy);
          const adminJwtHere = await adminLogin(trusting);
          const count = async () => {
            const res = await fetch(
              `${trusting.url}/content-manager/collection-types/api::call-request.call-request?pageSize=1&page=1`,
              { headers: { Authorization: `Bearer ${adminJwtHere}` } },
            );
            return ((await res.json()) as { pagination: { total: number } }).pagination.total;
          };
          const before = await count();
          const key = crypto.randomUUID();
          const body = JSON.stringify({ ...valid, phone: '+19495554001', message: 'Slow network' });
          const timedOut = await postRaw(`${site}/api/call-requests`, body, {
            localAddress: '127.0.0.5',
            headers: { 'Idempotency-Key': key },
          });
          expect(timedOut.status).toBe(504);
          expect(timedOut.body).toMatch(/may have reached us/);
          // The held request lands after the proxy gave up.
          await expect.poll(count, { timeout: 5000 }).toBe(before + 1);
          const retry = await postRaw(`${site}/api/call-requests`, body, {
            localAddress: '127.0.0.5',
            headers: { 'Idempotency-Key': key },
          });
          expect(retry.status).toBe(201);
          expect(JSON.parse(retry.body)).toEqual({ data: { received: true } });
          expect(await count()).toBe(before + 1);
        });
      });
    });
});
