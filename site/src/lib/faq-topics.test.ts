import { describe, expect, it } from 'vitest';
import {
  FAQ_TOPIC_LABELS,
  FAQ_TOPICS,
  groupFaqsByTopic,
  sortFaqs,
  sortFaqsByTopic,
  type SortableFaq,
} from './faq-topics.ts';

const faq = (question: string, topic: SortableFaq['topic'], order: number): SortableFaq => ({ question, topic, order });

describe('groupFaqsByTopic', () => {
  it('groups in the CMS topic order with human labels and leaves empty topics out', () => {
    const groups = groupFaqsByTopic([
      faq('After?', 'after-treatment', 1),
      faq('Hours?', 'schedule-and-time', 1),
      faq('What is IOP?', 'about-iop', 1),
    ]);
    expect(groups.map((g) => g.topic)).toEqual(['about-iop', 'schedule-and-time', 'after-treatment']);
    expect(groups[0]?.label).toBe('About intensive outpatient programs');
    expect(groups[0]?.id).toBe('topic-about-iop');
  });
  it('orders questions within a topic by their order, then by question', () => {
    const groups = groupFaqsByTopic([faq('B', 'therapies', 20), faq('C', 'therapies', 10), faq('A', 'therapies', 20)]);
    expect(groups[0]?.faqs.map((f) => f.question)).toEqual(['C', 'A', 'B']);
  });
  it('returns no groups for no FAQs', () => {
    expect(groupFaqsByTopic([])).toEqual([]);
  });
});

describe('FAQ topics', () => {
  it('has a label for every topic the CMS allows', () => {
    for (const topic of FAQ_TOPICS) expect(FAQ_TOPIC_LABELS[topic]).toMatch(/\w/);
  });
  it('sortFaqs does not change its input', () => {
    const input = [faq('B', 'therapies', 2), faq('A', 'therapies', 1)];
    sortFaqs(input);
    expect(input[0]?.question).toBe('B');
  });
});

describe('sortFaqsByTopic', () => {
  it('orders by topic first, then by order within the topic', () => {
    const sorted = sortFaqsByTopic([
      faq('Later topic, first', 'medication', 10),
      faq('First topic, second', 'about-iop', 20),
      faq('First topic, first', 'about-iop', 10),
    ]);
    expect(sorted.map((f) => f.question)).toEqual(['First topic, first', 'First topic, second', 'Later topic, first']);
  });
});
