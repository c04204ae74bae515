import { FAQ_TOPIC_LABELS, faqFieldsSchema, type Faq } from '@clinic/shared-types';
import { dictionaryOf } from '../i18n/index.ts';
import type { Lang } from '../i18n/lang.ts';

export type FaqTopic = Faq['topic'];

/** Topics in the order the FAQ page shows them: the order of the CMS enum. */
export const FAQ_TOPICS: readonly FaqTopic[] = faqFieldsSchema.shape.topic.options;

/** Headings for the topics in English, shared with the admin's topic picker. */
export { FAQ_TOPIC_LABELS };

/** A topic's heading in `lang` (the English ones are `FAQ_TOPIC_LABELS`). */
export function faqTopicLabel(topic: FaqTopic, lang: Lang = 'en'): string {
  return dictionaryOf(lang).faqTopics[topic];
}

/** What grouping needs of an FAQ. */
export interface SortableFaq {
  topic: FaqTopic;
  order: number;
  question: string;
}

/** FAQs by editor order, then alphabetically so equal orders stay stable between builds. */
export function sortFaqs<T extends Pick<SortableFaq, 'order' | 'question'>>(faqs: readonly T[]): T[] {
  return [...faqs].sort((a, b) => a.order - b.order || a.question.localeCompare(b.question));
}

/** FAQs in the FAQ page's order, without the group headings: by topic, then editor order. */
export function sortFaqsByTopic<T extends SortableFaq>(faqs: readonly T[]): T[] {
  return groupFaqsByTopic(faqs).flatMap((group) => group.faqs);
}

export interface FaqGroup<T> {
  topic: FaqTopic;
  label: string;
  /** Anchor of the group's heading on the FAQ page. */
  id: string;
  faqs: T[];
}

/** FAQs grouped by topic in `FAQ_TOPICS` order, headed in `lang`; empty topics are left out. */
export function groupFaqsByTopic<T extends SortableFaq>(faqs: readonly T[], lang: Lang = 'en'): FaqGroup<T>[] {
  return FAQ_TOPICS.map((topic) => ({
    topic,
    label: faqTopicLabel(topic, lang),
    id: `topic-${topic}`,
    faqs: sortFaqs(faqs.filter((faq) => faq.topic === topic)),
  })).filter((group) => group.faqs.length > 0);
}
