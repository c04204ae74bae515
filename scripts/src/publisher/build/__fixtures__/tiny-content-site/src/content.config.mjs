import { readFileSync } from 'node:fs';
import process from 'node:process';
import { defineCollection, z } from 'astro:content';

// Notes from the JSON file TINY_CONTENT_FILE names (`[{ "id": "a", "title": "..." }]`), read on every sync.
const notes = defineCollection({
  loader: () => JSON.parse(readFileSync(process.env.TINY_CONTENT_FILE ?? '', 'utf8')),
  schema: z.object({ title: z.string() }),
});

export const collections = { notes };
