import { describe, expect, it } from 'vitest';
import { describeTakedown } from './describe-takedown';

const iop = { name: 'Intensive Outpatient Program', slug: 'intensive-outpatient-program', status: 'published' };

describe('describeTakedown', () => {
  it('names the live page and its address before Unpublish', () => {
    expect(describeTakedown('unpublish', 'api::program-level.program-level', iop)).toEqual({
      title: 'Unpublish "Intensive Outpatient Program"?',
      body: 'Its page /programs/intensive-outpatient-program/ goes offline on the website within seconds, and links to it stop working. The draft is kept; publish again to bring it back.',
      linkedFrom: [],
      fix: '',
      checking: false,
    });
  });

  it('names an FAQ by its question before Delete', () => {
    const warning = describeTakedown('delete', 'api::faq.faq', {
      question: 'What is IOP?',
      slug: 'what-is-iop',
      status: 'modified',
    });
    expect(warning?.title).toBe('Delete "What is IOP?"?');
    expect(warning?.body).toMatch(/^Its page \/faq\/#what-is-iop goes offline/);
  });

  it("names a Spanish version's own page, and the facility's facts in either language", () => {
    const spanish = { name: 'Programa ambulatorio intensivo', slug: 'programa-ambulatorio-intensivo', locale: 'es' };
    const warning = describeTakedown('unpublish', 'api::program-level.program-level', {
      ...spanish,
      status: 'published',
    });
    expect(warning?.body).toMatch(/^Its page \/es\/programs\/programa-ambulatorio-intensivo\/ goes offline/);
    const facility = describeTakedown('unpublish', 'api::facility.facility', { locale: 'es', status: 'published' });
    expect(facility?.body).toMatch(/^The facility facts on every page/);
  });

  it('asks nothing when no live page goes offline', () => {
    expect(describeTakedown('unpublish', 'api::program-level.program-level', { ...iop, status: 'draft' })).toBeNull();
    expect(describeTakedown('delete', 'api::call-request.call-request', { name: 'x', status: 'published' })).toBeNull();
    expect(describeTakedown('delete', 'api::faq.faq', undefined)).toBeNull();
  });

  it('does not say the page goes offline when other published pages link to it: it names them and the fix', () => {
    const warning = describeTakedown('unpublish', 'api::program-level.program-level', iop, {
      status: 'known',
      linkedFrom: [
        { entry: 'Medical detox', fields: ['Body'] },
        { entry: "'Is virtual IOP available?'", fields: ['Answer', 'Question'] },
      ],
    });
    expect(warning).toEqual({
      title: `"Intensive Outpatient Program" can't be unpublished yet`,
      body: 'Other published pages link to /programs/intensive-outpatient-program/: Unpublish would break those links, so it is refused and the page stays live. It is linked from:',
      linkedFrom: ['Medical detox (Body)', "'Is virtual IOP available?' (Answer, Question)"],
      fix: 'Remove those links, then unpublish.',
      checking: false,
    });
    expect(warning?.body).not.toMatch(/offline/);
  });

  it('says the page goes offline once no published page links to it, and while checking says so', () => {
    const clear = describeTakedown('delete', 'api::program-level.program-level', iop, {
      status: 'known',
      linkedFrom: [],
    });
    expect(clear?.title).toBe('Delete "Intensive Outpatient Program"?');
    expect(clear?.body).toMatch(/goes offline/);
    const checking = describeTakedown('delete', 'api::program-level.program-level', iop, { status: 'checking' });
    expect(checking?.checking).toBe(true);
    expect(checking?.body).toMatch(/Checking which pages link to it…$/);
  });
});
