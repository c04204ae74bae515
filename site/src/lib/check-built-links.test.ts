import { describe, expect, it } from 'vitest';
import { findBrokenLinks, readBuiltPage } from './check-built-links.ts';

const page = (html: string) => readBuiltPage(html);

describe('findBrokenLinks', () => {
  const pages = new Map([
    [
      '/',
      page(
        '<main id="main"><a href="#main">skip</a><a href="/faq/#how-long">q</a><a href="/programs/iop/">iop</a></main>',
      ),
    ],
    ['/faq/', page('<h3 id="how-long">How long?</h3><a href="tel:+1">call</a><a href="https://x.example/">x</a>')],
    ['/programs/iop/', page('<a href="/programs/old-iop/">old</a>')],
  ]);

  it('passes links to pages, their anchors, redirect sources and other schemes', () => {
    expect(findBrokenLinks(pages, new Set(['/programs/old-iop/']))).toEqual([]);
  });

  it('names the page and the link that reaches nothing', () => {
    const withBroken = new Map(pages);
    withBroken.set(
      '/conditions/x/',
      page('<a href="/programs/no-such-page/">a</a><a href="/faq/#nope">b</a><a href="#gone">c</a>'),
    );
    expect(findBrokenLinks(withBroken, new Set(['/programs/old-iop/']))).toEqual([
      { page: '/conditions/x/', href: '/programs/no-such-page/', reason: 'no such page' },
      { page: '/conditions/x/', href: '/faq/#nope', reason: 'no #nope on /faq/' },
      { page: '/conditions/x/', href: '#gone', reason: 'no such anchor on the page' },
    ]);
  });

  it('counts a 410 source as broken: only 301/302 sources still arrive somewhere', () => {
    expect(findBrokenLinks(pages, new Set())).toEqual([
      { page: '/programs/iop/', href: '/programs/old-iop/', reason: 'no such page' },
    ]);
  });
});
