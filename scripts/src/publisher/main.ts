/**
 * The publisher process: `tsx scripts/src/publisher/main.ts`. Configuration comes from the
 * environment (see scripts/README.md); SIGINT/SIGTERM stop it cleanly with exit code 0.
 * Imported as `@clinic/scripts/publisher`, it is the publisher's public entry: what other
 * workspaces' tests and the deploy checks may use.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ListenError, PublisherConfigError } from './errors.ts';
import { consoleLogger } from './logger.ts';
import { parsePublisherEnv } from './publisher-env.ts';
import { startPublisher } from './start-publisher.ts';
import { surviveStrayErrors } from './survive-stray-errors.ts';

export { startPublisher } from './start-publisher.ts';
export type { Publisher, PublisherOptions } from './start-publisher.ts';
export type { RunBuild, RunBuildContext } from './build/run-build.ts';
export { parsePublisherEnv } from './publisher-env.ts';
export { createFormProxy, FORM_PROXY_MESSAGES, formLanguageOf } from './serve/form-proxy.ts';
export {
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
  WASM_CONTENT_SECURITY_POLICY,
  WASM_PATH_PATTERN,
} from './serve/security-headers.ts';
export {
  IMMUTABLE_CACHE_CONTROL,
  REVALIDATE_CACHE_CONTROL,
  SiteHandler,
  createServedBuild,
} from './serve/site-server.ts';

/** scripts/src/publisher/ -> the repository root. */
const ROOT_DIR = fileURLToPath(new URL('../../../', import.meta.url));

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parsePublisherEnv(process.env, ROOT_DIR);
  } catch (error) {
    if (error instanceof PublisherConfigError) {
      console.error(`[publisher] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  if (parsed.env.REBUILD_SECRET.length < 16) {
    console.warn('[publisher] REBUILD_SECRET is shorter than 16 characters; use a long random value');
  }

  // Before the listeners open: from then on no single request may end the process.
  surviveStrayErrors(process, consoleLogger);
  const publisher = await startPublisher(parsed.options);
  console.log(`[publisher] site on ${publisher.siteUrl}`);
  console.log(`[publisher] webhook on ${publisher.hooksUrl}/hooks/strapi, status on ${publisher.hooksUrl}/status`);
  console.log(`[publisher] builds in ${parsed.options.dataDir}/builds`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      console.error(`[publisher] ${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`[publisher] ${signal}: stopping`);
    publisher.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`[publisher] error while stopping: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function isEntrypoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntrypoint()) {
  main().catch((error: unknown) => {
    const hint =
      error instanceof ListenError ? ` (set ${error.listener === 'site' ? 'SITE_PORT' : 'PUBLISHER_PORT'})` : '';
    console.error(`[publisher] could not start: ${error instanceof Error ? error.message : String(error)}${hint}`);
    process.exit(1);
  });
}
