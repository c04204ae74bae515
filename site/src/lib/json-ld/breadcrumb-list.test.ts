import { describe, expect, it } from 'vitest';
import { buildBreadcrumbList } from './breadcrumb-list.ts';

describe('buildBreadcrumbList', () => {
  it('lists each crumb with its position and absolute URL', () => {
    const node = buildBreadcrumbList(
      [
        { name: 'Home', path: '/' },
        { name: 'Programs', path: '/programs/' },
        { name: 'IOP', path: '/programs/iop/' },
      ],
      'https://www.example.org',
      'https://www.example.org/programs/iop/',
    );
    expect(node).toEqual({
      '@type': 'BreadcrumbList',
      '@id': 'https://www.example.org/programs/iop/#breadcrumb',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://www.example.org/' },
        { '@type': 'ListItem', position: 2, name: 'Programs', item: 'https://www.example.org/programs/' },
        { '@type': 'ListItem', position: 3, name: 'IOP', item: 'https://www.example.org/programs/iop/' },
      ],
    });
  });
});
