/**
 * The texts a dictionary holds, one list per key path, so tests can compare languages: its
 * strings as they are, and its functions called with the sample arguments below. The built
 * Spanish pages are checked against `englishOnlyTexts()`: none of them may appear there.
 */
import { dictionaries, type Dictionary } from './index.ts';

type Fn = (...args: never[]) => string;

/** Whether a dictionary entry is a function or holds one. */
type HoldsFunction<T> = T extends Fn
  ? true
  : T extends object
    ? true extends { [K in keyof T]: HoldsFunction<T[K]> }[keyof T]
      ? true
      : false
    : false;

/** For every function of a dictionary (by its place in it), the argument lists to call it with. */
export type SampleArgs<T> = {
  [K in keyof T as HoldsFunction<T[K]> extends true ? K : never]: T[K] extends (...args: infer A) => string
    ? readonly [A, ...A[]]
    : SampleArgs<T[K]>;
};

/**
 * Placeholders stand for the values a page fills in; they are cut out of the English texts
 * (`englishOnlyTexts`), leaving the words around them.
 */
const NAME = '⟪name⟫';
const PHONE = '⟪phone⟫';
const PLACE = '⟪place⟫';

/**
 * Arguments for each function entry: a function added to the dictionary fails the type check
 * here until it has some. Numbers are chosen to reach each branch (1 and more than 1).
 */
export const SAMPLE_ARGS: SampleArgs<Dictionary> = {
  call: { callNumber: [[PHONE]] },
  crisis: {
    stripNote: [[{ name: NAME, phone: '988' }], [{ name: NAME, phone: PHONE }]],
    callLink: [[PHONE]],
    textLink: [[PHONE]],
    ttyLink: [[PHONE]],
    websiteOf: [[NAME]],
  },
  footer: { serving: [[PLACE]] },
  availability: {
    onSiteHeading: [[NAME]],
    onSiteText: [[NAME, NAME]],
    partnersText: [[NAME]],
  },
  schedule: { upTo: [['15']] },
  levels: { asamLevel: [['2.1']], typically: [[NAME]] },
  shareCard: { withTitle: [[NAME, NAME]], nameOnly: [[NAME]] },
  pagination: { page: [[2]] },
  home: { weProvide: [[[NAME]], [[NAME, NAME]]] },
  programs: { summary: [[NAME]] },
  program: { eyebrowWithAsam: [['2.1']], questionsAbout: [[NAME], ['IOP']] },
  compare: { otherSchedule: [[NAME]], note: [[NAME, NAME]] },
  treatment: { eyebrow: [[NAME]] },
  conditions: { summary: [[NAME]] },
  faq: { pageName: [[2, 3]], pageSummary: [[2, 3, [NAME, NAME]]], continued: [[NAME]] },
  contact: { name: [[NAME]], summary: [[NAME, PHONE, PLACE]], licenceNumber: [['12345']] },
  thanks: { summary: [[NAME]] },
};

/**
 * Key paths whose Spanish is the English on purpose, each with its reason. Nothing else may
 * read the same in both languages (the dictionary's test holds them to it).
 */
export const SAME_IN_BOTH_LANGUAGES: Readonly<Record<string, string>> = {
  'compare.virtualNo': '"No" is the Spanish word too.',
  'errors.notFoundEyebrow': '"Error 404" is how Spanish names the error as well.',
  'errors.goneEyebrow': '"Error 410" is how Spanish names the error as well.',
};

/** Every text of a dictionary by key path ("nav.sections.faq"): one, or one per sample. */
export function textsOf(dictionary: Dictionary): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  const walk = (node: unknown, samples: unknown, path: string): void => {
    if (typeof node === 'string') {
      texts.set(path, [node]);
    } else if (typeof node === 'function') {
      const argLists = Array.isArray(samples) ? (samples as unknown[][]) : [];
      if (argLists.length === 0) throw new Error(`No sample arguments for the dictionary function ${path}`);
      texts.set(
        path,
        argLists.map((args) => String((node as (...a: unknown[]) => unknown)(...args))),
      );
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        const childSamples =
          typeof samples === 'object' && samples !== null ? (samples as Record<string, unknown>)[key] : undefined;
        walk(child, childSamples, path ? `${path}.${key}` : key);
      }
    } else {
      throw new Error(`The dictionary entry ${path} is neither a text nor a function of one`);
    }
  };
  walk(dictionary, SAMPLE_ARGS, '');
  return texts;
}

const PLACEHOLDER = /⟪[^⟫]*⟫|\{[a-z]+\}|\d+(?:\.\d+)?/g;

/** The words of a text around the values filled in: "Call ⟪phone⟫" gives ["Call"]. */
function piecesOf(text: string): string[] {
  return text
    .split(PLACEHOLDER)
    .map((piece) => piece.replace(/^[\s,.:;()“”"·]+|[\s,.:;()“”"·]+$/g, ''))
    .filter((piece) => /\p{L}/u.test(piece));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The English words a Spanish page must not show: the pieces of every English text of the
 * dictionary around the values a page fills in ("Call ⟪phone⟫" gives "Call"), leaving out
 * the texts the same in both languages, any piece the Spanish dictionary uses itself as whole
 * words ("TTY"), and single lower-case words ("and", "hours": parts of sentences, whose other
 * parts are in the list, and too common to tell anything on their own). Match them against a
 * page's text and attributes as whole words, case-sensitively (short ones such as "FAQ" and
 * "Home" are in the list), leaving out what is English on purpose: the cited sources' titles
 * (`<cite>`, publishers) and JSON-LD.
 */
export function englishOnlyTexts(): string[] {
  const spanish = [...textsOf(dictionaries.es).values()].flat();
  const usedInSpanish = (piece: string): boolean => {
    const word = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(piece)}(?![\\p{L}\\p{N}])`, 'u');
    return spanish.some((text) => word.test(text));
  };
  const pieces = new Set<string>();
  for (const [path, texts] of textsOf(dictionaries.en)) {
    if (path in SAME_IN_BOTH_LANGUAGES) continue;
    for (const piece of texts.flatMap(piecesOf)) {
      const lowerCaseWord = !/\s/.test(piece) && piece === piece.toLowerCase();
      if (!lowerCaseWord && !usedInSpanish(piece)) pieces.add(piece);
    }
  }
  return [...pieces].sort();
}
