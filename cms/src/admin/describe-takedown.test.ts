import { describe, expect, it } from 'vitest';
import { describeTakedown } from './describe-takedown';

const iop = { name: 'Intensive Outpatient Program', slug: 'intensive-outpatient-program', status: 'published' };

describe('describeTakedown', () => {
  it('names the live page and its address before Unpublish', () => {
    expect(describeTakedown('unpublish', 'api::program-level.program-level', iop)).toEqual({
      title: 'Unpublish "Intensive Outpatient Program"?',
      body: 'Its page /programs/intensive-outpatient-program/ goes offline on the website within seconds, and links to it stop working. The draft is kept; publish again to bring it back.',
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

  it('asks nothing when no live page goes offline', () => {
    expect(describeTakedown('unpublish', 'api::program-level.program-level', { ...iop, status: 'draft' })).toBeNull();
    expect(describeTakedown('delete', 'api::call-request.call-request', { name: 'x', status: 'published' })).toBeNull();
    expect(describeTakedown('delete', 'api::faq.faq', undefined)).toBeNull();
  });
});
