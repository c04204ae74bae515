import { hreflangOf, type Lang } from '../../i18n/lang.ts';
import { markdownToPlainText } from '../render-markdown.ts';
import type { JsonLdNode } from './types.ts';

export interface FaqForJsonLd {
  question: string;
  /** Markdown, as editors write it; emitted as plain text. */
  answer: string;
}

/**
 * A `FAQPage` for the questions a page shows, answers as plain text (no markup to
 * sanitize twice), `{phone}` as the facility's number (`phone`, E.164), in the page's
 * language (`inLanguage`). Returns null when the page shows no FAQs, so no empty node is emitted.
 */
export function buildFaqPage(
  faqs: readonly FaqForJsonLd[],
  pageUrl: string,
  phone: string,
  lang: Lang = 'en',
): JsonLdNode | null {
  if (faqs.length === 0) return null;
  return {
    '@type': 'FAQPage',
    '@id': `${pageUrl}#faq`,
    url: pageUrl,
    inLanguage: hreflangOf[lang],
    mainEntity: faqs.map((faq) => ({
      '@type': 'Question',
      name: faq.question,
      acceptedAnswer: { '@type': 'Answer', text: markdownToPlainText(faq.answer, { phone }) },
    })),
  };
}
