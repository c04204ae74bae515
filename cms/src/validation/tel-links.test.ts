import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTelLinkMismatches } from './tel-links';

describe('findTelLinkMismatches', () => {
  it('accepts phone links that show the number they dial, and links worded without a number', () => {
    expect(
      findTelLinkMismatches({
        body: 'Call [(949) 694-8305](tel:+19496948305) or [1-800-662-HELP](tel:+18006624357). [Call admissions](tel:+19496948305). [Call us at (949) 694-8305](tel:+19496948305).',
        summary: 'No links here.',
      }),
    ).toEqual([]);
  });

  it('refuses a link that shows one number and dials another, naming the field', () => {
    expect(findTelLinkMismatches({ answer: 'Call [(949) 555-0123](tel:+19496948305) today.' })).toEqual([
      {
        path: ['answer'],
        message:
          'Answer: the link "(949) 555-0123" dials +19496948305. Make the shown number and the number after tel: the same, e.g. [1-800-662-4357](tel:+18006624357), or write {phone} for the admissions number.',
      },
    ]);
  });
});

describe('the seed', () => {
  it('shows in every phone link the number it dials', () => {
    const seedDir = path.resolve(__dirname, '../../seed');
    const files = fs.readdirSync(seedDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((file) =>
      findTelLinkMismatches({ body: fs.readFileSync(path.join(seedDir, file), 'utf8') }).map(
        (e) => `${file}: ${e.message}`,
      ),
    );
    expect(problems).toEqual([]);
  });
});
