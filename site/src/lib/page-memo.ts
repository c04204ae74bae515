/**
 * Pages a re-render need not render again: the publisher's worker renders build after build
 * with one page bundle (scripts/src/publisher/build/reusable-astro-build.mjs), and a publish
 * that changes one FAQ changes a few of the site's pages. With 10,000 extra FAQs, rendering
 * all 460 pages again took about 2.7 s of a publish.
 *
 * A page's HTML is a function of what it reads while it renders, and nothing else: its props
 * (from `getStaticPaths`), its path, and the content it asks `site-content.ts` for (`tracked`
 * functions). Each page records what it read, with a fingerprint of each answer, and what it
 * told the build besides its HTML (`replayable` functions: its sitemap facts, its share image,
 * the images it asked Astro for). The next build, when the worker allows it, asks the same
 * questions again: when every answer has the same fingerprint, the page's last HTML is the
 * answer and its messages to the build are sent again (its route's `getStaticPaths` writes it and
 * leaves it out of Astro's pages, `pathsToRender`; a page of a fixed route is returned by the
 * middleware without rendering); otherwise it renders as always, and records anew.
 *
 * Only the worker turns this on (`PAGE_MEMO_CONTROL_KEY`), and only for a re-render whose content
 * changes the publisher named: any other build (a full build, a build that fetches everything,
 * at least every 15 minutes) renders every page, and records them. A preview worker keeps no memo.
 * Without the worker (`astro build`, `astro dev`) every page renders and nothing is recorded.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the worker says what this build may do with the memo, and reads what it did: the same
 * registered symbol as PAGE_MEMO_CONTROL_KEY in the worker's reusable-astro-build.mjs.
 */
export const PAGE_MEMO_CONTROL_KEY = Symbol.for('@clinic/site:page-memo-control');

/** The worker's side of the memo (see PAGE_MEMO_CONTROL_KEY). */
export interface PageMemoControl {
  /** 'record': render every page and record it; 'reuse': also reuse the pages that still hold. */
  mode: 'record' | 'reuse';
  /** Changes with every build. */
  build: number;
  /** Changes with every page bundle: a new bundle's pages may render otherwise, so none is reused. */
  bundle: number;
  /** This build's pages so far, counted by the memo. */
  rendered: number;
  reused: number;
  /**
   * Where a route's `getStaticPaths` writes the pages it leaves out (`pathsToRender`), and the
   * names of those pages, which Astro did not generate: the worker adds them to the build's pages.
   */
  outDir?: string | undefined;
  pageNames?: string[] | undefined;
}

const STATE_KEY = Symbol.for('@clinic/site:page-memo');

type Args = readonly unknown[];

interface PageRecord {
  propsFingerprint: string;
  /** `[function name, its arguments as JSON, fingerprint of its answer]` for each question asked. */
  reads: (readonly [string, string, string])[];
  /** `[function name, arguments]` of each message the page sent the build, in order. */
  effects: (readonly [string, Args])[];
  html: Uint8Array;
  /** 200, or 404 for the not-found page. */
  status: number;
  contentType: string | null;
}

interface Frame {
  reads: Map<string, readonly [string, string, unknown]>;
  effects: (readonly [string, Args])[];
}

interface PageMemoState {
  /** The build and bundle the state below belongs to. */
  build: number | null;
  bundle: number | null;
  pages: Map<string, PageRecord>;
  /** Fingerprints of this build's answers, by function name and arguments. */
  answers: Map<string, Promise<string | null>>;
  readers: Map<string, (...args: never[]) => unknown>;
  effectors: Map<string, (...args: never[]) => unknown>;
  storage: AsyncLocalStorage<Frame | null>;
  /** This build's paths, rendered or reused. */
  seen: Set<string>;
  /**
   * The fingerprints of objects (see `serialize`), kept while the object lives: content objects
   * are never changed once made, so an object's fingerprint is its own for its life.
   */
  digests: WeakMap<object, string>;
}

/**
 * The memo's state, on `globalThis`: the pages and the worker are bundled apart, and the memo
 * outlives a build.
 */
function state(): PageMemoState {
  const holder = globalThis as { [STATE_KEY]?: PageMemoState };
  holder[STATE_KEY] ??= {
    build: null,
    bundle: null,
    pages: new Map(),
    answers: new Map(),
    readers: new Map(),
    effectors: new Map(),
    storage: new AsyncLocalStorage<Frame | null>(),
    seen: new Set(),
    digests: new WeakMap(),
  };
  return holder[STATE_KEY];
}

/** The worker's control, or undefined outside the worker. */
function control(): PageMemoControl | undefined {
  return (globalThis as { [PAGE_MEMO_CONTROL_KEY]?: PageMemoControl })[PAGE_MEMO_CONTROL_KEY];
}

/**
 * Brings the state to the worker's build: with a new bundle every page is forgotten; with a new
 * build the last build's answers are, and so are the pages it no longer had.
 */
function follow(worker: PageMemoControl): PageMemoState {
  const memo = state();
  if (memo.bundle !== worker.bundle) {
    memo.pages.clear();
    memo.seen.clear();
    memo.bundle = worker.bundle;
  }
  if (memo.build !== worker.build) {
    if (memo.build !== null) for (const path of memo.pages.keys()) if (!memo.seen.has(path)) memo.pages.delete(path);
    memo.answers.clear();
    memo.seen.clear();
    memo.build = worker.build;
  }
  return memo;
}

/**
 * A fingerprint of a value: equal for equal data (primitives, arrays, plain objects with their
 * keys in order, Maps, Sets, Dates, URLs, bytes). A function has none: a page that is given one
 * cannot be reused.
 */
export function fingerprint(value: unknown, digests: WeakMap<object, string> = new WeakMap()): string {
  const parts: string[] = [];
  serialize(value, parts, digests, new Set());
  return createHash('sha256').update(parts.join('')).digest('base64url');
}

class Unfingerprintable extends Error {}

/**
 * `value` as text that differs for any two values that differ as data (lengths make it
 * unambiguous), each object in it as its own fingerprint. `digests` keeps those for the build:
 * the FAQ pages' props hold the same entries twice (in the page and in its topic groups), and
 * `getFaqs` answers with them again, so each is serialized once.
 */
function serialize(value: unknown, out: string[], digests: WeakMap<object, string>, path: Set<object>): void {
  if (value === null) return void out.push('n;');
  switch (typeof value) {
    case 'undefined':
      return void out.push('u;');
    case 'boolean':
      return void out.push(value ? 't;' : 'f;');
    case 'number':
      return void out.push(`d${Object.is(value, -0) ? '-0' : String(value)};`);
    case 'bigint':
      return void out.push(`b${value};`);
    case 'string':
      return void out.push(`s${value.length}:`, value);
    case 'object':
      break;
    default:
      throw new Unfingerprintable(`a ${typeof value}`);
  }
  const object = value;
  let digest = digests.get(object);
  if (digest === undefined) {
    if (path.has(object)) throw new Unfingerprintable('a cycle');
    path.add(object);
    const parts: string[] = [];
    serializeObject(object, parts, digests, path);
    path.delete(object);
    digest = createHash('sha256').update(parts.join('')).digest('base64url');
    digests.set(object, digest);
  }
  out.push('#', digest);
}

function serializeObject(object: object, out: string[], digests: WeakMap<object, string>, path: Set<object>): void {
  if (Array.isArray(object)) {
    out.push(`a${object.length}[`);
    for (const item of object) serialize(item, out, digests, path);
  } else if (object instanceof Map) {
    out.push(`m${object.size}[`);
    for (const [key, item] of object) {
      serialize(key, out, digests, path);
      serialize(item, out, digests, path);
    }
  } else if (object instanceof Set) {
    out.push(`e${object.size}[`);
    for (const item of object) serialize(item, out, digests, path);
  } else if (object instanceof Date) {
    out.push(`D${object.getTime()}[`);
  } else if (object instanceof URL) {
    out.push(`U${object.href.length}:`, object.href);
  } else if (object instanceof Uint8Array) {
    out.push(`B${object.length}:`, Buffer.from(object).toString('base64'));
  } else {
    const prototype = Object.getPrototypeOf(object) as unknown;
    if (prototype !== Object.prototype && prototype !== null) throw new Unfingerprintable('an instance of a class');
    const keys = Object.keys(object);
    out.push(`o${keys.length}{`);
    for (const key of keys) {
      out.push(`${key.length}:`, key);
      serialize((object as Record<string, unknown>)[key], out, digests, path);
    }
  }
  out.push(']');
}

/** The fingerprint of `value`, or null when it has none. */
function fingerprintOrNull(value: unknown): string | null {
  try {
    return fingerprint(value, state().digests);
  } catch (error) {
    if (error instanceof Unfingerprintable) return null;
    throw error;
  }
}

/**
 * Makes `name` a question a page may have asked: `read(...args)` answers it again when a later
 * build checks the page. `name` must be unique, and `read` a function of the content alone.
 */
export function registerQuestion<A extends Args>(name: string, read: (...args: A) => unknown): void {
  state().readers.set(name, read);
}

/** Records that the page being rendered (if any) asked `name` with `args` and got `answer`. */
export function recordAnswer(name: string, args: Args, answer: unknown): void {
  const frame = state().storage.getStore();
  if (!frame) return;
  const key = JSON.stringify(args);
  frame.reads.set(`${name}\0${key}`, [name, key, answer]);
}

/**
 * Gives `object` the fingerprint `digest` without reading it: a content entry's data, whose
 * loader digested the CMS's JSON it was parsed from (with 10,000 extra FAQs, serializing the
 * FAQ pages' props took about 0.3 s of a re-render). `object` must never change.
 */
export function vouch<T extends object>(object: T, digest: unknown): T {
  if (typeof digest === 'string' || typeof digest === 'number') state().digests.set(object, `v${digest}`);
  return object;
}

/**
 * `compute()` outside the page being rendered: the questions it asks are not the page's (a
 * value computed once per build for every page, like a link localizer's sources).
 */
export function untracked<T>(compute: () => T): T {
  return state().storage.run(null, compute);
}

/**
 * `read`, answering as before, and remembered as a question the page being rendered asked
 * (see `registerQuestion`). The questions `read` asks itself are not recorded: its answer says it all.
 */
export function tracked<A extends Args, T>(name: string, read: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  registerQuestion(name, read);
  const memo = state();
  return async (...args: A) => {
    if (!memo.storage.getStore()) return read(...args);
    const answer = await memo.storage.run(null, () => read(...args));
    recordAnswer(name, args, answer);
    return answer;
  };
}

/** `tracked` for a synchronous function. */
export function trackedSync<A extends Args, T>(name: string, read: (...args: A) => T): (...args: A) => T {
  registerQuestion(name, read);
  const memo = state();
  return (...args: A) => {
    if (!memo.storage.getStore()) return read(...args);
    const answer = memo.storage.run(null, () => read(...args));
    recordAnswer(name, args, answer);
    return answer;
  };
}

/**
 * `effect`, which tells the build something besides the page's HTML (a sitemap fact, a share
 * image to copy): recorded with its arguments, and called again with them when the page is
 * reused. `name` must be unique.
 */
export function replayable<A extends Args, T>(name: string, effect: (...args: A) => T): (...args: A) => T {
  const memo = state();
  memo.effectors.set(name, effect);
  return (...args: A) => {
    memo.storage.getStore()?.effects.push([name, args]);
    return effect(...args);
  };
}

/**
 * Records, while a page renders, each image it asks Astro's image pipeline for (`addStaticImage`,
 * which Astro looks up on `globalThis` at each call): a reused page asks again, so the images it
 * shows are generated into the new build's output too.
 */
function watchStaticImages(): void {
  const assets = (
    globalThis as { astroAsset?: { addStaticImage?: ((...args: never[]) => unknown) & { [WATCHED]?: true } } }
  ).astroAsset;
  const add = assets?.addStaticImage;
  if (!assets || !add || add[WATCHED]) return;
  const memo = state();
  const watched = Object.assign(
    (...args: never[]) => {
      memo.storage.getStore()?.effects.push([STATIC_IMAGE_EFFECT, args]);
      return add(...args);
    },
    { [WATCHED]: true as const },
  );
  assets.addStaticImage = watched;
}
const WATCHED = Symbol('page-memo watched');
const STATIC_IMAGE_EFFECT = 'astro:addStaticImage';

/**
 * The fingerprint of this build's answer to a question, computed once per build (an answer is
 * the same for the whole build): from `answer` when the page just got it, else by asking again.
 * Null for an answer without one, or a question no longer known.
 */
function answerNow(name: string, key: string, answer?: { value: unknown }): Promise<string | null> {
  const memo = state();
  const id = `${name}\0${key}`;
  let known = memo.answers.get(id);
  if (!known) {
    const read = memo.readers.get(name);
    known = answer
      ? Promise.resolve(fingerprintOrNull(answer.value))
      : read
        ? Promise.resolve(memo.storage.run(null, () => read(...(JSON.parse(key) as never[])))).then(fingerprintOrNull)
        : Promise.resolve(null);
    memo.answers.set(id, known);
  }
  return known;
}

/** Whether every question the page asked last time has the same answer now. */
async function stillHolds(record: PageRecord): Promise<boolean> {
  for (const [name, key, was] of record.reads) {
    const now = await answerNow(name, key);
    if (now === null || now !== was) return false;
  }
  return true;
}

/** Tells the build again what the page told it when it rendered. */
function replayEffects(record: PageRecord): void {
  const memo = state();
  for (const [name, args] of record.effects) {
    const effect =
      name === STATIC_IMAGE_EFFECT
        ? (globalThis as { astroAsset?: { addStaticImage?: (...args: never[]) => unknown } }).astroAsset?.addStaticImage
        : memo.effectors.get(name);
    effect?.(...(args as never[]));
  }
}

/**
 * A route's `getStaticPaths` entries less the pages the memo serves as they were: each of those
 * is written into the build's output here, with what it told the build replayed, and Astro never
 * sees it (with 10,000 extra FAQs, going through Astro's page pipeline for each unchanged page
 * still cost about 1.5 ms a page). `pathOf` gives an entry's page path as Astro's URL has it
 * (`/faq/2/`). Outside a re-render that may reuse, every entry.
 */
export async function pathsToRender<T extends { props: Record<string, unknown> }>(
  entries: T[],
  pathOf: (entry: T) => string,
): Promise<T[]> {
  const worker = control();
  if (!worker || worker.mode !== 'reuse' || !worker.outDir || !worker.pageNames) return entries;
  const memo = follow(worker);
  const kept: T[] = [];
  for (const entry of entries) {
    const path = pathOf(entry);
    const known = memo.pages.get(path);
    if (
      known?.status === 200 &&
      /^\/(?:[^/]+\/)*$/.test(path) &&
      known.propsFingerprint === fingerprintOrNull(entry.props) &&
      (await stillHolds(known))
    ) {
      const file = join(worker.outDir, ...path.split('/').filter(Boolean).map(decodeURIComponent), 'index.html');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, known.html);
      replayEffects(known);
      memo.seen.add(path);
      worker.pageNames.push(path.slice(1));
      worker.reused += 1;
    } else {
      kept.push(entry);
    }
  }
  return kept;
}

/** What the middleware needs of Astro's context. */
export interface PageRequest {
  url: URL;
  props: Record<string, unknown>;
  isPrerendered: boolean;
}

/**
 * The middleware's work (see site/src/middleware.ts): a page whose record still holds is its
 * last HTML; any other renders (`render`) and, while the worker records, leaves a new record.
 */
export async function renderThroughMemo(request: PageRequest, render: () => Promise<Response>): Promise<Response> {
  const worker = control();
  if (!worker || !request.isPrerendered) return render();
  const memo = follow(worker);
  const path = request.url.pathname;
  memo.seen.add(path);
  const propsFingerprint = fingerprintOrNull(request.props);
  const known = memo.pages.get(path);
  if (
    worker.mode === 'reuse' &&
    known &&
    propsFingerprint !== null &&
    known.propsFingerprint === propsFingerprint &&
    (await stillHolds(known))
  ) {
    replayEffects(known);
    worker.reused += 1;
    return new Response(known.html.slice(), {
      status: known.status,
      headers: known.contentType ? { 'content-type': known.contentType } : {},
    });
  }
  memo.pages.delete(path);
  worker.rendered += 1;
  watchStaticImages();
  const frame: Frame = { reads: new Map(), effects: [] };
  const response = await memo.storage.run(frame, render);
  // A redirect is Astro's to write; anything but a page or the not-found page is never reused.
  if ((response.status !== 200 && response.status !== 404) || propsFingerprint === null || !response.body)
    return response;
  const html = new Uint8Array(await response.clone().arrayBuffer());
  const reads: (readonly [string, string, string])[] = [];
  for (const [name, key, answer] of frame.reads.values()) {
    const answerFingerprint = await answerNow(name, key, { value: answer });
    if (answerFingerprint === null) return response;
    reads.push([name, key, answerFingerprint]);
  }
  memo.pages.set(path, {
    propsFingerprint,
    reads,
    effects: frame.effects,
    html,
    status: response.status,
    contentType: response.headers.get('content-type'),
  });
  return response;
}
