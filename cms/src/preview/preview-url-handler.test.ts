import { describe, expect, it } from 'vitest';
import { createPreviewUrlHandler, previewOriginOf } from './preview-url-handler';
import { previewSignature } from './sign-preview-link';

const now = Date.UTC(2030, 0, 1);
const drafts: Record<string, { slug: string }> = {
  iop: { slug: 'intensive-outpatient-program' },
  cbt: { slug: 'cognitive-behavioral-therapy' },
  faq1: { slug: 'what-is-iop' },
};
/** Sixty short FAQs on one topic: the first 50 fill /faq/, the rest are on /faq/2/. */
let faqDrafts = [{ slug: 'what-is-iop', question: 'What is IOP?', answer: 'A program.', topic: 'about-iop', order: 1 }];
const handler = createPreviewUrlHandler({
  previewOrigin: 'http://localhost:4323',
  secret: 'secret',
  findDraft: (_uid, documentId) => Promise.resolve(drafts[documentId] ?? null),
  findFaqDrafts: () => Promise.resolve(faqDrafts),
  now: () => now,
});

async function pathOf(uid: string, documentId?: string): Promise<string | null> {
  const url = await handler(uid, { documentId, status: 'draft' });
  if (url === null) return null;
  const link = new URL(url);
  const path = link.searchParams.get('path')!;
  expect(link.searchParams.get('sig')).toBe(previewSignature('secret', path, Number(link.searchParams.get('exp'))));
  expect(Number(link.searchParams.get('exp'))).toBe(now / 1000 + 3600);
  return path;
}

describe('the admin preview handler', () => {
  it("links each previewable type to the page that shows the entry's draft", async () => {
    expect(await pathOf('api::program-level.program-level', 'iop')).toBe('/programs/intensive-outpatient-program/');
    expect(await pathOf('api::treatment-modality.treatment-modality', 'cbt')).toBe(
      '/treatments/cognitive-behavioral-therapy/',
    );
    expect(await pathOf('api::faq.faq', 'faq1')).toBe('/faq/#what-is-iop');
    expect(await pathOf('api::facility.facility')).toBe('/');
  });

  it('links an FAQ to the FAQ page that shows it once the questions outgrow /faq/', async () => {
    const before = faqDrafts;
    faqDrafts = Array.from({ length: 60 }, (_, i) => ({
      slug: i === 55 ? 'what-is-iop' : `q-${i}`,
      question: `Question ${String(i).padStart(2, '0')}?`,
      answer: 'Short.',
      topic: 'about-iop',
      order: i,
    }));
    try {
      expect(await pathOf('api::faq.faq', 'faq1')).toBe('/faq/2/#what-is-iop');
    } finally {
      faqDrafts = before;
    }
  });

  it('answers null for types without a page, and for an entry without a slug yet', async () => {
    expect(await pathOf('api::call-request.call-request', 'iop')).toBeNull();
    expect(await pathOf('plugin::users-permissions.user', 'iop')).toBeNull();
    expect(await pathOf('api::condition.condition', 'missing')).toBeNull();
  });

  it('takes the preview origin from PREVIEW_URL, else localhost on PREVIEW_PORT', () => {
    expect(previewOriginOf({})).toBe('http://localhost:4323');
    expect(previewOriginOf({ PREVIEW_PORT: '5000' })).toBe('http://localhost:5000');
    expect(previewOriginOf({ PREVIEW_URL: 'https://preview.clinic.example/x' })).toBe('https://preview.clinic.example');
  });
});
