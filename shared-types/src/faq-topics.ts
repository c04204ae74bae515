import type { Faq } from './generated/content.ts';

/**
 * What each FAQ topic is called: the FAQ page's headings and the admin's topic picker both
 * read these, so editors choose the words visitors see. A new topic in the CMS fails the type
 * check here until it has a label.
 */
export const FAQ_TOPIC_LABELS: Record<Faq['topic'], string> = {
  'about-iop': 'About intensive outpatient programs',
  'schedule-and-time': 'Schedule and time commitment',
  therapies: 'Therapies',
  medication: 'Medication',
  'getting-started': 'Getting started',
  'after-treatment': 'After treatment',
};
