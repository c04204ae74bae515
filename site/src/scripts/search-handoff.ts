/**
 * The header's search box, on every page: sends the visitor to `/search/#q=...`. The query
 * rides in the fragment, which browsers never send to a server, so it is in no request, log or
 * Referer. Without JavaScript the box's form goes to `/search/` and sends nothing (its input
 * has no `name`). Kept tiny: it ships on every page.
 */
for (const form of document.querySelectorAll<HTMLFormElement>('[data-search-handoff]')) {
  form.addEventListener('submit', (event) => {
    const query = form.querySelector('input')?.value.trim() ?? '';
    if (!query) return;
    event.preventDefault();
    // A URLSearchParams in a template literal is its query string (q=...).
    location.assign(`${form.action}#${String(new URLSearchParams({ q: query }))}`);
  });
}
