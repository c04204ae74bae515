import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { PublishEvent } from '@clinic/shared-types';
import { changesPreview } from '@clinic/shared-types';
import { createWarmAstroBuildRunner } from '../build/warm-astro-build.ts';
import type { RunBuild } from '../build/run-build.ts';
import type { Logger } from '../logger.ts';
import type { IndexSearch } from '../release/build-search-index.ts';
import { createPreviewService, type PreviewService } from './preview-service.ts';

export interface PreviewListenerOptions {
  /** PREVIEW_SECRET, the key the CMS signs preview links with. */
  secret: string;
  /**
   * Preview listener port; 0 picks a free one.
   * @default 4323
   */
  port?: number;
  /**
   * Preview listener address: editors reach it through the admin, not the public.
   * @default '127.0.0.1'
   */
  host?: string;
  /** Origins that may frame previews and announce saves. @default CMS_PUBLIC_URL's, else localhost:1337 */
  adminOrigins?: readonly string[];
  /** The preview's public origin is https: cookies get `SameSite=None; Secure`. */
  secureCookie?: boolean;
  /**
   * Environment of the preview builds' own warm worker: `CMS_TOKEN` must be the preview token,
   * and `CMS_CONTENT_STATUS=draft` makes the site read drafts and show the preview banner.
   */
  buildEnv?: NodeJS.ProcessEnv;
  /** The build step. @default a second warm Astro worker with `buildEnv`, caches in DATA_DIR/work/preview-build */
  runBuild?: RunBuild;
}

export interface PreviewListener {
  url: string;
  service: PreviewService;
  /** Hands a webhook to the preview: draft changes rebuild while an editor has one open. */
  onWebhook(webhook: Pick<PublishEvent, 'event' | 'uid' | 'model'>): void;
  close(): Promise<void>;
}

/** Starts the preview listener and its builds (see `createPreviewService`). */
export async function startPreviewListener(
  options: PreviewListenerOptions,
  context: {
    dataDir: string;
    siteDir: string;
    quietMs: number;
    maxWaitMs: number;
    buildTimeoutMs: number;
    /** The live builds' index step: a preview is indexed like the site it previews. */
    indexSearch: IndexSearch;
    logger: Logger;
  },
): Promise<PreviewListener> {
  const runner = options.runBuild
    ? null
    : createWarmAstroBuildRunner({
        siteDir: context.siteDir,
        // Its own content-layer store: drafts never reach the live worker's cache.
        workDir: join(context.dataDir, 'work', 'preview-build'),
        // The preview service indexes the finished output itself, as the release pipeline does.
        env: {
          ASTRO_TELEMETRY_DISABLED: '1',
          ...options.buildEnv,
          CMS_CONTENT_STATUS: 'draft',
          SITE_SEARCH_INDEX: 'off',
        },
        timeoutMs: context.buildTimeoutMs,
      });
  const service = createPreviewService({
    dataDir: context.dataDir,
    secret: options.secret,
    ...(options.adminOrigins ? { adminOrigins: options.adminOrigins } : {}),
    runBuild: options.runBuild ?? (runner as RunBuild),
    indexSearch: context.indexSearch,
    secureCookie: options.secureCookie ?? false,
    quietMs: context.quietMs,
    maxWaitMs: context.maxWaitMs,
    logger: context.logger,
  });
  const server = createServer(service.handle);
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4323;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`preview listener could not listen on ${host}:${port}: ${error.code ?? error.message}`)),
    );
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  }).catch(async (error: unknown) => {
    await service.close();
    runner?.close();
    throw error;
  });
  context.logger.info(`[preview] listening on ${host}:${address.port}`);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    service,
    onWebhook(webhook) {
      if (changesPreview(webhook)) service.noteChange({ event: webhook.event, model: webhook.model });
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, service.close()]);
      runner?.close();
    },
  };
}
