import { describe, expect, it } from 'vitest';
import { createPreviewUrlHandler, previewOriginOf } from './preview-url-handler';
import { previewSignature } from './sign-preview-link';

const now = Date.UTC(2030, 0, 1);
const drafts: Record<string, { slug: string }> = {
  iop: { slug: 'intensive-outpatient-program' },
  cbt: { slug: 'cognitive-behavioral-therapy' },
  faq1: { slug: 'what-is-iop' },
};
const handler = createPreviewUrlHandler({
  previewOrigin: 'http://localhost:4323',
  secret: 'secret',
  findDraft: (_uid, documentId) => Promise.resolve(drafts[documentId] ?? null),
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
