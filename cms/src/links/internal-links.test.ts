import { describe, expect, it } from 'vitest';
import { describeBrokenLink, extractLinkTargets, knownPages } from './internal-links';

const known = {
  pages: knownPages(['/programs/intensive-outpatient-program/', '/es/programs/programa-ambulatorio-intensivo/']),
  redirects: new Set(['/programs/iop/', '/es/programs/pai/']),
  faqAnchors: new Map([
    ['en', new Set(['how-long-is-iop'])],
    ['es', new Set(['cuanto-dura-el-iop'])],
  ] as const),
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
      expect(describeBrokenLink(href, 'en', known), href).toBeNull();
    }
  });

  it('names a path that matches no page, and an FAQ anchor no FAQ has', () => {
    expect(describeBrokenLink('/programs/no-such-page/', 'en', known)).toMatch('/programs/no-such-page/');
    expect(describeBrokenLink('/faq/#no-such-question', 'en', known)).toMatch('#no-such-question');
  });

  it('keeps English Markdown to the English edition: no Spanish pages or anchors', () => {
    expect(describeBrokenLink('/es/contact/', 'en', known)).toBe('/es/contact/ matches no page of the site');
    expect(describeBrokenLink('/es/programs/programa-ambulatorio-intensivo/', 'en', known)).toMatch('no page');
    expect(describeBrokenLink('/faq/#cuanto-dura-el-iop', 'en', known)).toBe(
      '/faq/#cuanto-dura-el-iop names no published FAQ (#cuanto-dura-el-iop)',
    );
    // A redirect source answers whatever the language, as it did.
    expect(describeBrokenLink('/es/programs/pai/', 'en', known)).toBeNull();
  });

  it('passes Spanish Markdown linking Spanish pages and anchors, and English pages the site localizes or keeps', () => {
    for (const href of [
      '/es/contact/',
      '/es/',
      '/es/programs/programa-ambulatorio-intensivo/',
      '/es/programs/pai/',
      '/es/faq/#cuanto-dura-el-iop',
      '/es/faq/2/#cuanto-dura-el-iop',
      '/contact/',
      '/programs/intensive-outpatient-program/',
      '/programs/iop/',
      '/faq/#how-long-is-iop',
      // No English question has this anchor: the site moves the link to /es/faq/, where it answers.
      '/faq/#cuanto-dura-el-iop',
    ]) {
      expect(describeBrokenLink(href, 'es', known), href).toBeNull();
    }
  });

  it('names what a Spanish page cannot reach: a missing Spanish page, an English anchor on the Spanish FAQ', () => {
    expect(describeBrokenLink('/es/programs/no-existe/', 'es', known)).toBe(
      '/es/programs/no-existe/ matches no page of the site',
    );
    // An English page's Spanish address is not a page: the Spanish version has its own slug.
    expect(describeBrokenLink('/es/programs/intensive-outpatient-program/', 'es', known)).toMatch('no page');
    expect(describeBrokenLink('/es/faq/#how-long-is-iop', 'es', known)).toBe(
      '/es/faq/#how-long-is-iop names no published FAQ (#how-long-is-iop)',
    );
    expect(describeBrokenLink('/faq/#no-such-question', 'es', known)).toMatch('#no-such-question');
  });
});
