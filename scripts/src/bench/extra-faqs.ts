/**
 * A bulk load of extra FAQs into a stopped CMS's SQLite file, for the benches at scale
 * (`bench:site`'s large case, `bench:publish` with `BENCH_PUBLISH_EXTRA_FAQS`).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { TestCms } from '@clinic/testing/start-test-cms';

/** Every extra FAQ's documentId starts with this, so a bench can tell them from the seeded ones. */
export const EXTRA_FAQ_ID_PREFIX = 'benchfaq';

/** Whether a FAQ is one `loadExtraFaqs` added. */
export function isExtraFaq(documentId: string): boolean {
  return documentId.startsWith(EXTRA_FAQ_ID_PREFIX);
}

/**
 * Adds `count` published FAQs straight into the CMS's SQLite file (CMS stopped): a bulk load,
 * not an editor. Each has its Spanish version (the same document, locale es, not reviewed), as
 * every seeded FAQ has, so both languages' FAQ pages grow with them; `locales` leaves some out
 * (`['en']` compares with an English-only site). Their `order` is 100 or more, after every
 * seeded FAQ of the same topic.
 */
export function loadExtraFaqs(
  cms: Pick<TestCms, 'dataDir'>,
  count: number,
  locales: readonly string[] = ['en', 'es'],
): void {
  const db = new Database(path.join(cms.dataDir, 'cms.db'));
  const now = Date.now();
  const insert = db.prepare(
    'INSERT INTO faqs (document_id, locale, question, slug, answer, topic, "order", translation_reviewed, created_at, updated_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const topics = ['about-iop', 'schedule-and-time', 'therapies', 'medication', 'getting-started', 'after-treatment'];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const documentId = `${EXTRA_FAQ_ID_PREFIX}${String(i).padStart(16, '0')}`;
      const versions = [
        [
          'en',
          `Benchmark question number ${i}?`,
          `benchmark-question-${i}`,
          `A short answer to benchmark question ${i}, with **some** markdown and a [link](/faq/).`,
        ],
        [
          'es',
          `¿Pregunta de prueba número ${i}?`,
          `pregunta-de-prueba-${i}`,
          `Una respuesta breve a la pregunta de prueba ${i}, con **algo** de markdown y un [enlace](/faq/).`,
        ],
      ] as const;
      for (const [locale, question, slug, answer] of versions.filter(([locale]) => locales.includes(locale))) {
        const values = [
          documentId,
          locale,
          question,
          slug,
          answer,
          topics[i % topics.length],
          100 + (i % 5000),
          0,
          now,
          now,
        ];
        insert.run(...values, null); // the draft
        insert.run(...values, now); // the published version
      }
    }
  })();
  db.close();
}
