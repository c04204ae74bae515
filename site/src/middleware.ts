/**
 * Astro runs this around every page it renders. Only in the publisher's worker does it do
 * anything: there a re-render reuses the pages whose content did not change (see
 * `lib/page-memo.ts`). Elsewhere every page renders as it always did.
 */
import { defineMiddleware } from 'astro:middleware';
import { renderThroughMemo } from './lib/page-memo.ts';

export const onRequest = defineMiddleware((context, next) =>
  renderThroughMemo({ url: context.url, props: context.props, isPrerendered: context.isPrerendered }, () => next()),
);
