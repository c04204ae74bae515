import type { Token, Tokens } from 'marked';
import { formatPhoneDisplay, telHref } from './phone.ts';

/**
 * What editors write instead of the admissions number, so every text follows the Facility's
 * Phone number when it changes. The only placeholder: any other `{word}` is text. `\{phone}`
 * writes it literally.
 */
export const PHONE_PLACEHOLDER = '{phone}';

/** `tel:{phone}` as a link's destination: `[Call admissions](tel:{phone})`. */
const TEL_PLACEHOLDER = /^tel:\{phone\}$/i;

/**
 * Plain text (a meta description) with `{phone}` as the number visitors read:
 * "Call {phone}." -> "Call (949) 694-8305.". Null and undefined pass through.
 */
export function fillPhonePlaceholder<T extends string | null | undefined>(text: T, phoneE164: string): T {
  if (!text || !text.includes(PHONE_PLACEHOLDER)) return text;
  return text.replaceAll(PHONE_PLACEHOLDER, formatPhoneDisplay(phoneE164)) as T;
}

function textToken(text: string): Tokens.Text {
  return { type: 'text', raw: text, text, escaped: false };
}

/** The link `{phone}` stands for: the same token a typed `[(949) 694-8305](tel:+19496948305)` gives. */
function phoneLink(phoneE164: string): Tokens.Link {
  const display = formatPhoneDisplay(phoneE164);
  return {
    type: 'link',
    raw: PHONE_PLACEHOLDER,
    href: telHref(phoneE164),
    title: null,
    text: display,
    tokens: [textToken(display)],
  };
}

/** Splits "Call {phone} now" into text, the phone link, text. */
function linkPlaceholders(text: string, phoneE164: string): Token[] {
  const tokens: Token[] = [];
  text.split(PHONE_PLACEHOLDER).forEach((part, index) => {
    if (index > 0) tokens.push(phoneLink(phoneE164));
    if (part) tokens.push(textToken(part));
  });
  return tokens;
}

/** Raw HTML that opens or closes a link, so text between `<a ...>` and `</a>` is not linked again. */
const RAW_LINK_OPEN = /^<a[\s>]/i;
const RAW_LINK_CLOSE = /^<\/a\s*>/i;

/**
 * Fills `{phone}` in a run of inline tokens: alone it becomes a `tel:` link showing the
 * display form; inside a link's text it becomes the display form only (no link inside a
 * link); `tel:{phone}` as a destination dials the number. Code is left as typed.
 */
function fillInline(tokens: Token[], phoneE164: string, insideLink: boolean): Token[] {
  let inRawLink = false;
  return tokens.flatMap((token): Token[] => {
    switch (token.type) {
      case 'codespan':
      case 'code':
        return [token];
      case 'html': {
        const { text } = token as Tokens.HTML | Tokens.Tag;
        if (RAW_LINK_OPEN.test(text)) inRawLink = true;
        else if (RAW_LINK_CLOSE.test(text)) inRawLink = false;
        return [token];
      }
      case 'link': {
        const link = token as Tokens.Link;
        if (TEL_PLACEHOLDER.test(link.href.trim())) link.href = telHref(phoneE164);
        link.tokens = fillInline(link.tokens, phoneE164, true);
        return [link];
      }
      case 'text': {
        const text = token as Tokens.Text;
        // Block-level text (a tight list item) carries its inline tokens.
        if (text.tokens) {
          text.tokens = fillInline(text.tokens, phoneE164, insideLink || inRawLink);
          return [text];
        }
        if (!text.text.includes(PHONE_PLACEHOLDER) || text.escaped) return [text];
        if (insideLink || inRawLink) return [textToken(fillPhonePlaceholder(text.text, phoneE164))];
        return linkPlaceholders(text.text, phoneE164);
      }
      default:
        fillChildren(token, phoneE164, insideLink || inRawLink);
        return [token];
    }
  });
}

/** Descends into whatever holds inline or block tokens: paragraphs, headings, lists, tables, quotes. */
function fillChildren(token: Token, phoneE164: string, insideLink: boolean): void {
  if ('tokens' in token && Array.isArray(token.tokens)) {
    token.tokens = fillInline(token.tokens, phoneE164, insideLink);
  }
  if (token.type === 'list') {
    for (const item of (token as Tokens.List).items) fillChildren(item, phoneE164, insideLink);
  }
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    for (const cell of [...table.header, ...table.rows.flat()]) {
      cell.tokens = fillInline(cell.tokens, phoneE164, insideLink);
    }
  }
}

/**
 * Fills `{phone}` throughout a lexed Markdown document, in place of the number an editor would
 * otherwise type. Returns the tokens to hand to the parser.
 */
export function fillPhonePlaceholderTokens(tokens: Token[], phoneE164: string): Token[] {
  return fillInline(tokens, phoneE164, false);
}
