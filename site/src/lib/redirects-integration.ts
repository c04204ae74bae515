import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  REDIRECT_TABLE_FILE,
  STATIC_HOST_REDIRECTS_FILE,
  type Redirect,
  type RedirectRule,
  type RedirectTable,
} from '@clinic/shared-types';
import type { AstroIntegration } from 'astro';
import { buildRedirectTable, formatStaticHostRedirects, type LocalizedRedirectTargets } from './redirect-table.ts';
import { findBrokenLinks, indexBuiltPages } from './check-built-links.ts';
import { replayable } from './page-memo.ts';

/**
 * What the 410 page records while it renders (it is built once per build and can read the
 * content layer, which integrations cannot). On `globalThis`, as the sitemap registry is: the
 * config and the pages are bundled apart.
 */
const INPUTS_KEY = Symbol.for('@clinic/site:redirect-inputs');

interface RedirectInputs {
  redirects: Redirect[];
  targets: LocalizedRedirectTargets;
}

function holder(): { [INPUTS_KEY]?: RedirectInputs | undefined } {
  return globalThis as { [INPUTS_KEY]?: RedirectInputs | undefined };
}

/** Called by `pages/410.astro` with the published redirects and their possible targets. */
function recordRedirectInputsNow(inputs: RedirectInputs): void {
  holder()[INPUTS_KEY] = inputs;
}

/** Recorded for the page memo (`replayable`): the page that records them, reused in a later build, records them again. */
export const recordRedirectInputs = replayable('redirects-integration:recordRedirectInputs', recordRedirectInputsNow);

/** A build refused because a page links to a page of the site that does not exist. */
export class BrokenInternalLinkError extends Error {
  override name = 'BrokenInternalLinkError';
}

/**
 * After the pages are written: resolves the redirects against this build's pages and writes
 * `_redirects.json` (the publisher answers from it once the build is live) and `_redirects`
 * (the static-host format); then refuses the build if any page links to a path that is neither
 * a page nor a 301/302 source, or to an anchor its page lacks, naming the page and the link.
 * A refused build never goes live: the last good one stays.
 */
export function redirectsAndLinkCheck(): AstroIntegration {
  return {
    name: '@clinic/redirects-and-link-check',
    hooks: {
      'astro:build:start': () => {
        holder()[INPUTS_KEY] = undefined;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = indexBuiltPages(outDir);
        const inputs = holder()[INPUTS_KEY];
        if (!inputs) throw new Error('The 410 page recorded no redirects: was src/pages/410.astro built?');
        const { rules, skipped } = buildRedirectTable(inputs.redirects, inputs.targets, (p) => pages.has(p));
        for (const reason of skipped) logger.warn(`Redirect left out: ${reason}`);
        const table: RedirectTable = { redirects: rules };
        fs.writeFileSync(path.join(outDir, REDIRECT_TABLE_FILE), `${JSON.stringify(table)}\n`);
        fs.writeFileSync(path.join(outDir, STATIC_HOST_REDIRECTS_FILE), formatStaticHostRedirects(rules));
        logger.info(`${rules.length} redirects written`);

        const redirectSources = new Set(
          rules.filter((r): r is Exclude<RedirectRule, { status: 410 }> => r.status !== 410).map((r) => r.from),
        );
        const broken = findBrokenLinks(pages, redirectSources);
        if (broken.length > 0) {
          // The first line is what /status and the admin show: it names the first page and link.
          const lines = broken.slice(0, 20).map((b) => `${b.page} links to ${b.href} (${b.reason})`);
          for (const line of lines) logger.error(`Broken internal link: ${line}`);
          const more = broken.length > 1 ? `, and ${broken.length - 1} more` : '';
          throw new BrokenInternalLinkError(
            `Broken internal link: ${lines[0] ?? ''}${more}; fix it in the CMS and publish again.\n${lines.join('\n')}`,
          );
        }
      },
    },
  };
}
