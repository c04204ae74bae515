import { randomUUID } from 'node:crypto';
import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { fillPhonePlaceholderTokens } from './phone-placeholder.ts';
import { RecentResults } from './recent-results.ts';

/**
 * Editors' Markdown becomes HTML in two steps: `marked` renders it (raw HTML included, as
 * CommonMark allows), then `sanitize-html` keeps only an allow-list. Everything the site
 * shows from the CMS's Markdown fields goes through `renderMarkdown`; nothing else may be
 * passed to `set:html`.
 */

// One instance with fixed options, so another module's `marked.use()` cannot change ours.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

/**
 * What the functions below made of each text lately. Every result is a function of the text and
 * the options alone (a link localizer's answers are checked again, see `renderMarkdown`), so it
 * holds across builds: the publisher's worker renders build after build in one process, and most
 * of a publish's Markdown is what the last one rendered (with 10,000 extra FAQs, 40,000 answers
 * rendered twice, as HTML and as JSON-LD text: about 2.5 s of each re-render). The bounds hold
 * every FAQ answer of both languages at that scale, and a few MB of text.
 */
const MEMO_SIZE = 50_000;
const renderedMemo = new RecentResults<{ html: string; localized: (readonly [string, string])[] | null }>(MEMO_SIZE);
const plainTextMemo = new RecentResults<string>(MEMO_SIZE);
const imagesMemo = new RecentResults<readonly MarkdownImage[]>(MEMO_SIZE);

/** How many results the memo of each function holds (for tests). */
export function markdownMemoSizes(): { rendered: number; plainText: number; images: number } {
  return { rendered: renderedMemo.size, plainText: plainTextMemo.size, images: imagesMemo.size };
}

/**
 * Tags an editor's Markdown may produce. No `img`: an image is shown only as the `<picture>`
 * the image pipeline made of an upload (`RenderMarkdownOptions.images`), never as written.
 */
const ALLOWED_TAGS = [
  'p',
  'a',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'del',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'code',
  'pre',
  'br',
  'hr',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
];

/** Tailwind's `white-space: nowrap`, put on `tel:` links. */
const NO_WRAP = 'whitespace-nowrap';

/**
 * GFM's column alignment as classes (styled in global.css): HTML5 deprecates `align`, and
 * the CSP forbids the inline `style` that would replace it.
 */
const ALIGN_CLASSES = { left: 'cell-left', center: 'cell-center', right: 'cell-right' } as const;

const ALLOWED_ATTRIBUTES: sanitizeHtml.IOptions['allowedAttributes'] = {
  a: ['href', 'title', 'rel'],
  ol: ['start'],
  th: ['scope', 'colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
};

// The only classes that survive: the ones the transforms below add.
const ALLOWED_CLASSES: sanitizeHtml.IOptions['allowedClasses'] = {
  a: [NO_WRAP],
  th: Object.values(ALIGN_CLASSES),
  td: Object.values(ALIGN_CLASSES),
};

// Disallowed tags are dropped but their text is kept, except these, whose content is not
// prose (or is a vector on its own) and goes with them.
const DROP_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'xmp',
  'noscript',
  'noembed',
  'noframes',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'title',
  'svg',
  'math',
  'head',
  'plaintext',
];

/** A heading's level, `h1` to `h6`. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

export interface RenderMarkdownOptions {
  /**
   * The site's own origin (e.g. https://www.example.org). Absolute links to it count as
   * internal; any other http(s) link is external and gets `rel="noopener noreferrer"`.
   */
  siteOrigin?: string | URL | undefined;
  /**
   * The level of the heading the Markdown sits under in the page's outline. The editor's
   * top-level headings (`#` or `##`, whichever the copy starts from) become one level below
   * it, deeper ones follow without skipping a level, and nothing goes past `h6`: a body
   * under the page's `h1` starts at `h2`, an answer in a card under an `h3` starts at `h4`.
   * @default 1
   */
  parentHeadingLevel?: HeadingLevel | undefined;
  /**
   * The facility's phone number in E.164. An editor's `{phone}` becomes a `tel:` link showing
   * it as visitors read it, or just that display form inside a link's text; `tel:{phone}` as
   * a link's destination dials it (see `phone-placeholder.ts`). Without it, `{phone}` stays.
   */
  phone?: string | undefined;
  /**
   * The images to show, by the URL the Markdown names (`![alt](url)`): trusted `<picture>`
   * HTML that Markdown.astro made of the editor's uploads with Astro's image pipeline. Other
   * images are left out (the CMS refuses to publish an external image or one without alt text).
   */
  images?: ReadonlyMap<string, string> | undefined;
  /**
   * Rewrites each link's destination before it is checked like any other: a translated page
   * turns its copy's links to English pages into links to its own language's (see
   * `localize-links.ts` and `getLinkLocalizer` in `site-content.ts`). Without it, links stay.
   */
  localizeHref?: ((href: string) => string) | undefined;
}

/** An image in editor Markdown, `![alt](href)`, as marked reads it. */
export interface MarkdownImage {
  href: string;
  alt: string;
}

/** The few entities an editor's alt text may carry as typed (marked leaves them in the token). */
function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every image of a Markdown text, in order. */
export function markdownImagesOf(source: string | null | undefined): MarkdownImage[] {
  if (!source) return [];
  const known = imagesMemo.get(source);
  if (known) return known.map((image) => ({ ...image }));
  const images = imagesIn(source);
  imagesMemo.set(
    source,
    images.map((image) => ({ ...image })),
  );
  return images;
}

function imagesIn(source: string): MarkdownImage[] {
  const images: MarkdownImage[] = [];
  void markdown.walkTokens(markdown.lexer(source), (token) => {
    if (token.type === 'image') {
      const { href, text } = token as Tokens.Image;
      images.push({ href, alt: decodeEntities(text).trim() });
    }
  });
  return images;
}

/**
 * Replaces each image that has a picture with a placeholder word, which survives sanitizing as
 * text and is swapped for the picture afterwards: the pictures are trusted HTML, while the
 * sanitizer's allow-list stays free of `picture`, `source` and `img`.
 */
function placeImages(tokens: Token[], images: ReadonlyMap<string, string>): Map<string, string> {
  const placed = new Map<string, string>();
  const nonce = randomUUID().replace(/-/g, '');
  void markdown.walkTokens(tokens, (token) => {
    if (token.type !== 'image') return;
    const picture = images.get((token as Tokens.Image).href);
    if (picture === undefined) return;
    // Closed by a letter, so the placeholder of image 1 is not the start of image 10's.
    const placeholder = `mdimage${nonce}n${placed.size}e`;
    placed.set(placeholder, picture);
    const text: Tokens.Text = { type: 'text', raw: token.raw, text: placeholder, escaped: false };
    for (const key of Object.keys(token)) delete (token as unknown as Record<string, unknown>)[key];
    Object.assign(token, text);
  });
  return placed;
}

/** Markdown to HTML, with `{phone}` filled when the number is known. */
function parseMarkdown(
  source: string,
  phone: string | undefined,
  images: ReadonlyMap<string, string> = new Map(),
): { html: string; placed: Map<string, string> } {
  const tokens = markdown.lexer(source);
  const placed = images.size > 0 ? placeImages(tokens, images) : new Map<string, string>();
  return { html: markdown.parser(phone ? fillPhonePlaceholderTokens(tokens, phone) : tokens), placed };
}

function originOf(value: string | URL | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/** Whether a link leaves the site: an absolute or protocol-relative URL on another origin. */
export function isExternalHref(href: string, siteOrigin?: string): boolean {
  const trimmed = href.trim();
  if (/^[/\\]{2}/.test(trimmed)) return true;
  if (!/^https?:/i.test(trimmed)) return false;
  try {
    return new URL(trimmed).origin !== siteOrigin;
  } catch {
    return true;
  }
}

/**
 * Maps the editor's heading levels, in document order, onto the page's outline below
 * `parent`: each heading goes one level below the nearest earlier heading the editor made
 * shallower than it (or below `parent`), capped at `h6`. So `#`/`###`/`##` under an `h1`
 * read `h2`/`h3`/`h3`, and no level is ever skipped.
 */
export function fitHeadingsToOutline(levels: readonly number[], parent: HeadingLevel): HeadingLevel[] {
  const open: { editor: number; page: HeadingLevel }[] = [];
  return levels.map((editor) => {
    while (open.length > 0 && (open.at(-1)?.editor ?? 0) >= editor) open.pop();
    const page = Math.min(6, (open.at(-1)?.page ?? parent) + 1) as HeadingLevel;
    open.push({ editor, page });
    return page;
  });
}

function hasText(frame: sanitizeHtml.IFrame): boolean {
  return frame.text.trim() !== '';
}

/**
 * First pass: the allow-list, alignment as classes, link `rel`s, links without an `href`
 * unwrapped, and no empty headings or links.
 */
function sanitizeOptions(
  siteOrigin: string | undefined,
  localizeHref: ((href: string) => string) | undefined,
): sanitizeHtml.IOptions {
  const alignToClass: sanitizeHtml.Transformer = (tagName, attribs) => {
    const { align, ...rest } = attribs;
    const alignClass = ALIGN_CLASSES[(align ?? '').trim().toLowerCase() as keyof typeof ALIGN_CLASSES];
    return { tagName, attribs: alignClass ? { ...rest, class: alignClass } : rest };
  };
  return {
    // Every heading level passes here; the second pass fits them to the page's outline.
    allowedTags: [...ALLOWED_TAGS, 'h1'],
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedClasses: ALLOWED_CLASSES,
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_CONTENT,
    // Whatever an editor writes stays inside the page's markup: no `</body>` tricks.
    enforceHtmlBoundary: false,
    parseStyleAttributes: false,
    exclusiveFilter: (frame) => {
      // A heading or link with no text is invalid (and says nothing to a screen reader).
      if ((HEADING_TAGS.some((h) => h === frame.tag) || frame.tag === 'a') && !hasText(frame)) return true;
      // A link whose href the URL check removed (a `javascript:` URL, say), or that had none
      // or a blank one, goes and its text stays. (A transform renaming it to a disallowed tag
      // would not do: sanitize-html 2.17 then closes the next link with that name.)
      if (frame.tag === 'a' && !(frame.attribs['href'] ?? '').trim()) return 'excludeTag';
      return false;
    },
    transformTags: {
      th: alignToClass,
      td: alignToClass,
      a: (tagName, attribs) => {
        const { rel: _editorRel, ...linked } = attribs;
        // Transforms run before the URL check, so a rewritten href is checked as the editor's would be.
        const rest = localizeHref && linked.href ? { ...linked, href: localizeHref(linked.href) } : linked;
        const href = rest.href ?? '';
        // A phone number broken across two lines is hard to read and to dial by hand.
        if (/^tel:/i.test(href.trim())) return { tagName, attribs: { ...rest, class: NO_WRAP } };
        return isExternalHref(href, siteOrigin)
          ? { tagName, attribs: { ...rest, rel: 'noopener noreferrer' } }
          : { tagName, attribs: rest };
      },
    },
  };
}

/**
 * Second pass over the first one's output, where every heading is known and in order: each
 * takes its level in the page's outline.
 */
function outlineOptions(levels: readonly HeadingLevel[]): sanitizeHtml.IOptions {
  let next = 0;
  const relevel: sanitizeHtml.Transformer = (_tagName, attribs) => ({ tagName: `h${levels[next++] ?? 6}`, attribs });
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedClasses: ALLOWED_CLASSES,
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    enforceHtmlBoundary: false,
    parseStyleAttributes: false,
    transformTags: Object.fromEntries(HEADING_TAGS.map((h) => [h, relevel])),
  };
}

/**
 * The level of every heading in the first pass's output, in document order. A regex is exact
 * here: headings keep no attributes, and every `<` of text is escaped.
 */
function headingLevelsOf(html: string): number[] {
  return [...html.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));
}

/**
 * Renders editor Markdown to sanitized, valid HTML that is safe to pass to `set:html`.
 *
 * A text rendered lately with the same options is not rendered again. A link localizer is a
 * function of the whole content, so the memo keeps what it answered for each link of the text,
 * and the HTML is reused only while it answers the same.
 */
export function renderMarkdown(source: string | null | undefined, options: RenderMarkdownOptions = {}): string {
  if (!source) return '';
  const { localizeHref } = options;
  const key = JSON.stringify([
    source,
    originOf(options.siteOrigin) ?? null,
    options.parentHeadingLevel ?? 1,
    options.phone ?? null,
    [...(options.images ?? [])],
    localizeHref !== undefined,
  ]);
  const known = renderedMemo.get(key);
  if (known && (known.localized ?? []).every(([href, to]) => localizeHref?.(href) === to)) return known.html;
  const localized: [string, string][] = [];
  const html = renderAnew(source, {
    ...options,
    localizeHref:
      localizeHref &&
      ((href) => {
        const to = localizeHref(href);
        localized.push([href, to]);
        return to;
      }),
  });
  renderedMemo.set(key, { html, localized: localizeHref ? localized : null });
  return html;
}

function renderAnew(source: string, options: RenderMarkdownOptions): string {
  const { html, placed } = parseMarkdown(source, options.phone, options.images);
  const sanitized = sanitizeHtml(html, sanitizeOptions(originOf(options.siteOrigin), options.localizeHref));
  const levels = fitHeadingsToOutline(headingLevelsOf(sanitized), options.parentHeadingLevel ?? 1);
  let rendered = sanitizeHtml(sanitized, outlineOptions(levels)).trim();
  for (const [placeholder, picture] of placed) rendered = rendered.replace(placeholder, () => picture);
  return rendered;
}

const BLOCK_END = /<\/(p|li|h[1-6]|blockquote|pre|tr|caption)>|<br\s*\/?>/gi;

/**
 * Editor Markdown as plain text (for JSON-LD answers and meta descriptions): no markup,
 * one line per paragraph or list item, entities decoded, `{phone}` as the number visitors
 * read when `phone` (E.164) is given.
 */
export function markdownToPlainText(
  source: string | null | undefined,
  options: Pick<RenderMarkdownOptions, 'phone'> = {},
): string {
  if (!source) return '';
  const key = JSON.stringify([source, options.phone ?? null]);
  const known = plainTextMemo.get(key);
  if (known !== undefined) return known;
  const text = plainTextOf(source, options.phone);
  plainTextMemo.set(key, text);
  return text;
}

function plainTextOf(source: string, phone: string | undefined): string {
  const html = parseMarkdown(source, phone).html.replace(BLOCK_END, '$&\n');
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: DROP_WITH_CONTENT });
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
