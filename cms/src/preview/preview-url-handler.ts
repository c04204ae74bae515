import type { FaqForPaging } from './faq-page';
import { FAQ_UID, isPreviewable, previewPathOf, type PreviewableEntry } from './preview-path';
import { signPreviewLink } from './sign-preview-link';

/** What Strapi's Preview passes the handler (`config/admin.ts` `preview.config.handler`). */
export interface PreviewHandlerParams {
  documentId?: string | undefined;
  locale?: string | undefined;
  status?: string | undefined;
}

export interface PreviewHandlerOptions {
  /** The preview listener's public origin. */
  previewOrigin: string;
  /** PREVIEW_SECRET. */
  secret: string;
  /** The draft of a document, or null; the handler reads its slug. */
  findDraft: (uid: string, documentId: string, locale: string | undefined) => Promise<PreviewableEntry | null>;
  /** Every FAQ's draft (slug, question, answer, topic, order): which FAQ page shows one depends on all. */
  findFaqDrafts: (locale: string | undefined) => Promise<readonly FaqForPaging[]>;
  /** @default Date.now */
  now?: () => number;
}

/**
 * The admin's Preview handler: a signed, hour-long link to the page that shows the entry on
 * the preview origin, or null for types without a page (the admin then offers no preview).
 */
export function createPreviewUrlHandler(options: PreviewHandlerOptions) {
  const now = options.now ?? Date.now;
  return async (uid: string, { documentId, locale }: PreviewHandlerParams): Promise<string | null> => {
    if (!isPreviewable(uid)) return null;
    const entry = documentId ? await options.findDraft(uid, documentId, locale) : null;
    const faqs = uid === FAQ_UID && entry ? await options.findFaqDrafts(locale) : [];
    const path = previewPathOf(uid, entry, { faqs });
    if (!path) return null;
    return signPreviewLink({ origin: options.previewOrigin, path, secret: options.secret, now: now() });
  };
}

/** The preview listener's public origin: PREVIEW_URL, else localhost on PREVIEW_PORT (4323). */
export function previewOriginOf(env: NodeJS.ProcessEnv): string {
  return new URL(env.PREVIEW_URL || `http://localhost:${env.PREVIEW_PORT || '4323'}`).origin;
}
