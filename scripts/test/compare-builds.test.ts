import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDataDir } from '../src/publisher/testing/fake-site.ts';
import { compareBuilds } from './compare-builds.ts';

async function build(files: Record<string, string>): Promise<string> {
  const dir = await createDataDir();
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

describe('compareBuilds', () => {
  it('finds identical builds equal, whatever their precompressed siblings', async () => {
    const files = { 'index.html': '<h1>Home</h1>', 'faq/index.html': '<h1>FAQ</h1>' };
    expect(await compareBuilds(await build({ ...files, 'index.html.br': 'x' }), await build(files))).toBeNull();
  });

  it('names a page whose bytes differ, with the text around the first difference', async () => {
    const live = await build({ 'faq/index.html': '<p>Answer one</p>' });
    const full = await build({ 'faq/index.html': '<p>Answer two</p>' });
    expect(await compareBuilds(live, full)).toMatch(
      /^faq\/index\.html differs at byte 10:\n live: .*one.*\n full: .*two/,
    );
  });

  it('names pages that only one build has', async () => {
    const live = await build({ 'index.html': 'a', 'faq/gone/index.html': 'b' });
    const full = await build({ 'index.html': 'a' });
    expect(await compareBuilds(live, full)).toContain('only live ["faq/gone/index.html"]');
  });
});
