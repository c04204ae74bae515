import { describe, expect, it } from 'vitest';
import type { ContentManagerConfiguration } from '../../../strapi/internals';
import { arrangeCallRequestList, LANGUAGE_LABEL } from './arrange-call-request-admin';

// What Strapi writes for the type on the boot that first sees the field.
const strapiDefault = (): ContentManagerConfiguration => ({
  settings: { defaultSortBy: 'name', defaultSortOrder: 'ASC', pageSize: 10 },
  metadatas: {
    name: { list: { label: 'name' }, edit: { label: 'name' } },
    language: { list: { label: 'language', sortable: true }, edit: { label: 'language', description: '' } },
  },
  layouts: { list: ['id', 'name', 'phone', 'preferredTime'], edit: [] },
});

describe('arrangeCallRequestList', () => {
  it('shows the language as a "Call back in" column beside the preferred time', () => {
    const configuration = strapiDefault();
    configuration.layouts!.list = ['id', 'name', 'preferredTime', 'status'];
    expect(arrangeCallRequestList(configuration)).toBe(true);
    expect(configuration.layouts?.list).toEqual(['id', 'name', 'preferredTime', 'language', 'status']);
    expect(configuration.metadatas.language).toMatchObject({
      list: { label: LANGUAGE_LABEL, sortable: true },
      edit: { label: LANGUAGE_LABEL },
    });
  });

  it('adds the column at the end when the preferred time is not shown', () => {
    const configuration = strapiDefault();
    configuration.layouts!.list = ['id', 'name'];
    arrangeCallRequestList(configuration);
    expect(configuration.layouts?.list).toEqual(['id', 'name', 'language']);
  });

  it('leaves an arranged list, and a label someone chose, alone, so boot writes nothing', () => {
    const configuration = strapiDefault();
    arrangeCallRequestList(configuration);
    expect(arrangeCallRequestList(configuration)).toBe(false);
    const chosen = strapiDefault();
    chosen.layouts!.list = ['language', 'name'];
    chosen.metadatas.language = { list: { label: 'Idioma' }, edit: { label: 'Idioma' } };
    expect(arrangeCallRequestList(chosen)).toBe(false);
    expect(chosen.layouts?.list).toEqual(['language', 'name']);
  });
});
