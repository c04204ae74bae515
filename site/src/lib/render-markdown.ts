import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Editors' Markdown becomes HTML in two steps: `marked` renders it (raw HTML included, as
 * CommonMark allows), then `sanitize-html` keeps only an allow-list. Everything the site
 * shows from the CMS's Markdown fields goes through `renderMarkdown`; nothing else may be
 * passed to `set:html`.
 */

// One instance with fixed options, so another module's `marked.use()` cannot change ours.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

/** Tags an editor's Markdown may produce. No images: they would be third-party or shift the layout. */
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

const ALIGN = { name: 'align', multiple: false, values: ['left', 'center', 'right'] };

const ALLOWED_ATTRIBUTES: sanitizeHtml.IOptions['allowedAttributes'] = {
  a: ['href', 'title', 'rel'],
  ol: ['start'],
  th: ['scope', 'colspan', 'rowspan', ALIGN],
  td: ['colspan', 'rowspan', ALIGN],
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

/** The highest and lowest heading an editor's copy may use: the page's own `h1` stays the only one. */
const MIN_HEADING_LEVEL = 2;
const MAX_HEADING_LEVEL = 4;

export interface RenderMarkdownOptions {
  /**
   * The site's own origin (e.g. https://www.example.org). Absolute links to it count as
   * internal; any other http(s) link is external and gets `rel="noopener noreferrer"`.
   */
  siteOrigin?: string | URL | undefined;
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

function clampHeading(tagName: string): sanitizeHtml.Transformer {
  const level = Number(tagName.slice(1));
  const clamped = Math.min(MAX_HEADING_LEVEL, Math.max(MIN_HEADING_LEVEL, level));
  return (_tag, attribs) => ({ tagName: `h${clamped}`, attribs });
}

function sanitizeOptions(siteOrigin: string | undefined): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    // The one class the transform below adds; any other class an editor writes is dropped.
    allowedClasses: { a: [NO_WRAP] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_CONTENT,
    // Whatever an editor writes stays inside the page's markup: no `</body>` tricks.
    enforceHtmlBoundary: false,
    parseStyleAttributes: false,
    transformTags: {
      h1: clampHeading('h1'),
      h5: clampHeading('h5'),
      h6: clampHeading('h6'),
      a: (tagName, attribs) => {
        const { rel: _editorRel, ...rest } = attribs;
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

/** Renders editor Markdown to sanitized HTML that is safe to pass to `set:html`. */
export function renderMarkdown(source: string | null | undefined, options: RenderMarkdownOptions = {}): string {
  if (!source) return '';
  const html = markdown.parse(source, { async: false });
  return sanitizeHtml(html, sanitizeOptions(originOf(options.siteOrigin))).trim();
}

const BLOCK_END = /<\/(p|li|h[1-6]|blockquote|pre|tr|caption)>|<br\s*\/?>/gi;

/**
 * Editor Markdown as plain text (for JSON-LD answers and meta descriptions): no markup,
 * one line per paragraph or list item, entities decoded.
 */
export function markdownToPlainText(source: string | null | undefined): string {
  if (!source) return '';
  const html = markdown.parse(source, { async: false }).replace(BLOCK_END, '$&\n');
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
