/**
 * The preview listener's own answers (refused, being built, failed) and the reload script. No
 * inline script or style: the preview sends the site's CSP.
 */

/** Where the reload script is served, on previews only. */
export const RELOAD_SCRIPT_PATH = '/__preview/reload.js';
/** `{ version }`: bumped when a preview build goes live or fails; the reload script polls it. */
export const PREVIEW_STATUS_PATH = '/__preview/status';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">${head}<title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>
`;
}

/** 401: why the preview is refused, and what to do. */
export function renderRefusal(reason: string): string {
  return page(
    'Preview not available',
    `<p>${escapeHtml(reason)}</p>
<p>Previews show unpublished content, so they open only through the signed link the CMS gives an editor (the Preview button in the entry's edit view), for one hour.</p>`,
  );
}

/** 503 while the first preview build runs; refreshes itself without script. */
export function renderBuilding(): string {
  return page(
    'Preview is being built',
    '<p>The preview of the unpublished content is being built. This page refreshes in a moment.</p>',
    '<meta http-equiv="refresh" content="2">',
  );
}

/**
 * 422 when the drafts could not be built: the message names the entry and the field (the site
 * loader's ContentValidationError), so the editor knows what to fix; never a stack trace.
 */
export function renderBuildFailure(message: string): string {
  return page(
    'Preview could not be built',
    `<p>The unpublished content has a problem the site cannot show. Fix it in the CMS and save again; this page reloads after the next save.</p>
<pre>${escapeHtml(message)}</pre>
<script src="${RELOAD_SCRIPT_PATH}" defer></script>`,
  );
}

/**
 * The reload script: when the admin announces a save (`{ type: 'strapiUpdate' }` posted from
 * one of `adminOrigins`), wait until the publisher has received that save (its `changes` count
 * grows) and a preview build including it has finished (live or failed), then reload.
 */
export function reloadScript(adminOrigins: readonly string[]): string {
  return `// Served on previews only: reloads after a save once the preview build with it is ready.
(() => {
  const admins = ${JSON.stringify(adminOrigins)};
  const status = () => fetch(${JSON.stringify(PREVIEW_STATUS_PATH)}, { cache: 'no-store', credentials: 'same-origin' })
    .then((res) => (res.ok ? res.json() : null)).catch(() => null);
  let known = null;
  status().then((s) => { if (s && known === null) known = s.changes; });
  let waiting = false;
  window.addEventListener('message', (event) => {
    if (!admins.includes(event.origin)) return;
    if (!event.data || event.data.type !== 'strapiUpdate' || waiting) return;
    waiting = true;
    const started = Date.now();
    let target = null;
    const poll = () => status().then((s) => {
      if (s && known === null) known = s.changes;
      else if (s && target === null && s.changes > known) target = s.changes;
      if (s && target !== null && s.builtChanges >= target) { window.location.reload(); return; }
      if (Date.now() - started < 60000) setTimeout(poll, 200); else waiting = false;
    });
    poll();
  });
})();
`;
}
