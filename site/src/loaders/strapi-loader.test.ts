import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { contentTypes, type ContentTypeKey } from '@clinic/shared-types';
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_CHANGES_KEY, type ContentChanges } from './content-changes.ts';
import { CmsAuthError, CmsResponseError, CmsUnreachableError, ContentValidationError } from './errors.ts';
import { langOfEntryId, localizedEntryId, strapiLoader, type StrapiLoaderOptions } from './strapi-loader.ts';
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

/** The locale a request asked for, `en` when it named none (Strapi's default). */
function localeOf(url: URL): string {
  return url.searchParams.get('locale') ?? 'en';
}

/**
 * Serves `/api/<key>` in English from `respondEnglish` and in Spanish from the captured Spanish
 * payload (`<key>-es.json`, `faqs-es.json`), or `respondSpanish` when given.
 */
function serveLocales(
  key: string,
  respondEnglish: (url: URL) => Response | Promise<Response>,
  respondSpanish: (url: URL) => Response | Promise<Response> = () => HttpResponse.json(fixture(`${key}-es`)),
) {
  serve(key, (url) => (localeOf(url) === 'es' ? respondSpanish(url) : respondEnglish(url)));
}

/** Serves a localized type's captured payloads in both languages (the FAQs' English in three pages). */
function serveFixtures(key: ContentTypeKey) {
  serveLocales(key, (url) =>
    HttpResponse.json(fixture(key === 'faqs' ? `faqs-page-${url.searchParams.get('pagination[page]')}` : key)),
  );
}

/** The requests that asked for `locale`. */
function requestsIn(locale: string): Request[] {
  return requests.filter((request) => localeOf(new URL(request.url)) === locale);
}

/** A one-page collection response. */
function onePage(data: unknown[]) {
  return { data, meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } } };
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
    serveFixtures('faqs');

    const { entries, logs } = await load({ contentType: 'faqs' });

    const expected = [1, 2, 3].flatMap((page) => fixtureEntries(`faqs-page-${page}`).map((faq) => faq.documentId));
    expect(expected).toHaveLength(21);
    const english = [...entries.keys()].filter((id) => !id.startsWith('es/'));
    expect(english.sort()).toEqual([...expected].sort());
    expect(requestsIn('en')).toHaveLength(3);
    const asked = requestsIn('en').map((request) => new URL(request.url).searchParams);
    expect(asked.map((params) => params.get('pagination[page]')).sort()).toEqual(['1', '2', '3']);
    expect(requests.every((request) => new URL(request.url).searchParams.get('pagination[pageSize]') === '100')).toBe(
      true,
    );
    expect(logs).toContainEqual({ level: 'info', message: 'faqs: 42 entries (21 en, 21 es) in 4 request(s)' });
  });

  it.each(['program-levels', 'treatment-modalities', 'conditions', 'faqs'] as const)(
    'stores the Spanish version of each %s entry under es/<documentId>, beside the English one',
    async (contentType) => {
      serveFixtures(contentType);

      const { entries } = await load({ contentType });

      const spanish = fixtureEntries(`${contentType}-es`);
      expect(spanish.length).toBeGreaterThan(0);
      for (const entry of spanish) {
        const stored = entries.get(`es/${String(entry.documentId)}`);
        expect(stored?.data).toMatchObject({ locale: 'es', slug: entry.slug });
        // Paired by documentId: the English version is stored under the bare documentId.
        expect(entries.get(String(entry.documentId))?.data).toMatchObject({ locale: 'en' });
      }
      const asked = requests.map((request) => new URL(request.url).searchParams.get('locale'));
      expect(new Set(asked)).toEqual(new Set(['en', 'es']));
    },
  );

  it('leaves out an entry that has no Spanish version: a missing translation is absent', async () => {
    const [untranslated, ...translated] = fixtureEntries('conditions-es');
    serveLocales(
      'conditions',
      () => HttpResponse.json(fixture('conditions')),
      () => HttpResponse.json(onePage(translated)),
    );

    const { entries } = await load({ contentType: 'conditions' });

    expect(entries.has(String(untranslated?.documentId))).toBe(true);
    expect(entries.has(`es/${String(untranslated?.documentId)}`)).toBe(false);
    expect([...entries.keys()].filter((id) => id.startsWith('es/'))).toHaveLength(translated.length);
  });

  it('stores each entry under its documentId, parsed by parseData, with a digest', async () => {
    serveFixtures('program-levels');

    const { entries, parseDataCalls, logs } = await load({ contentType: 'program-levels' });

    const levels = fixtureEntries('program-levels');
    const spanish = fixtureEntries('program-levels-es');
    expect(entries.size).toBe(levels.length + spanish.length);
    expect(parseDataCalls.sort()).toEqual(
      [...levels.map((level) => level.documentId), ...spanish.map((level) => `es/${String(level.documentId)}`)].sort(),
    );
    const iop = levels.find((level) => level.slug === 'intensive-outpatient-program');
    const stored = entries.get(String(iop?.documentId));
    expect(stored?.data).toEqual(contentTypes['program-levels'].schema.parse(iop));
    expect(stored?.digest).toMatch(/^[0-9a-f]{40}$/);
    expect(logs).toContainEqual({
      level: 'info',
      message: `program-levels: ${levels.length + spanish.length} entries (${levels.length} en, ${spanish.length} es) in 2 request(s)`,
    });
  });

  it.each(['program-levels', 'treatment-modalities', 'conditions'] as const)(
    'accepts the seeded CMS payload of %s',
    async (contentType) => {
      serveFixtures(contentType);
      const { entries } = await load({ contentType });
      expect(entries.size).toBe(fixtureEntries(contentType).length + fixtureEntries(`${contentType}-es`).length);
    },
  );

  it("stores the facility single type as one entry per language, 'facility' and 'es/facility'", async () => {
    serveFixtures('facility');

    const { entries, logs } = await load({ contentType: 'facility' });

    expect([...entries.keys()].sort()).toEqual(['es/facility', 'facility']);
    expect(entries.get('facility')?.data).toMatchObject({
      name: 'California Detox',
      locale: 'en',
      phoneE164: expect.stringMatching(/^\+1/) as unknown,
    });
    expect(entries.get('es/facility')?.data).toMatchObject({ locale: 'es', translationReviewed: false });
    expect(requests.some((request) => new URL(request.url).searchParams.has('pagination[page]'))).toBe(false);
    expect(logs).toContainEqual({ level: 'info', message: 'facility: 2 entries (1 en, 1 es) in 2 request(s)' });
  });

  it('leaves out a Spanish facility that is not published, saying so, and keeps the English', async () => {
    serveLocales(
      'facility',
      () => HttpResponse.json(fixture('facility')),
      () => HttpResponse.json(fixture('facility-unpublished'), { status: 404 }),
    );

    const { entries, logs } = await load({ contentType: 'facility' });

    expect([...entries.keys()]).toEqual(['facility']);
    expect(logs).toContainEqual({
      level: 'warn',
      message: 'facility: no published Spanish version (GET /api/facility?locale=es returned nothing).',
    });
  });

  it.each(Object.keys(contentTypes) as ContentTypeKey[])(
    'asks for the explicit populate of %s and never populate=*',
    async (contentType) => {
      const type = contentTypes[contentType];
      serve(contentType, (url) =>
        HttpResponse.json(
          type.kind === 'singleType'
            ? fixture(localeOf(url) === 'es' ? 'facility-es' : 'facility')
            : { data: [], meta: { pagination: { page: 1, pageSize: 100, pageCount: 0, total: 0 } } },
        ),
      );

      await load({ contentType });

      expect(requests).toHaveLength(type.localized ? 2 : 1);
      for (const request of requests) {
        const url = new URL(request.url);
        expect(decodeURIComponent(url.search)).not.toContain('*');
        const populateKeys = [...url.searchParams.keys()].filter((key) => key.startsWith('populate'));
        for (const field of Object.keys(type.populate)) {
          expect(populateKeys.some((key) => key.startsWith(`populate[${field}]`))).toBe(true);
        }
        expect(populateKeys).toHaveLength(Object.keys(type.populate).length);
        if ('seo' in type.populate) expect(url.searchParams.get('populate[seo][populate][socialImage]')).toBe('true');
        expect(url.searchParams.get('status')).toBe('published');
      }
      // A type without i18n is asked for no locale: Strapi would answer it with nothing.
      const locales = requests.map((request) => new URL(request.url).searchParams.get('locale'));
      expect(locales.sort()).toEqual(type.localized ? ['en', 'es'] : [null]);
    },
  );

  it('stores the redirects, which are not localized, under their documentId from one request', async () => {
    const redirect = {
      id: 1,
      documentId: 'redirect1',
      fromPath: '/programs/iop/',
      httpStatus: 'moved-permanently-301',
      targetType: 'program-level',
      targetDocumentId: 'level1',
      targetPath: null,
      note: null,
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
      publishedAt: '2026-12-01T00:00:00.000Z',
    };
    serve('redirects', () => HttpResponse.json(onePage([redirect])));

    const { entries, logs } = await load({ contentType: 'redirects' });

    expect([...entries.keys()]).toEqual(['redirect1']);
    expect(new URL(requests[0]!.url).searchParams.has('locale')).toBe(false);
    expect(logs).toContainEqual({ level: 'info', message: 'redirects: 1 entries in 1 request(s)' });
  });

  it('reads the drafts of both languages in a preview build (CMS_CONTENT_STATUS=draft)', async () => {
    vi.stubEnv('CMS_CONTENT_STATUS', 'draft');
    const [level, ...levels] = fixtureEntries('program-levels-es');
    const draft = { ...level, publishedAt: null, summary: `${String(level?.summary)} (borrador)` };
    serveLocales(
      'program-levels',
      () => HttpResponse.json(fixture('program-levels')),
      () => HttpResponse.json(onePage([draft, ...levels])),
    );

    const { entries } = await load({ contentType: 'program-levels' });

    expect(requests.map((request) => new URL(request.url).searchParams.get('status'))).toEqual(['draft', 'draft']);
    expect(entries.get(`es/${String(level?.documentId)}`)?.data).toMatchObject({
      summary: draft.summary,
      publishedAt: level?.updatedAt,
    });
  });

  it('sends the token from CMS_TOKEN as a bearer Authorization header to CMS_URL', async () => {
    vi.stubEnv('CMS_URL', CMS);
    vi.stubEnv('CMS_TOKEN', 'token-from-the-environment');
    serveFixtures('facility');

    await strapiLoader({ contentType: 'facility' }).load(
      createFakeLoaderContext('facility', contentTypes.facility.schema).context,
    );

    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.headers.get('authorization')).toBe('Bearer token-from-the-environment');
    }
  });

  it.each([500, 503, 429])('retries after a %i and stores what the retry returns', async (status) => {
    let calls = 0;
    serveLocales('program-levels', () =>
      ++calls === 1
        ? HttpResponse.json(
            { data: null, error: { status, name: 'InternalServerError', message: 'Internal Server Error' } },
            { status },
          )
        : HttpResponse.json(fixture('program-levels')),
    );

    const { entries, logs } = await load({ contentType: 'program-levels' });

    expect(requestsIn('en')).toHaveLength(2);
    expect(entries.size).toBe(14);
    expect(logs.filter((log) => log.level === 'warn').map((log) => log.message)).toEqual([
      `GET /api/program-levels?locale=en page 1 failed (${status}); retry 1 of 4 in 1 ms`,
    ]);
    expect(logs).toContainEqual({ level: 'info', message: 'program-levels: 14 entries (7 en, 7 es) in 3 request(s)' });
  });

  it('gives up with a CmsResponseError when the CMS keeps answering 5xx', async () => {
    serveLocales(
      'faqs',
      (url) => HttpResponse.json(fixture(`faqs-page-${url.searchParams.get('pagination[page]')}`)),
      () =>
        HttpResponse.json(
          { data: null, error: { status: 502, name: 'BadGateway', message: 'upstream down' } },
          { status: 502 },
        ),
    );

    const error = await loadError({ contentType: 'faqs', retries: 2 });

    expect(error).toBeInstanceOf(CmsResponseError);
    expect(error.message).toContain('GET /api/faqs?locale=es page 1 (502)');
    expect(error.message).toContain('BadGateway: upstream down');
    expect(requestsIn('es')).toHaveLength(3);
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
    // Each language's request, three times each.
    expect(requests).toHaveLength(6);
  });

  it('throws CmsAuthError on 401 without retrying, pointing at CMS_TOKEN and DATA_DIR/secrets.env', async () => {
    serve('faqs', () => HttpResponse.json(fixture('error-401'), { status: 401 }));

    const error = await loadError({ contentType: 'faqs' });

    expect(error).toBeInstanceOf(CmsAuthError);
    expect(error.message).toContain('CMS_TOKEN');
    expect(error.message).toContain('DATA_DIR/secrets.env');
    // Never retried: one request per language.
    expect(requests).toHaveLength(2);
  });

  it('says CMS_TOKEN is not set when the CMS answers 403 to a request without a token', async () => {
    vi.stubEnv('CMS_TOKEN', '');
    serve('faqs', () => HttpResponse.json(fixture('error-403'), { status: 403 }));

    const error = await loadError({ contentType: 'faqs', token: undefined });

    expect(error).toBeInstanceOf(CmsAuthError);
    expect(error.message).toContain('CMS_TOKEN is not set');
    expect(requests[0]?.headers.has('authorization')).toBe(false);
    expect(requests).toHaveLength(2);
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
    expect(requests).toHaveLength(2);
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
    serveLocales(
      'faqs',
      () => HttpResponse.json(onePage([withoutAnswer, badTopic, ...rest])),
      () => HttpResponse.json(fixture('faqs-es')),
    );
    const fake = createFakeLoaderContext('faqs', contentTypes.faqs.schema);
    fake.entries.set('kept', { id: 'kept', data: { question: 'From the last good load?' } });

    const error = await loadError({ contentType: 'faqs' }, fake);

    expect(error).toBeInstanceOf(ContentValidationError);
    expect(error.message).toContain(
      `faqs entry "${String(first.slug)}" (English version, locale en, documentId ${String(first.documentId)}): answer: Required`,
    );
    expect(error.message).toContain(
      `faqs entry "${String(second.slug)}" (English version, locale en, documentId ${String(second.documentId)}): topic: Invalid enum value`,
    );
    expect([...fake.entries.keys()]).toEqual(['kept']);
  });

  it('says it is the Spanish version that is malformed, and stores neither language', async () => {
    const [first, ...rest] = fixtureEntries('faqs-es');
    if (!first) throw new Error('fixture too small');
    const { answer: _missing, ...withoutAnswer } = first;
    serveLocales(
      'faqs',
      (url) => HttpResponse.json(fixture(`faqs-page-${url.searchParams.get('pagination[page]')}`)),
      () => HttpResponse.json(onePage([withoutAnswer, ...rest])),
    );
    const fake = createFakeLoaderContext('faqs', contentTypes.faqs.schema);
    fake.entries.set('kept', { id: 'kept', data: { question: 'From the last good load?' } });

    const error = await loadError({ contentType: 'faqs' }, fake);

    expect(error).toBeInstanceOf(ContentValidationError);
    expect(error.message).toBe(
      `faqs entry "${String(first.slug)}" (Spanish version, locale es, documentId ${String(first.documentId)}): answer: Required`,
    );
    expect([...fake.entries.keys()]).toEqual(['kept']);
  });

  it('refuses to store an English answer as the Spanish version (a CMS without the es locale)', async () => {
    serveLocales(
      'conditions',
      () => HttpResponse.json(fixture('conditions')),
      () => HttpResponse.json(fixture('conditions')),
    );

    const error = await loadError({ contentType: 'conditions' });

    expect(error).toBeInstanceOf(ContentValidationError);
    expect(error.message).toContain('(Spanish version, locale es, documentId');
    expect(error.message).toContain('locale: the CMS returned the en version when asked for es');
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
    serveLocales('treatment-modalities', () =>
      HttpResponse.json(onePage(modalities.map((modality) => (modality === withLevels ? changed : modality)))),
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
    serveLocales('program-levels', () =>
      HttpResponse.json(onePage([{ ...level, heroImage: photo('Group room with chairs in a circle') }, ...levels])),
    );
    const fake = await load({ contentType: 'program-levels' });
    const stored = fake.entries.get(String(level!.documentId))?.data as { heroImage?: { file?: { url?: string } } };
    expect(stored.heroImage?.file?.url).toBe('/uploads/group_room_3f2a.jpg');
    expect(new URL(requests[0]!.url).searchParams.get('populate[heroImage][populate][file]')).toBe('true');

    const facility = fixture('facility').data as Record<string, unknown>;
    serveLocales('facility', () => HttpResponse.json({ data: { ...facility, photos: [photo(null, true)] }, meta: {} }));
    const loaded = await load({ contentType: 'facility' });
    expect(loaded.entries.get('facility')?.data).toMatchObject({ photos: [{ decorative: true, alt: null }] });
  });

  it('refuses an image that neither says what it shows nor is decorative, naming the entry and the field', async () => {
    const facility = fixture('facility').data as Record<string, unknown>;
    serveLocales('facility', () =>
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
    serveLocales('facility', respond);

    const error = await loadError({ contentType: 'facility' });

    expect(error).toBeInstanceOf(ContentValidationError);
    expect(error.message).toMatch(/^facility is not published: GET \/api\/facility\?locale=en at CMS_URL=/);
    expect(requestsIn('en')).toHaveLength(1);
  });

  it('removes entries the CMS no longer returns', async () => {
    const levels = fixtureEntries('program-levels');
    const spanish = fixtureEntries('program-levels-es');
    let current = levels;
    let currentSpanish = spanish;
    serveLocales(
      'program-levels',
      () => HttpResponse.json(onePage(current)),
      () => HttpResponse.json(onePage(currentSpanish)),
    );
    const fake = await load({ contentType: 'program-levels' });
    expect(fake.entries.size).toBe(levels.length + spanish.length);

    // An editor unpublishes one level, and the Spanish version of another.
    current = levels.slice(1);
    currentSpanish = spanish.filter((level) => level.documentId !== levels[1]?.documentId);
    await load({ contentType: 'program-levels' }, fake);

    expect(fake.entries.size).toBe(levels.length - 1 + spanish.length - 1);
    expect(fake.entries.has(String(levels[0]?.documentId))).toBe(false);
    expect(fake.entries.has(String(levels[1]?.documentId))).toBe(true);
    expect(fake.entries.has(`es/${String(levels[1]?.documentId)}`)).toBe(false);
  });

  it('asks the CMS nothing and leaves the store alone during the type check (SITE_TYPECHECK_ONLY=1)', async () => {
    serveFixtures('faqs');
    const fake = await load({ contentType: 'faqs' });
    expect(fake.entries.size).toBe(42);
    requests = [];

    vi.stubEnv('SITE_TYPECHECK_ONLY', '1');
    await load({ contentType: 'faqs' }, fake);

    expect(requests).toHaveLength(0);
    expect(fake.entries.size).toBe(42);
    expect(fake.logs).toContainEqual({
      level: 'info',
      message: 'faqs: not loaded (SITE_TYPECHECK_ONLY=1, type check only)',
    });
  });
});

describe('strapiLoader in a re-render with the changed documents named', () => {
  const holder = globalThis as { [CONTENT_CHANGES_KEY]?: ContentChanges };
  afterEach(() => {
    delete holder[CONTENT_CHANGES_KEY];
  });
  /** The FAQs as a first full load stores them, both languages. */
  async function loadedFaqs(): Promise<FakeLoaderContext> {
    serveFixtures('faqs');
    const fake = await load({ contentType: 'faqs' });
    server.resetHandlers();
    requests = [];
    return fake;
  }
  const [first, second] = fixtureEntries('faqs-page-1') as { documentId: string; answer: string }[];
  const spanishOf = (documentId: string) =>
    fixtureEntries('faqs-es').find((faq) => faq.documentId === documentId) as { answer: string };

  it('fetches only the named FAQs, in both languages, and keeps every other entry', async () => {
    const fake = await loadedFaqs();
    const before = fake.entries.size;
    holder[CONTENT_CHANGES_KEY] = { faq: [first!.documentId] };
    serveLocales(
      'faqs',
      () => HttpResponse.json(onePage([{ ...first, answer: 'Edited in English.' }])),
      () => HttpResponse.json(onePage([{ ...spanishOf(first!.documentId), answer: 'Editada en español.' }])),
    );
    await load({ contentType: 'faqs' }, fake);

    expect(requests).toHaveLength(2);
    for (const request of requests) {
      const params = new URL(request.url).searchParams;
      expect(params.get('filters[documentId][$in][0]')).toBe(first!.documentId);
      expect(params.has('filters[documentId][$in][1]')).toBe(false);
    }
    expect(fake.entries.size).toBe(before);
    expect((fake.entries.get(first!.documentId)?.data as { answer: string }).answer).toBe('Edited in English.');
    expect((fake.entries.get(`es/${first!.documentId}`)?.data as { answer: string }).answer).toBe(
      'Editada en español.',
    );
    expect((fake.entries.get(second!.documentId)?.data as { answer: string }).answer).toBe(second!.answer);
    expect(fake.logs).toContainEqual({
      level: 'info',
      message: `faqs: 2 entries (1 en, 1 es) of 1 changed document(s) in 2 request(s), ${before} in all`,
    });
  });

  it('removes a named FAQ the CMS no longer returns (unpublished or deleted), in the language it went from', async () => {
    const fake = await loadedFaqs();
    holder[CONTENT_CHANGES_KEY] = { faq: [first!.documentId] };
    // The Spanish version was unpublished; the English one is still published.
    serveLocales(
      'faqs',
      () => HttpResponse.json(onePage([first])),
      () => HttpResponse.json(onePage([])),
    );
    await load({ contentType: 'faqs' }, fake);
    expect(fake.entries.has(first!.documentId)).toBe(true);
    expect(fake.entries.has(`es/${first!.documentId}`)).toBe(false);
    expect(fake.entries.has(`es/${second!.documentId}`)).toBe(true);
  });

  it('keeps a collection whose entries no changed document reaches, without a request', async () => {
    serveFixtures('conditions');
    const fake = await load({ contentType: 'conditions' });
    requests = [];
    const before = [...fake.entries.keys()];
    holder[CONTENT_CHANGES_KEY] = { faq: [first!.documentId] };
    await load({ contentType: 'conditions' }, fake);
    expect(requests).toHaveLength(0);
    expect([...fake.entries.keys()]).toEqual(before);
    expect(fake.logs).toContainEqual({
      level: 'info',
      message: `conditions: unchanged, ${before.length} entries kept`,
    });
  });

  it('fetches all of a collection that shows a changed model through its relations (program levels list their FAQs)', async () => {
    serveFixtures('program-levels');
    holder[CONTENT_CHANGES_KEY] = { faq: [first!.documentId] };
    const fake = await load({ contentType: 'program-levels' });
    expect(fake.entries.size).toBeGreaterThan(0);
    expect(requests.some((request) => new URL(request.url).search.includes('filters'))).toBe(false);
  });

  it('fails, so the publisher builds in full, when the CMS answers a request by id with other documents', async () => {
    const fake = await loadedFaqs();
    holder[CONTENT_CHANGES_KEY] = { faq: [first!.documentId] };
    serveLocales(
      'faqs',
      () => HttpResponse.json(onePage([first, second])),
      () => HttpResponse.json(onePage([])),
    );
    const error = await loadError({ contentType: 'faqs' }, fake);
    expect(error).toBeInstanceOf(ContentValidationError);
    expect(error.message).toMatch(/answered a request for 1 documents by id with others/);
  });
});

describe('localized entry ids', () => {
  it('keeps English ids bare and prefixes the Spanish, and reads the language back', () => {
    expect(localizedEntryId('en', 'abc123')).toBe('abc123');
    expect(localizedEntryId('es', 'abc123')).toBe('es/abc123');
    expect(localizedEntryId('es', 'facility')).toBe('es/facility');
    expect(langOfEntryId('es/abc123')).toBe('es');
    expect(langOfEntryId('abc123')).toBe('en');
    expect(langOfEntryId('facility')).toBe('en');
    expect(langOfEntryId('fr/abc123')).toBe('en');
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
