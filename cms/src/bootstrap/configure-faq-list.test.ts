import { describe, expect, it } from 'vitest';
import type { ContentManagerConfiguration } from '../strapi/internals';
import { arrangeFaqList, FAQ_LIST_COLUMNS } from './configure-faq-list';

const strapiDefault = (): ContentManagerConfiguration => ({
  settings: { defaultSortBy: 'question', defaultSortOrder: 'ASC', pageSize: 10 },
  metadatas: {
    topic: { list: { label: 'Topic', sortable: true } },
    order: { list: { label: 'Order', sortable: true } },
  },
  layouts: { list: ['id', 'question', 'slug', 'answer'], edit: [] },
});

describe('arrangeFaqList', () => {
  it('shows topic and order as columns and sorts the list by topic', () => {
    const configuration = strapiDefault();
    expect(arrangeFaqList(configuration)).toBe(true);
    expect(configuration.layouts?.list).toEqual(FAQ_LIST_COLUMNS);
    expect(configuration.layouts?.list).toEqual(expect.arrayContaining(['topic', 'order']));
    expect(configuration.settings).toMatchObject({ defaultSortBy: 'topic', defaultSortOrder: 'ASC', pageSize: 10 });
  });

  it('leaves an arranged list alone, so boot writes nothing', () => {
    const configuration = strapiDefault();
    arrangeFaqList(configuration);
    expect(arrangeFaqList(configuration)).toBe(false);
  });
});
