import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../logger.ts';
import { precompressAssets } from '../release/precompress-assets.ts';
import { SiteHandler, createServedBuild } from './site-server.ts';
import { FAKE_ASSET, writeFakeSite } from '../testing/fake-site.ts';

/**
 * Throws generated requests (request lines, methods, paths, ranges, conditionals, encodings,
 * stray headers and bodies) at a real listening SiteHandler over raw sockets, so malformed input
 * reaches the server as sent, and checks that every answer is well-formed and the server stays up.
 */

const SEED = 20261201;
const RUNS = 5000;

let dir: string;
let server: Server;
let port: number;
const errors: string[] = [];
const etags: string[] = [];

const recordingLogger: Logger = { info: () => {}, error: (line) => errors.push(line) };

interface ParsedResponse {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

/** Sends bytes as they are and reads until the server closes; null when it never answered. */
function exchange(request: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no complete answer within 3 s'));
    }, 3000);
    // Not end(): a half-closed connection makes Node abort the request; Connection: close ends it.
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A reset after the answer (the server closing while we still send) is not a failure.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
  });
}

/** A complete chunked body, decoded; throws when it is cut short or malformed. */
function decodeChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    const size = lineEnd === -1 ? NaN : Number.parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) throw new Error('malformed chunk size');
    if (size === 0) return Buffer.concat(parts);
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** One HTTP/1.1 response; throws when it is not well-formed. */
function parseResponse(raw: Buffer, method: string): ParsedResponse {
  const split = raw.indexOf('\r\n\r\n');
  if (split === -1) throw new Error(`no header block in ${JSON.stringify(raw.toString('latin1').slice(0, 200))}`);
  const [statusLine = '', ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n');
  const match = /^HTTP\/1\.1 (\d{3}) [^\r\n]*$/.exec(statusLine);
  if (!match?.[1]) throw new Error(`bad status line ${JSON.stringify(statusLine)}`);
  const status = Number(match[1]);
  const headers = new Map<string, string>();
  for (const line of lines) {
    const header = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+): ?(.*)$/.exec(line);
    if (!header?.[1] || header[2] === undefined) throw new Error(`bad header line ${JSON.stringify(line)}`);
    const name = header[1].toLowerCase();
    if (headers.has(name)) throw new Error(`header ${name} sent twice`);
    headers.set(name, header[2]);
  }
  let body = raw.subarray(split + 4);
  const declared = headers.get('content-length');
  const bodiless = method === 'HEAD' || status === 304;
  if (bodiless && body.length > 0) throw new Error(`${status} to ${method} carries ${body.length} body bytes`);
  if (declared !== undefined) {
    if (!/^\d+$/.test(declared)) throw new Error(`bad Content-Length ${declared}`);
    if (!bodiless && Number(declared) !== body.length) {
      throw new Error(`Content-Length ${declared} but ${body.length} body bytes`);
    }
  } else if (headers.get('transfer-encoding') === 'chunked') {
    // Only Node's own answers (a 417 to an unknown Expect) are chunked; ours have a known length.
    if (!PARSER_STATUSES.has(status)) throw new Error(`chunked ${status}: our answers have a known length`);
    body = decodeChunked(body);
  } else if (headers.has('transfer-encoding')) {
    throw new Error(`Transfer-Encoding ${headers.get('transfer-encoding')}`);
  }
  return { status, headers, body };
}

/** A deliberately lenient reading of Accept-Encoding: may the server send `coding`? */
function mayEncode(acceptEncoding: string | undefined, coding: string): boolean {
  if (acceptEncoding === undefined) return false;
  let own: number | undefined;
  let wildcard: number | undefined;
  for (const entry of acceptEncoding.split(',')) {
    const [name = '', ...params] = entry.split(';').map((part) => part.trim());
    const q = params.find((param) => /^q=/i.test(param));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (!(weight >= 0 && weight <= 1)) continue;
    const lower = name.toLowerCase();
    if (lower === coding || (coding === 'gzip' && lower === 'x-gzip')) own = Math.max(own ?? 0, weight);
    if (lower === '*') wildcard = Math.max(wildcard ?? 0, weight);
  }
  return (own ?? wildcard ?? 0) > 0;
}

// What the handler itself answers, and what Node's parser answers to malformed requests.
const HANDLER_STATUSES = new Set([200, 301, 304, 404, 405]);
const PARSER_STATUSES = new Set([400, 413, 414, 417, 431, 505]);

interface GeneratedRequest {
  method: string;
  target: string;
  headers: (readonly [string, string])[];
  body: string | null;
}

function checkAnswer(request: GeneratedRequest, answer: ParsedResponse): void {
  const { status, headers, body } = answer;
  // Repeated list headers are one list (RFC 9110 §5.3), as Node joins them.
  const sent = new Map<string, string>();
  for (const [name, value] of request.headers) {
    const key = name.toLowerCase();
    const before = sent.get(key);
    sent.set(key, before === undefined ? value : `${before}, ${value}`);
  }
  if (!HANDLER_STATUSES.has(status) && !PARSER_STATUSES.has(status)) throw new Error(`status ${status}`);
  if (status === 206 || headers.has('content-range')) throw new Error('a partial answer although Range is ignored');
  if (HANDLER_STATUSES.has(status) && headers.get('x-content-type-options') !== 'nosniff') {
    throw new Error(`${status} without the security headers`);
  }
  if (status === 200) {
    if (headers.get('accept-ranges') !== 'none') throw new Error('200 without Accept-Ranges: none');
    if (!headers.get('content-type') || !headers.get('etag')) throw new Error('200 without type or ETag');
  }
  if (status === 304 && !sent.has('if-none-match') && !sent.has('if-modified-since')) {
    throw new Error('304 to an unconditional request');
  }
  if (status === 301) {
    const location = headers.get('location') ?? '';
    if (!/^\/[^/\\]/.test(location)) throw new Error(`redirect to ${JSON.stringify(location)}`);
  }
  if (status === 405 && headers.get('allow') !== 'GET, HEAD') throw new Error('405 without Allow');
  const coding = headers.get('content-encoding');
  if (coding !== undefined) {
    if (coding !== 'br' && coding !== 'gzip') throw new Error(`Content-Encoding ${coding}`);
    if (!mayEncode(sent.get('accept-encoding'), coding)) {
      throw new Error(`${coding} sent for Accept-Encoding ${JSON.stringify(sent.get('accept-encoding'))}`);
    }
    if (body.length > 0) (coding === 'br' ? brotliDecompressSync : gunzipSync)(body);
  }
}

function encodeRequest({ method, target, headers, body }: GeneratedRequest): Buffer {
  const head = [`${method} ${target} HTTP/1.1`, 'Host: test', ...headers.map(([n, v]) => `${n}: ${v}`)];
  if (body !== null) head.push(`Content-Length: ${Buffer.byteLength(body)}`);
  head.push('Connection: close', '', '');
  return Buffer.from(head.join('\r\n') + (body ?? ''), 'utf8');
}

const anyText = fc.string({ maxLength: 30, unit: 'binary' });

const methodArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'HEAD') },
  { weight: 2, arbitrary: fc.constantFrom('POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'get', 'PROPFIND') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,12}$/) },
);

const segmentArb = fc.oneof(
  fc.constantFrom('', '.', '..', '%2e%2e', '%2E.', 'faq', '_astro', 'index.html', 'index.html.br', '404.html'),
  fc.constantFrom('%00', '%2F', '%5C', '\\', '%E0%A4%A', '%', '%C3%BC', 'ü', '🙂', '%F0%9F%99%82', '.env', '?', '#'),
  fc.stringMatching(/^[A-Za-z0-9._~%-]{1,12}$/),
  fc.string({ maxLength: 8, unit: 'grapheme' }),
);

const targetArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '/',
      '/faq/',
      '/faq',
      '/faq?x=1',
      '/index.html',
      '/index.html.br',
      '/index.html.gz',
      FAKE_ASSET,
      `${FAKE_ASSET}.br`,
      '/404.html',
      '/logo.png',
      '/sitemap-index.xml',
      '/../live.json',
      '/%2e%2e/',
      '//evil.example',
      '//faq',
      '/\\evil.example',
      '/faq%00',
      '*',
      'http://evil.example/faq/',
    ),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.array(segmentArb, { maxLength: 6 }), fc.option(anyText, { nil: undefined }))
      .map(([segments, query]) => `/${segments.join('/')}${query === undefined ? '' : `?${query}`}`),
  },
  { weight: 1, arbitrary: fc.nat({ max: 9000 }).map((length) => `/${'a'.repeat(length)}`) },
);

const rangeArb = fc.oneof(
  fc.constantFrom('bytes=10-5', 'bytes=0-0', 'bytes=-10', 'bytes=abc', 'bytes=0-9007199254740993', 'bytes=5-'),
  fc.constantFrom('bytes=-0', 'bytes=0-1,3-4', 'bytes=', 'items=0-1', 'bytes=99999999999999999999-'),
  fc
    .tuple(fc.bigInt({ min: 0n, max: 2n ** 64n }), fc.bigInt({ min: 0n, max: 2n ** 64n }))
    .map(([a, b]) => `bytes=${a}-${b}`),
  fc.tuple(fc.nat(400), fc.nat(400)).map(([a, b]) => `bytes=${a}-${b}`),
  anyText,
);

const weightArb = fc.constantFrom(
  '',
  ';q=0',
  ';q=0.0',
  ';q=1',
  ';q=0.5',
  ';q=0.001',
  ';q=abc',
  ';q=2',
  ';q=-1',
  '; q = 0',
);
const acceptEncodingArb = fc.oneof(
  fc
    .array(fc.tuple(fc.constantFrom('br', 'gzip', 'identity', '*', 'deflate', 'x-gzip', 'BR', 'zstd'), weightArb), {
      maxLength: 4,
    })
    .map((entries) => entries.map(([name, weight]) => `${name}${weight}`).join(', ')),
  anyText,
);

const headerArb: fc.Arbitrary<readonly [string, string]> = fc.oneof(
  rangeArb.map((value) => ['Range', value] as const),
  acceptEncodingArb.map((value) => ['Accept-Encoding', value] as const),
  fc
    .oneof(
      fc.constantFrom('*', '"x"', 'W/"x"', '', ','),
      fc.constant(null).map(() => etags[0] ?? '*'),
      fc
        .array(
          fc.constant(null).map(() => etags[1] ?? '"y"'),
          { maxLength: 2 },
        )
        .map((list) => ['"a"', ...list].join(', ')),
      anyText,
    )
    .map((value) => ['If-None-Match', value] as const),
  fc
    .oneof(
      fc.date({ min: new Date(-1e14), max: new Date(1e14) }).map((date) => date.toUTCString()),
      fc.constantFrom('Thu, 01 Jan 2099 00:00:00 GMT', 'garbage', '0', '-1'),
      anyText,
    )
    .map((value) => ['If-Modified-Since', value] as const),
  fc.tuple(fc.constantFrom('If-Range', 'If-Match', 'If-Unmodified-Since', 'Cookie', 'Expect'), anyText),
  fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/), anyText),
);

const requestArb: fc.Arbitrary<GeneratedRequest> = fc.record({
  method: methodArb,
  target: targetArb,
  headers: fc.array(headerArb, { maxLength: 5 }),
  body: fc.option(fc.string({ maxLength: 64 }), { nil: null, freq: 4 }),
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'site-property-'));
  await writeFakeSite(dir, 'property');
  await precompressAssets(dir);
  const site = new SiteHandler(undefined, undefined, recordingLogger);
  site.setBuilds([createServedBuild('property', dir)]);
  server = createServer(site.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  for (const encoding of ['identity', 'br']) {
    const raw = await exchange(
      encodeRequest({ method: 'GET', target: '/', headers: [['Accept-Encoding', encoding]], body: null }),
    );
    etags.push(parseResponse(raw, 'GET').headers.get('etag') ?? '');
  }
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('site listener under generated requests', () => {
  it('answers every request well-formed, never with a 5xx, and stays up', async () => {
    const statuses = new Map<number, number>();
    let encoded = 0;
    await fc.assert(
      fc.asyncProperty(requestArb, async (request) => {
        const answer = parseResponse(await exchange(encodeRequest(request)), request.method);
        checkAnswer(request, answer);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.headers.has('content-encoding')) encoded += 1;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(errors).toEqual([]);
    // The generator reaches every kind of answer, so each check above was exercised.
    for (const status of [200, 301, 304, 400, 404, 405]) expect(statuses.get(status), `${status}s`).toBeGreaterThan(20);
    expect(encoded).toBeGreaterThan(20);
    const after = parseResponse(
      await exchange(encodeRequest({ method: 'GET', target: '/', headers: [], body: null })),
      'GET',
    );
    expect(after.status).toBe(200);
  }, 60_000);
});
