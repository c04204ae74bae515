import { describe, expect, it } from 'vitest';
import { describeBrokenLink, extractLinkTargets, knownPages } from './internal-links';

const known = {
  pages: knownPages(['/programs/intensive-outpatient-program/']),
  redirects: new Set(['/programs/iop/']),
  faqAnchors: new Set(['how-long-is-iop']),
};

describe('extractLinkTargets', () => {
  it('finds inline, reference, autolink and HTML links, not code', () => {
    const markdown = [
      'See [IOP](/programs/intensive-outpatient-program/ "IOP") and <https://example.org/>.',
      '[ref]: /faq/#how-long-is-iop',
      '<a href="/contact/">call</a>',
      '`[x](/not-a-link/)`',
      '```',
      '[y](/also-not/)',
      '```',
    ].join('\n');
    expect(extractLinkTargets(markdown)).toEqual([
      '/programs/intensive-outpatient-program/',
      'https://example.org/',
      '/faq/#how-long-is-iop',
      '/contact/',
    ]);
  });
});

describe('describeBrokenLink', () => {
  it('passes pages, redirect sources, FAQ anchors and links that are not ours', () => {
    for (const href of [
      '/programs/intensive-outpatient-program/',
      '/programs/intensive-outpatient-program',
      '/programs/iop/',
      '/faq/#how-long-is-iop',
      '/faq/2/#how-long-is-iop',
      '/contact/#request-a-call',
      'https://x.example/a',
      'tel:+19496948305',
      '#top',
    ]) {
      expect(describeBrokenLink(href, known), href).toBeNull();
    }
  });

  it('names a path that matches no page, and an FAQ anchor no FAQ has', () => {
    expect(describeBrokenLink('/programs/no-such-page/', known)).toMatch('/programs/no-such-page/');
    expect(describeBrokenLink('/faq/#no-such-question', known)).toMatch('#no-such-question');
  });
});
