import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { contentTypes, type ContentTypeKey } from '@clinic/shared-types';
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CmsAuthError, CmsResponseError, CmsUnreachableError, ContentValidationError } from './errors.ts';
import { strapiLoader, type StrapiLoaderOptions } from './strapi-loader.ts';
import { createFakeLoaderContext, type FakeLoaderContext } from './testing/fake-loader-context.ts';

const CMS = 'http://cms.test';
const TOKEN = 'read-only-test-token';

/** A JSON payload captured from a seeded CMS (see `__fixtures__/capture-fixtures.ts`). */
function fixture(name: string): { data: unknown; meta?: unknown } {
  return JSON.parse(readFileSync(new URL(`__fixtures__/${name}.json`, import.meta.url), 'utf8')) as { data: unknown };
}
function fixtureEntries(name: string): Record<string, unknown>[] {
  return fixture(name).data as Record<string, unknown>[];
}

const server = setupServer();
/** Every request that reached a handler, in order. */
let requests: Request[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => void requests.push(request.clone()));
});
afterEach(() => {
  server.resetHandlers();
  requests = [];
  vi.unstubAllEnvs();
});
afterAll(() => server.close());

/** Serves `/api/<key>` from the given responder. */
function serve(key: string, respond: (url: URL) => Response | Promise<Response>) {
  server.use(http.get(`${CMS}/api/${key}`, ({ request }) => respond(new URL(request.url))));
}

async function load(
  options: Partial<StrapiLoaderOptions> & Pick<StrapiLoaderOptions, 'contentType'>,
  fake?: FakeLoaderContext,
) {
  const ctx = fake ?? createFakeLoaderContext(options.contentType, contentTypes[options.contentType].schema);
  await strapiLoader({ url: CMS, token: TOKEN, retryBaseDelayMs: 1, ...options }).load(ctx.context);
  return ctx;
}

/** Runs a load that must fail and returns what it threw. */
async function loadError(
  options: Partial<StrapiLoaderOptions> & Pick<StrapiLoaderOptions, 'contentType'>,
  fake?: FakeLoaderContext,
) {
  const error = await load(options, fake).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof Error)) throw new Error('expected the load to fail');
  return error;
}

describe('strapiLoader', () => {
  it('loads every page of a collection, 100 entries per request, one request per page', async () => {
    // Three real pages of the seeded FAQs; served whatever pageSize is asked, so the
    // loader must follow meta.pagination.pageCount rather than stop at a short page.
    serve('faqs', (url) => HttpResponse.json(fixture(`faqs-page-${url.searchParams.get('pagination[page]')}`)));

    const { entries, logs } = await load({ contentType: 'faqs' });

    const expected = [1, 2, 3].flatMap((page) => fixtureEntries(`faqs-page-${page}`).map((faq) => faq.documentId));
    expect(expected).toHaveLength(21);
    expect([...entries.keys()].sort()).toEqual([...expected].sort());
    expect(requests).toHaveLength(3);
    const asked = requests.map((request) => new URL(request.url).searchParams);
    expect(asked.map((params) => params.get('pagination[page]')).sort()).toEqual(['1', '2', '3']);
    expect(asked.every((params) => params.get('pagination[pageSize]') === '100')).toBe(true);
    expect(logs).toContainEqual({ level: 'info', message: 'faqs: 21 entries in 3 request(s)' });
  });

  it('stores each entry under its documentId, parsed by parseData, with a digest', async () => {
    serve('program-levels', () => HttpResponse.json(fixture('program-levels')));

    const { entries, parseDataCalls, logs } = await load({ contentType: 'program-levels' });

    const levels = fixtureEntries('program-levels');
    expect(entries.size).toBe(levels.length);
    expect(parseDataCalls.sort()).toEqual(levels.map((level) => level.documentId).sort());
    const iop = levels.find((level) => level.slug === 'intensive-outpatient-program');
    const stored = entries.get(String(iop?.documentId));
    expect(stored?.data).toEqual(contentTypes['program-levels'].schema.parse(iop));
    expect(stored?.digest).toMatch(/^[0-9a-f]{40}$/);
    expect(logs).toContainEqual({ level: 'info', message: `program-levels: ${levels.length} entries in 1 request(s)` });
  });

  it.each(['program-levels', 'treatment-modalities', 'conditions'] as const)(
    'accepts the seeded CMS payload of %s',
    async (contentType) => {
      serve(contentType, () => HttpResponse.json(fixture(contentType)));
      const { entries } = await load({ contentType });
      expect(entries.size).toBe(fixtureEntries(contentType).length);
    },
  );

  it("stores the facility single type as one entry with the id 'facility'", async () => {
    serve('facility', () => HttpResponse.json(fixture('facility')));

    const { entries, logs } = await load({ contentType: 'facility' });

    expect([...entries.keys()]).toEqual(['facility']);
    expect(entries.get('facility')?.data).toMatchObject({
      name: 'California Detox',
      phoneE164: expect.stringMatching(/^\+1/) as unknown,
    });
    expect(requests[0] && new URL(requests[0].url).searchParams.has('pagination[page]')).toBe(false);
    expect(logs).toContainEqual({ level: 'info', message: 'facility: 1 entries in 1 request(s)' });
  });

  it.each(Object.keys(contentTypes) as ContentTypeKey[])(
    'asks for the explicit populate of %s and never populate=*',
    async (contentType) => {
      const type = contentTypes[contentType];
      const body =
        type.kind === 'singleType'
          ? fixture('facility')
          : { data: [], meta: { pagination: { page: 1, pageSize: 100, pageCount: 0, total: 0 } } };
      serve(contentType, () => HttpResponse.json(body));

      await load({ contentType });

      const url = new URL(requests[0]?.url ?? '');
      expect(decodeURIComponent(url.search)).not.toContain('*');
      const populateKeys = [...url.searchParams.keys()].filter((key) => key.startsWith('populate'));
      for (const field of Object.keys(type.populate)) {
        expect(populateKeys.some((key) => key.startsWith(`populate[${field}]`))).toBe(true);
      }
      expect(populateKeys).toHaveLength(Object.keys(type.populate).length);
      if ('seo' in type.populate) expect(url.searchParams.get('populate[seo][populate][socialImage]')).toBe('true');
      expect(url.searchParams.get('status')).toBe('published');
    },
  );

  it('sends the token from CMS_TOKEN as a bearer Authorization header to CMS_URL', async () => {
    vi.stubEnv('CMS_URL', CMS);
    vi.stubEnv('CMS_TOKEN', 'token-from-the-environment');
    serve('facility', () => HttpResponse.json(fixture('facility')));

    await strapiLoader({ contentType: 'facility' }).load(
      createFakeLoaderContext('facility', contentTypes.facility.schema).context,
    );

    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer token-from-the-environment');
  });

  it.each([500, 503, 429])('retries after a %i and stores what the retry returns', async (status) => {
    let calls = 0;
    serve('program-levels', () =>
      ++calls === 1
        ? HttpResponse.json(
            { data: null, error: { status, name: 'InternalServerError', message: 'Internal Server Error' } },
            { status },
          )
        : HttpResponse.json(fixture('program-levels')),
    );

    const { entries, logs } = await load({ contentType: 'program-levels' });

    expect(requests).toHaveLength(2);
    expect(entries.size).toBe(fixtureEntries('program-levels').length);
    expect(logs.filter((log) => log.level === 'warn').map((log) => log.message)).toEqual([
      `GET /api/program-levels page 1 failed (${status}); retry 1 of 4 in 1 ms`,
    ]);
    expect(logs).toContainEqual({ level: 'info', message: 'program-levels: 7 entries in 2 request(s)' });
  });

  it('gives up with a CmsResponseError when the CMS keeps answering 5xx', async () => {
    serve('faqs', () =>
      HttpResponse.json(
        { data: null, error: { status: 502, name: 'BadGateway', message: 'upstream down' } },
        { status: 502 },
      ),
    );

    const error = await loadError({ contentType: 'faqs', retries: 2 });

    expect(error).toBeInstanceOf(CmsResponseError);
    expect(error.message).toContain('502');
    expect(error.message).toContain('BadGateway: upstream down');
    expect(requests).toHaveLength(3);
  });

  it('throws CmsUnreachableError naming CMS_URL after the configured retries when the CMS is down', async () => {
    const downUrl = `http://127.0.0.1:${await closedPort()}`;
    vi.stubEnv('CMS_URL', downUrl);
    server.use(http.all(`${downUrl}/*`, () => passthrough()));

    const error = await loadError({ contentType: 'program-levels', url: undefined, retries: 2 });

    expect(error).toBeInstanceOf(CmsUnreachableError);
    expect(error.message).toContain(`CMS_URL=${downUrl}`);
    expect(error.message).toContain('failed 3 time(s)');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain('npm run start -w cms');
    expect(requests).toHaveLength(3);
  });

  it('throws CmsAuthError on 401 without retrying, pointing at CMS_TOKEN and DATA_DIR/secrets.env', async () => {
    serve('faqs', () => HttpResponse.json(fixture('error-401'), { status: 401 }));

    const error = await loadError({ contentType: 'faqs' });

    expect(error).toBeInstanceOf(CmsAuthError);
    expect(error.message).toContain('CMS_TOKEN');
    expect(error.message).toContain('DATA_DIR/secrets.env');
    expect(requests).toHaveLength(1);
  });

  it('says CMS_TOKEN is not set when the CMS answers 403 to a request without a token', async () => {
    vi.stubEnv('CMS_TOKEN', '');
    serve('faqs', () => HttpResponse.json(fixture('error-403'), { status: 403 }));

    const error = await loadError({ contentType: 'faqs', token: undefined });

    expect(error).toBeInstanceOf(CmsAuthError);
    expect(error.message).toContain('CMS_TOKEN is not set');
    expect(requests[0]?.headers.has('authorization')).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it("does not retry a 400 and repeats Strapi's message", async () => {
    serve('faqs', () =>
      HttpResponse.json(
        {
          data: null,
          error: { status: 400, name: 'ValidationError', message: 'Invalid key nope', details: { key: 'nope' } },
        },
        { status: 400 },
      ),
    );

    const error = await loadError({ contentType: 'faqs' });

    expect(error).toBeInstanceOf(CmsResponseError);
    expect(error.message).toContain('ValidationError: Invalid key nope');
    expect(error.message).toContain('npm run generate -w shared-types');
    expect(requests).toHaveLength(1);
  });

  it("throws CmsResponseError when the body is not Strapi's envelope", async () => {
    serve('faqs', () => HttpResponse.html('<!doctype html><title>Not the CMS</title>'));
    await expect(loadError({ contentType: 'faqs' })).resolves.toBeInstanceOf(CmsResponseError);

    serve('conditions', () => HttpResponse.json({ results: [] }));
    const error = await loadError({ contentType: 'conditions' });
    expect(error).toBeInstanceOf(CmsResponseError);
    expect(error.message).toContain('not a Strapi collection response');
  });

  it('names the collection, the slug and the field path of a malformed entry, and keeps the stored content', async () => {
    const [first, second, ...rest] = fixtureEntries('faqs-page-1');
    if (!first || !second) throw new Error('fixture too small');
    const { answer: _missing, ...withoutAnswer } = first;
    const badTopic = { ...second, topic: 'astrology' };
    serve('faqs', () =>
      HttpResponse.json({
        data: [withoutAnswer, badTopic, ...rest],
        meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: rest.length + 2 } },
      }),
    );
    const fake = createFakeLoaderContext('faqs', contentTypes.faqs.schema);
    fake.entries.set('kept', { id: 'kept', data: { question: 'From the last good load?' } });

    const error = await loadError({ contentType: 'faqs' }, fake);

    expect(error).toBeInstanceOf(ContentValidationError);
    expect(error.message).toContain(
      `faqs entry "${String(first.slug)}" (documentId ${String(first.documentId)}): answer: Required`,
    );
    expect(error.message).toContain(
      `faqs entry "${String(second.slug)}" (documentId ${String(second.documentId)}): topic: Invalid enum value`,
    );
    expect([...fake.entries.keys()]).toEqual(['kept']);
  });

  it('names a related entry by its slug when the problem is in the related entry', async () => {
    const modalities = fixtureEntries('treatment-modalities');
    const withLevels = modalities.find(
      (modality) => Array.isArray(modality.programLevels) && modality.programLevels.length > 1,
    );
    if (!withLevels || !Array.isArray(withLevels.programLevels))
      throw new Error('fixture has no modality with two levels');
    const related = withLevels.programLevels as Record<string, unknown>[];
    const broken = related[1]!;
    const changed = {
      ...withLevels,
      programLevels: related.map((level, i) => (i === 1 ? { ...level, summary: '' } : level)),
    };
    serve('treatment-modalities', () =>
      HttpResponse.json({
        data: modalities.map((modality) => (modality === withLevels ? changed : modality)),
        meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: modalities.length } },
      }),
    );

    const error = await loadError({ contentType: 'treatment-modalities' });

    expect(error).toBeInstanceOf(ContentValidationError);
    expect(error.message).toContain(`programLevels[${String(broken.slug)}].summary:`);
    expect(error.message).not.toContain('programLevels.1.');
  });

  /** An uploaded photo as Strapi populates it inside an image component. */
  const photo = (alt: string | null, decorative = false) => ({
    id: 3,
    file: {
      id: 11,
      documentId: 'file11',
      url: '/uploads/group_room_3f2a.jpg',
      alternativeText: null,
      width: 1600,
      height: 1200,
      mime: 'image/jpeg',
      formats: null,
    },
    alt,
    decorative,
    caption: null,
    credit: null,
  });

  it("stores a level's hero image and the facility's photos with their files, and asks the CMS for them", async () => {
    const [level, ...levels] = fixtureEntries('program-levels');
    serve('program-levels', () =>
      HttpResponse.json({
        data: [{ ...level, heroImage: photo('Group room with chairs in a circle') }, ...levels],
        meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: levels.length + 1 } },
      }),
    );
    const fake = await load({ contentType: 'program-levels' });
    const stored = fake.entries.get(String(level!.documentId))?.data as { heroImage?: { file?: { url?: string } } };
    expect(stored.heroImage?.file?.url).toBe('/uploads/group_room_3f2a.jpg');
    expect(new URL(requests[0]!.url).searchParams.get('populate[heroImage][populate][file]')).toBe('true');

    const facility = fixture('facility').data as Record<string, unknown>;
    serve('facility', () => HttpResponse.json({ data: { ...facility, photos: [photo(null, true)] }, meta: {} }));
    const loaded = await load({ contentType: 'facility' });
    expect(loaded.entries.get('facility')?.data).toMatchObject({ photos: [{ decorative: true, alt: null }] });
  });

  it('refuses an image that neither says what it shows nor is decorative, naming the entry and the field', async () => {
    const facility = fixture('facility').data as Record<string, unknown>;
    serve('facility', () =>
      HttpResponse.json({ data: { ...facility, photos: [photo('Garden path'), photo('  ')] }, meta: {} }),
    );

    const error = await loadError({ contentType: 'facility' });

    expect(error).toBeInstanceOf(ContentValidationError);
    expect(error.message).toContain('photos[1].alt: describe what the image shows in Alt text, or tick Decorative');
  });

  it.each([
    ['a 404 (what Strapi 5 answers)', () => HttpResponse.json(fixture('facility-unpublished'), { status: 404 })],
    ['data: null', () => HttpResponse.json({ data: null, meta: {} })],
  ])('reports an unpublished facility (%s) as a ContentValidationError', async (_case, respond) => {
    serve('facility', respond);

    const error = await loadError({ contentType: 'facility' });

    expect(error).toBeInstanceOf(ContentValidationError);
    expect(error.message).toMatch(/^facility is not published/);
    expect(requests).toHaveLength(1);
  });

  it('removes entries the CMS no longer returns', async () => {
    const levels = fixtureEntries('program-levels');
    const one = (data: unknown[]) => ({
      data,
      meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } },
    });
    let current = levels;
    serve('program-levels', () => HttpResponse.json(one(current)));
    const fake = await load({ contentType: 'program-levels' });
    expect(fake.entries.size).toBe(levels.length);

    // An editor unpublishes one level.
    current = levels.slice(1);
    await load({ contentType: 'program-levels' }, fake);

    expect(fake.entries.size).toBe(levels.length - 1);
    expect(fake.entries.has(String(levels[0]?.documentId))).toBe(false);
  });

  it('asks the CMS nothing and leaves the store alone during the type check (SITE_TYPECHECK_ONLY=1)', async () => {
    serve('faqs', (url) => HttpResponse.json(fixture(`faqs-page-${url.searchParams.get('pagination[page]')}`)));
    const fake = await load({ contentType: 'faqs' });
    expect(fake.entries.size).toBe(21);
    requests = [];

    vi.stubEnv('SITE_TYPECHECK_ONLY', '1');
    await load({ contentType: 'faqs' }, fake);

    expect(requests).toHaveLength(0);
    expect(fake.entries.size).toBe(21);
    expect(fake.logs).toContainEqual({
      level: 'info',
      message: 'faqs: not loaded (SITE_TYPECHECK_ONLY=1, type check only)',
    });
  });
});

/** A local port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
