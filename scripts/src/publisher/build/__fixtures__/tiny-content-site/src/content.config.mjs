import { appendFileSync, readFileSync } from 'node:fs';
import process from 'node:process';
import { defineCollection, z } from 'astro:content';

// Notes from the JSON file TINY_CONTENT_FILE names (`[{ "id": "a", "title": "..." }]`), read on every sync.
// With TINY_CHANGES_FILE, each sync also appends the documents the publisher's worker said changed
// (`{ "notes": ["a"] }`, null for everything) to that file as one JSON line, as the site's loader reads them.
const notes = defineCollection({
  loader: () => {
    const changes = globalThis[Symbol.for('@clinic/site:content-changes')];
    if (process.env.TINY_CHANGES_FILE)
      appendFileSync(process.env.TINY_CHANGES_FILE, `${JSON.stringify(changes ?? null)}\n`);
    return JSON.parse(readFileSync(process.env.TINY_CONTENT_FILE ?? '', 'utf8'));
  },
  schema: z.object({ title: z.string() }),
});

export const collections = { notes };
