import { describe, expect, it } from 'vitest';
import { buildFaqPage } from './faq-page.ts';

describe('buildFaqPage', () => {
  it('turns each FAQ into a Question with a plain-text accepted answer', () => {
    const node = buildFaqPage(
      [{ question: 'How long is IOP?', answer: 'Usually **12 to 16 weeks**. See [the IOP page](/programs/iop/).' }],
      'https://www.example.org/faq/',
      '+19496948305',
    );
    expect(node).toEqual({
      '@type': 'FAQPage',
      '@id': 'https://www.example.org/faq/#faq',
      url: 'https://www.example.org/faq/',
      inLanguage: 'en-US',
      mainEntity: [
        {
          '@type': 'Question',
          name: 'How long is IOP?',
          acceptedAnswer: { '@type': 'Answer', text: 'Usually 12 to 16 weeks. See the IOP page.' },
        },
      ],
    });
  });

  it('drops markup an editor slipped into an answer', () => {
    const node = buildFaqPage(
      [{ question: 'Q?', answer: 'Safe<script>alert(1)</script> <b>bold</b>' }],
      'https://x.example/',
      '+19496948305',
    );
    const entity = (node?.['mainEntity'] as { acceptedAnswer: { text: string } }[])[0];
    expect(entity?.acceptedAnswer.text).toBe('Safe bold');
  });

  it("gives the facility's number where an answer says {phone}", () => {
    const node = buildFaqPage([{ question: 'Q?', answer: 'Call {phone}.' }], 'https://x.example/', '+19496948305');
    const entity = (node?.['mainEntity'] as { acceptedAnswer: { text: string } }[])[0];
    expect(entity?.acceptedAnswer.text).toBe('Call (949) 694-8305.');
  });

  it('says a Spanish page is in Spanish', () => {
    const node = buildFaqPage([{ question: '¿P?', answer: 'R.' }], 'https://x.example/es/faq/', '+19496948305', 'es');
    expect(node?.['inLanguage']).toBe('es-US');
  });

  it('is null when a page shows no FAQs', () => {
    expect(buildFaqPage([], 'https://x.example/', '+19496948305')).toBeNull();
  });
});
