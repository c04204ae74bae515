/**
 * The HTTP side of the Strapi loader: query strings, retries, pagination, and the typed
 * errors for what goes wrong on the wire. Read-only, Strapi 5 REST; knows nothing about Astro.
 */
import { collectionResponseSchema, errorResponseSchema, singleResponseSchema } from '@clinic/shared-types';
import { CmsAuthError, CmsResponseError, CmsUnreachableError, describeCause } from './errors.ts';
import { markDraftsPublished, readsDrafts } from './preview-drafts.ts';

/** A Strapi populate object as `@clinic/shared-types` declares it per content type. */
export type Populate = { readonly [field: string]: true | { readonly populate: Populate } };

export interface StrapiClientConfig {
  /** Base URL of the CMS, without `/api`. */
  url: string;
  /** Read-only API token; without one, requests go out unauthenticated. */
  token: string | undefined;
  /** Extra attempts after the first for network errors, 5xx and 429. */
  retries: number;
  /** Delay before the first retry, doubled for each further one. */
  retryBaseDelayMs: number;
  /** Give up on one attempt after this long; a timeout is retried like a network error. */
  timeoutMs: number;
  fetch: typeof globalThis.fetch;
  /** Told about each retry before it waits, e.g. to log it. */
  onRetry?: (message: string) => void;
}

/** What one fetch of a content type returned. */
export interface FetchResult<T> {
  data: T;
  /** HTTP requests made, retries included. */
  requests: number;
}

export interface CollectionResult extends FetchResult<unknown[]> {
  /** The entry count the CMS announced on page 1; differs from `data.length` if content changed mid-fetch. */
  total: number;
}

/**
 * Flattens a nested object into qs-style bracket keys, the form Strapi parses:
 * `{ seo: { populate: { socialImage: true } } }` under `populate` becomes
 * `populate[seo][populate][socialImage]=true`.
 */
export function appendBracketParams(params: URLSearchParams, key: string, value: unknown): void {
  if (value !== null && typeof value === 'object') {
    for (const [child, childValue] of Object.entries(value))
      appendBracketParams(params, `${key}[${child}]`, childValue);
  } else {
    params.append(key, String(value));
  }
}

/**
 * The URL of one request: `/api/<key>` with an explicit populate, published content only, the
 * locale asked for (a localized type; without one Strapi answers in its default locale), for
 * collections a page and, to fetch some documents only, their documentIds.
 */
export function buildRequestUrl(
  baseUrl: string,
  key: string,
  populate: Populate,
  page?: { page: number; pageSize: number },
  locale?: string,
  documentIds?: readonly string[],
): URL {
  const url = new URL(`api/${key}`, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const params = new URLSearchParams();
  appendBracketParams(params, 'populate', populate);
  // Only on localized types: Strapi answers a type without i18n asked for a locale with nothing.
  if (locale !== undefined) params.set('locale', locale);
  // The REST default, stated so the site can never pick up drafts by accident. Preview builds
  // alone set CMS_CONTENT_STATUS=draft (with the preview token, the only one the CMS lets read drafts).
  params.set('status', readsDrafts() ? 'draft' : 'published');
  documentIds?.forEach((id, index) => params.set(`filters[documentId][$in][${index}]`, id));
  if (page) {
    params.set('pagination[page]', String(page.page));
    params.set('pagination[pageSize]', String(page.pageSize));
    // A total order: without one the database may order each page's query differently,
    // repeating some entries and skipping others.
    params.set('sort[0]', 'id:asc');
  }
  url.search = params.toString();
  return url;
}

/**
 * Fetches every entry of a collection type (or those of `documentIds`): page 1 first, then the
 * remaining pages that its `meta.pagination.pageCount` announces, `concurrency` at a time.
 * Entries stay `unknown`; the caller validates each one.
 */
export async function fetchCollection(
  config: StrapiClientConfig,
  key: string,
  populate: Populate,
  {
    pageSize,
    concurrency,
    locale,
    documentIds,
  }: {
    pageSize: number;
    concurrency: number;
    locale?: string | undefined;
    documentIds?: readonly string[] | undefined;
  },
): Promise<CollectionResult> {
  let requests = 0;
  const fetchPage = async (page: number) => {
    const request = `${describeRequest(key, locale)} page ${page}`;
    const result = await requestJson(
      config,
      buildRequestUrl(config.url, key, populate, { page, pageSize }, locale, documentIds),
      request,
    );
    requests += result.requests;
    const parsed = collectionResponseSchema.safeParse(result.data);
    if (!parsed.success) {
      throw new CmsResponseError(
        request,
        undefined,
        `the body is not a Strapi collection response (${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')})`,
      );
    }
    return parsed.data;
  };

  const first = await fetchPage(1);
  const { pageCount, total } = first.meta.pagination;
  const pages: unknown[][] = [first.data];
  const remaining = Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => i + 2);
  await mapWithConcurrency(remaining, concurrency, async (page) => {
    const response = await fetchPage(page);
    pages[page - 1] = response.data;
  });
  return { data: pages.flat(), requests, total };
}

/**
 * Fetches a single type; `data` is `null` when nothing is published. Strapi 5 answers 404
 * then (the same body as for an unknown route, so the two cannot be told apart).
 */
export async function fetchSingle(
  config: StrapiClientConfig,
  key: string,
  populate: Populate,
  locale?: string,
): Promise<FetchResult<unknown>> {
  const request = describeRequest(key, locale);
  const result = await requestJson(config, buildRequestUrl(config.url, key, populate, undefined, locale), request, {
    notFoundAsNull: true,
  });
  if (result.data === null) return result;
  const parsed = singleResponseSchema.safeParse(result.data);
  // JSON has no `undefined`: a missing `data` key means this is not Strapi's envelope.
  if (!parsed.success || parsed.data.data === undefined) {
    throw new CmsResponseError(request, undefined, 'the body is not a Strapi single-type response (no `data` field)');
  }
  return { data: parsed.data.data, requests: result.requests };
}

/** A request as messages name it: `GET /api/faqs`, `GET /api/faqs?locale=es`. */
export function describeRequest(key: string, locale?: string): string {
  return locale === undefined ? `GET /api/${key}` : `GET /api/${key}?locale=${locale}`;
}

/**
 * One GET with retries: network errors, timeouts, 5xx and 429 are retried with exponential
 * backoff; 4xx are not, since asking again cannot change the answer.
 */
export async function requestJson(
  config: StrapiClientConfig,
  url: URL,
  request: string,
  { notFoundAsNull = false }: { notFoundAsNull?: boolean } = {},
): Promise<FetchResult<unknown>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (config.token) headers.Authorization = `Bearer ${config.token}`;

  for (let attempt = 1; ; attempt++) {
    const canRetry = attempt <= config.retries;
    let response: Response;
    try {
      response = await config.fetch(url, { headers, signal: AbortSignal.timeout(config.timeoutMs) });
    } catch (error) {
      if (!canRetry) throw new CmsUnreachableError(config.url, request, attempt, { cause: error });
      await waitToRetry(config, request, attempt, backoffDelay(config, attempt), describeCause(error));
      continue;
    }

    if (response.ok) {
      try {
        const body: unknown = await response.json();
        const data = readsDrafts() ? markDraftsPublished(body) : body;
        return { data, requests: attempt };
      } catch (error) {
        throw new CmsResponseError(
          request,
          response.status,
          `the body is not JSON (content-type ${response.headers.get('content-type') ?? 'none'}); is CMS_URL=${config.url} the CMS and not another server?`,
          { cause: error },
        );
      }
    }

    const retryable = response.status >= 500 || response.status === 429;
    if (retryable && canRetry) {
      await discardBody(response);
      await waitToRetry(
        config,
        request,
        attempt,
        Math.max(backoffDelay(config, attempt), retryAfterMs(response)),
        `${response.status}`,
      );
      continue;
    }
    if (response.status === 404 && notFoundAsNull) {
      await discardBody(response);
      return { data: null, requests: attempt };
    }
    if (response.status === 401 || response.status === 403) {
      throw new CmsAuthError(response.status, request, Boolean(config.token));
    }
    const detail = await describeErrorBody(response);
    const hint =
      response.status === 400
        ? '; the CMS rejected the query the loader built from @clinic/shared-types: if a schema changed, run `npm run generate -w shared-types`'
        : retryable
          ? ` (after ${attempt} attempts)`
          : '';
    throw new CmsResponseError(request, response.status, `${detail}${hint}`);
  }
}

/**
 * Reads and drops a body so undici can reuse the connection. Read rather than cancelled:
 * cancelling a tee'd body (as msw and other interceptors hand out) waits for the other branch.
 */
async function discardBody(response: Response): Promise<void> {
  await response.arrayBuffer().catch(() => undefined);
}

async function waitToRetry(
  config: StrapiClientConfig,
  request: string,
  attempt: number,
  delayMs: number,
  reason: string,
) {
  config.onRetry?.(`${request} failed (${reason}); retry ${attempt} of ${config.retries} in ${delayMs} ms`);
  await sleep(delayMs);
}

function backoffDelay({ retryBaseDelayMs }: StrapiClientConfig, attempt: number): number {
  // No jitter: the build is the CMS's only client, there is no herd to spread.
  return retryBaseDelayMs * 2 ** (attempt - 1);
}

/** Honours a 429/503 `Retry-After` in seconds, capped so a build never stalls for long. */
function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) * 1000 : 0;
}

async function describeErrorBody(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `${response.statusText || 'error'}${text ? `: ${text.slice(0, 200)}` : ''}`;
  }
  const parsed = errorResponseSchema.safeParse(body);
  return parsed.success ? `${parsed.data.error.name}: ${parsed.data.error.message}` : text.slice(0, 200);
}

async function mapWithConcurrency<T>(
  items: readonly T[],
  concurrency: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const item = items[next++] as T;
      // Stop handing out pages once one has failed: the load is lost anyway.
      await run(item).catch((error: unknown) => {
        failed = true;
        throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, concurrency), items.length) }, worker));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
