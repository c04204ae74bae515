import { FAQ_TOPIC_LABELS, faqFieldsSchema, type Faq } from '@clinic/shared-types';

export type FaqTopic = Faq['topic'];

/** Topics in the order the FAQ page shows them: the order of the CMS enum. */
export const FAQ_TOPICS: readonly FaqTopic[] = faqFieldsSchema.shape.topic.options;

/** Headings for the topics, shared with the admin's topic picker. */
export { FAQ_TOPIC_LABELS };

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

/** FAQs grouped by topic in `FAQ_TOPICS` order; empty topics are left out. */
export function groupFaqsByTopic<T extends SortableFaq>(faqs: readonly T[]): FaqGroup<T>[] {
  return FAQ_TOPICS.map((topic) => ({
    topic,
    label: FAQ_TOPIC_LABELS[topic],
    id: `topic-${topic}`,
    faqs: sortFaqs(faqs.filter((faq) => faq.topic === topic)),
  })).filter((group) => group.faqs.length > 0);
}
