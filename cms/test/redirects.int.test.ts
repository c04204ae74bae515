import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, startTestCms, type TestCms } from '@clinic/testing/start-test-cms';
import { execSql } from '@clinic/testing/test-database';

const IOP = 'intensive-outpatient-program';
const LEVELS = '/content-manager/collection-types/api::program-level.program-level';
const REDIRECTS = '/content-manager/collection-types/api::redirect.redirect';

let cms: TestCms;
let jwt: string;
let iopId: string;

interface StoredRedirect {
  documentId: string;
  fromPath: string;
  httpStatus: string;
  targetType: string | null;
  targetDocumentId: string | null;
}

async function admin(method: string, urlPath: string, body?: unknown): Promise<Response> {
  return fetch(`${cms.url}${urlPath}`, {
    method,
    headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The document id of an entry the content manager answered 200 for. */
async function published(res: Response): Promise<string> {
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return (JSON.parse(text) as { data: { documentId: string } }).data.documentId;
}

/** The message of a change the CMS refused with 400. */
async function refusal(res: Response): Promise<string> {
  const text = await res.text();
  expect(res.status, text).toBe(400);
  return (JSON.parse(text) as { error: { message: string } }).error.message;
}

/** Published redirects, as the site's read token sees them. */
async function publishedRedirects(): Promise<StoredRedirect[]> {
  const res = await fetch(`${cms.url}/api/redirects?pagination[pageSize]=100`, {
    headers: { Authorization: `Bearer ${cms.token}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: StoredRedirect[] }).data;
}

async function publishIopWithSlug(slug: string): Promise<void> {
  const res = await admin('POST', `${LEVELS}/${iopId}/actions/publish`, { slug });
  expect(res.status, await res.clone().text()).toBe(200);
}

beforeAll(async () => {
  cms = await startTestCms();
  jwt = await adminLogin(cms);
  const res = await fetch(`${cms.url}/api/program-levels?filters[slug]=${IOP}`, {
    headers: { Authorization: `Bearer ${cms.token}` },
  });
  iopId = ((await res.json()) as { data: { documentId: string }[] }).data[0]!.documentId;
});
afterAll(async () => {
  await cms?.dispose();
});

describe('a slug change leaves a permanent redirect to the entry', () => {
  it('records a 301 from the old page to the entry when the IOP is published under a new slug', async () => {
    await publishIopWithSlug('iop-renamed');
    const redirects = await publishedRedirects();
    expect(redirects).toEqual([
      expect.objectContaining({
        fromPath: `/programs/${IOP}/`,
        httpStatus: 'moved-permanently-301',
        targetType: 'program-level',
        targetDocumentId: iopId,
      }),
    ]);
  });

  it('points every old page at the entry after a second rename, so each answers in one hop', async () => {
    await publishIopWithSlug('iop-second-name');
    const redirects = await publishedRedirects();
    expect(redirects.map((r) => r.fromPath).sort()).toEqual([`/programs/${IOP}/`, '/programs/iop-renamed/']);
    for (const redirect of redirects) expect(redirect.targetDocumentId).toBe(iopId);
  });

  it('removes the redirect from a page that is live again when the slug is changed back (no loop)', async () => {
    await publishIopWithSlug(IOP);
    const redirects = await publishedRedirects();
    expect(redirects.map((r) => r.fromPath).sort()).toEqual(['/programs/iop-renamed/', '/programs/iop-second-name/']);
  });
});

describe('a Spanish slug change leaves a permanent redirect from its /es/ page', () => {
  const ES_IOP = 'programa-ambulatorio-intensivo';

  async function publishIopInSpanish(slug: string): Promise<void> {
    const res = await admin('POST', `${LEVELS}/${iopId}/actions/publish?locale=es`, { slug });
    expect(res.status, await res.clone().text()).toBe(200);
  }

  /** The published redirects' sources of one edition: `es` under /es/, `en` the rest. */
  async function sources(edition: 'en' | 'es'): Promise<string[]> {
    return (await publishedRedirects())
      .map((r) => r.fromPath)
      .filter((from) => from.startsWith('/es/') === (edition === 'es'))
      .sort();
  }

  it('records a 301 from the old /es/ page to the entry, and no English redirect, when the Spanish version is renamed', async () => {
    const english = await sources('en');
    await publishIopInSpanish('pai-renombrado');
    expect(await sources('es')).toEqual([`/es/programs/${ES_IOP}/`]);
    expect((await publishedRedirects()).find((r) => r.fromPath === `/es/programs/${ES_IOP}/`)).toMatchObject({
      httpStatus: 'moved-permanently-301',
      targetType: 'program-level',
      targetDocumentId: iopId,
    });
    expect(await sources('en')).toEqual(english);
  });

  it('leaves the /es/ pages alone when the English slug changes, and the English ones when the Spanish changes back', async () => {
    const spanish = await sources('es');
    await publishIopWithSlug('iop-english-rename');
    expect(await sources('es')).toEqual(spanish);
    expect(await sources('en')).toContain(`/programs/${IOP}/`);
    await publishIopWithSlug(IOP);
    const english = await sources('en');
    expect(english).not.toContain(`/programs/${IOP}/`);

    // Its page is live again: the redirect from it goes, the one from the name in between comes.
    await publishIopInSpanish(ES_IOP);
    expect(await sources('es')).toEqual(['/es/programs/pai-renombrado/']);
    expect(await sources('en')).toEqual(english);
  });

  it("refuses a redirect from a live Spanish page, the entry's or a fixed one, naming fromPath", async () => {
    for (const fromPath of [`/es/programs/${ES_IOP}/`, '/es/contact', '/es']) {
      const res = await admin('POST', REDIRECTS, { fromPath, httpStatus: 'gone-410' });
      const text = await res.text();
      expect(res.status, `${fromPath}: ${text}`).toBe(400);
      expect(text).toContain('is a live page');
    }
  });

  it("takes a Spanish page's address as the target entry; from an English address it stays the address typed", async () => {
    const saved = async (fields: Record<string, string>) => {
      const res = await admin('POST', `${REDIRECTS}/actions/publish`, {
        httpStatus: 'moved-permanently-301',
        ...fields,
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await publishedRedirects()).find((r) => r.fromPath === fields.fromPath);
    };
    const entry = { targetType: 'program-level', targetDocumentId: iopId };
    expect(await saved({ fromPath: '/es/pai-antiguo/', targetPath: `/es/programs/${ES_IOP}/` })).toMatchObject(entry);
    expect(
      await saved({
        fromPath: '/es/pai-viejo/',
        targetType: 'program-level',
        targetDocumentId: `/es/programs/${ES_IOP}`,
      }),
    ).toMatchObject(entry);
    expect(
      await saved({ fromPath: '/es/pai-slug/', targetType: 'program-level', targetDocumentId: ES_IOP }),
    ).toMatchObject(entry);
    // An entry target from an English address goes to the English page: the Spanish one typed stays.
    expect(await saved({ fromPath: '/iop-en-espanol/', targetPath: `/es/programs/${ES_IOP}/` })).toMatchObject({
      targetType: 'path',
    });
  });

  it("records both old pages when both versions are published at once (the admin's publish of several locales)", async () => {
    for (const [locale, slug] of [
      ['en', 'iop-both-renamed'],
      ['es', 'pai-ambos-renombrado'],
    ] as const) {
      const res = await admin('PUT', `${LEVELS}/${iopId}?locale=${locale}`, { slug });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const published = await admin('POST', `${LEVELS}/actions/bulkPublish`, {
      documentIds: [iopId],
      locale: ['en', 'es'],
    });
    expect(published.status, await published.clone().text()).toBe(200);
    const redirects = await publishedRedirects();
    for (const fromPath of [`/programs/${IOP}/`, `/es/programs/${ES_IOP}/`])
      expect(
        redirects.find((r) => r.fromPath === fromPath),
        fromPath,
      ).toMatchObject({ targetDocumentId: iopId });

    // Back to the seeded slugs, which the tests below link to.
    await publishIopWithSlug(IOP);
    await publishIopInSpanish(ES_IOP);
    expect(await sources('es')).not.toContain(`/es/programs/${ES_IOP}/`);
  });
});

describe('redirects editors add', () => {
  it('stores a 410 with its path normalized to the trailing slash', async () => {
    const res = await admin('POST', `${REDIRECTS}/actions/publish`, {
      fromPath: '/old-campaign',
      httpStatus: 'gone-410',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await publishedRedirects()).map((r) => r.fromPath)).toContain('/old-campaign/');
  });

  it('refuses a second redirect from the same address, however it is typed, naming fromPath', async () => {
    const res = await admin('POST', `${REDIRECTS}/actions/publish`, {
      fromPath: '/old-campaign',
      httpStatus: 'moved-permanently-301',
      targetPath: '/contact/',
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { details: { errors: { path: string[] }[] } } };
    expect(error.details.errors.map((e) => e.path)).toContainEqual(['fromPath']);
    expect((await publishedRedirects()).filter((r) => r.fromPath === '/old-campaign/')).toHaveLength(1);
  });

  it('refuses a redirect past the 5,000th, naming fromPath, and takes it again once old ones are deleted', async () => {
    const list = (await (await admin('GET', `${REDIRECTS}?pageSize=1`)).json()) as { pagination: { total: number } };
    const existing = list.pagination.total;
    // Filled straight into the database: 5,000 saves through the admin would take minutes.
    const filler = 5000 - existing;
    const added = await execSql(
      cms,
      `INSERT INTO redirects (document_id, from_path, http_status, target_type, created_at, updated_at, published_at)
       WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       SELECT 'cap-filler-' || i, '/cap-filler-' || i || '/', 'gone-410', 'path', 0, 0, NULL FROM n`,
      [filler],
    );
    expect(added).toBe(filler);
    try {
      const refused = await admin('POST', `${REDIRECTS}/actions/publish`, {
        fromPath: '/one-too-many/',
        httpStatus: 'gone-410',
      });
      expect(refused.status).toBe(400);
      const { error } = (await refused.json()) as {
        error: { message: string; details: { errors: { path: string[]; message: string }[] } };
      };
      expect(error.details.errors).toContainEqual(
        expect.objectContaining({
          path: ['fromPath'],
          message: expect.stringContaining('At most 5000 redirects: delete old ones before adding more') as string,
        }),
      );
    } finally {
      await execSql(cms, "DELETE FROM redirects WHERE document_id LIKE 'cap-filler-%'");
    }
    const accepted = await admin('POST', `${REDIRECTS}/actions/publish`, {
      fromPath: '/one-too-many/',
      httpStatus: 'gone-410',
    });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
  });

  it("turns a typed entry page into the entry, so the redirect follows the entry's later renames", async () => {
    const res = await admin('POST', `${REDIRECTS}/actions/publish`, {
      fromPath: '/iop-old-site.html',
      httpStatus: 'moved-permanently-301',
      targetPath: `/programs/${IOP}`,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await publishedRedirects()).find((r) => r.fromPath === '/iop-old-site.html')).toMatchObject({
      targetType: 'program-level',
      targetDocumentId: iopId,
    });
  });

  it("takes a target entry by its slug or its page's address in place of its document id", async () => {
    const conditions = await fetch(`${cms.url}/api/conditions?filters[slug]=co-occurring-disorders`, {
      headers: { Authorization: `Bearer ${cms.token}` },
    });
    const conditionId = ((await conditions.json()) as { data: { documentId: string }[] }).data[0]!.documentId;
    for (const [fromPath, typed] of [
      ['/dual-diagnosis/', 'co-occurring-disorders'],
      ['/dual-diagnosis-old/', '/conditions/co-occurring-disorders'],
    ] as const) {
      const res = await admin('POST', `${REDIRECTS}/actions/publish`, {
        fromPath,
        httpStatus: 'moved-permanently-301',
        targetType: 'condition',
        targetDocumentId: typed,
      });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(
        (await publishedRedirects()).find((r) => r.fromPath === fromPath),
        typed,
      ).toMatchObject({
        targetType: 'condition',
        targetDocumentId: conditionId,
      });
    }
  });

  it('refuses a target entry that does not exist, naming targetDocumentId', async () => {
    const res = await admin('POST', REDIRECTS, {
      fromPath: '/old-detox/',
      httpStatus: 'moved-permanently-301',
      targetType: 'program-level',
      targetDocumentId: 'no-such-level',
    });
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect(text).toContain('targetDocumentId');
    expect(text).toContain('No program level has the document id, slug or address \\"no-such-level\\"');
  });

  it('refuses a redirect to a host that is not allowed, naming targetPath', async () => {
    const res = await admin('POST', REDIRECTS, {
      fromPath: '/partner/',
      httpStatus: 'moved-permanently-301',
      targetType: 'path',
      targetPath: 'https://evil.example/landing/',
    });
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect(text).toContain('targetPath');
    expect(text).toContain('REDIRECT_ALLOWED_HOSTS');
  });

  it('refuses a redirect from a live page, naming fromPath', async () => {
    const res = await admin('POST', REDIRECTS, { fromPath: '/contact', httpStatus: 'found-302', targetPath: '/faq/' });
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect(text).toContain('fromPath');
  });
});

describe('internal links are checked on publish', () => {
  const condition = (body: string, slug: string) => ({
    name: `Link check ${slug}`,
    slug,
    summary: 'A summary that is long enough to pass the forty character minimum.',
    body,
  });

  it('refuses a body linking to /programs/no-such-page/, naming the field and the link', async () => {
    const res = await admin(
      'POST',
      '/content-manager/collection-types/api::condition.condition/actions/publish',
      condition('See [a level](/programs/no-such-page/) for more.', 'link-check-broken'),
    );
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect(text).toContain('body');
    expect(text).toContain('/programs/no-such-page/');
  });

  it('refuses an FAQ answer linking to an anchor no FAQ has', async () => {
    const res = await admin('POST', '/content-manager/collection-types/api::faq.faq/actions/publish', {
      question: 'Is this a question with a broken anchor?',
      slug: 'question-with-broken-anchor',
      answer: 'See [this answer](/faq/#no-such-question).',
      topic: 'getting-started',
      order: 500,
    });
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect(text).toContain('answer');
    expect(text).toContain('#no-such-question');
  });

  it('publishes links to pages, redirect sources and FAQ anchors that exist', async () => {
    const res = await admin(
      'POST',
      '/content-manager/collection-types/api::condition.condition/actions/publish',
      condition(
        `[IOP](/programs/${IOP}/), [old name](/programs/iop-renamed/), [contact](/contact/#request-a-call)`,
        'link-check-fine',
      ),
    );
    expect(res.status, await res.clone().text()).toBe(200);
  });
});

describe('a page other published entries link to is not taken down', () => {
  const CONDITION = 'api::condition.condition';
  const CONDITIONS = `/content-manager/collection-types/${CONDITION}`;
  const REFUSAL =
    "Takedown target can't be unpublished: it is linked from Takedown linker (Body). Remove those links, then unpublish.";
  let targetId: string;
  let linkerId: string;

  async function publishCondition(name: string, slug: string, body: string): Promise<string> {
    const summary = 'A summary that is long enough to pass the forty character minimum.';
    return published(await admin('POST', `${CONDITIONS}/actions/publish`, { name, slug, summary, body }));
  }

  async function isPublished(documentId: string): Promise<boolean> {
    const res = await fetch(`${cms.url}/api/conditions?filters[documentId]=${documentId}`, {
      headers: { Authorization: `Bearer ${cms.token}` },
    });
    return ((await res.json()) as { data: unknown[] }).data.length === 1;
  }

  beforeAll(async () => {
    targetId = await publishCondition('Takedown target', 'takedown-target', 'A page another entry links to.');
    linkerId = await publishCondition(
      'Takedown linker',
      'takedown-linker',
      'Read about [the target](/conditions/takedown-target/).',
    );
  });

  it('refuses to unpublish it, naming the linking entry and field, and tells the dialog the same beforehand', async () => {
    const dialog = await admin('GET', `/admin/incoming-links?uid=${CONDITION}&documentId=${targetId}`);
    expect(await dialog.json()).toEqual({
      path: '/conditions/takedown-target/',
      linkedFrom: [{ entry: 'Takedown linker', fields: ['Body'] }],
    });
    expect(await refusal(await admin('POST', `${CONDITIONS}/${targetId}/actions/unpublish`, {}))).toBe(REFUSAL);
    expect(await isPublished(targetId)).toBe(true);
  });

  it('refuses to delete it, and answers the dialog only to signed-in admins', async () => {
    expect(await refusal(await admin('DELETE', `${CONDITIONS}/${targetId}`))).toBe(
      "Takedown target can't be deleted: it is linked from Takedown linker (Body). Remove those links, then delete.",
    );
    expect(await isPublished(targetId)).toBe(true);
    const anonymous = await fetch(`${cms.url}/admin/incoming-links?uid=${CONDITION}&documentId=${targetId}`);
    expect(anonymous.status).toBe(401);
  });

  it('refuses it too when the link names its old address, which redirects to it after a slug change', async () => {
    const renamed = await admin('POST', `${CONDITIONS}/${targetId}/actions/publish`, {
      slug: 'takedown-target-renamed',
    });
    expect(renamed.status, await renamed.clone().text()).toBe(200);
    expect(await refusal(await admin('POST', `${CONDITIONS}/${targetId}/actions/unpublish`, {}))).toBe(REFUSAL);
  });

  it('unpublishes it once the link is removed', async () => {
    const edited = await admin('PUT', `${CONDITIONS}/${linkerId}`, { body: 'Read about other conditions.' });
    expect(edited.status, await edited.clone().text()).toBe(200);
    const republished = await admin('POST', `${CONDITIONS}/${linkerId}/actions/publish`, {});
    expect(republished.status, await republished.clone().text()).toBe(200);
    const res = await admin('POST', `${CONDITIONS}/${targetId}/actions/unpublish`, {});
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await isPublished(targetId)).toBe(false);
  });
});

describe('an FAQ is not published under a new slug while published entries link to its old anchor', () => {
  const FAQ = 'api::faq.faq';
  const FAQS = `/content-manager/collection-types/${FAQ}`;
  const CONDITIONS = '/content-manager/collection-types/api::condition.condition';
  const QUESTION = 'Is the anchor of this question linked?';
  let faqId: string;
  let linkerId: string;

  async function publishFaq(question: string, slug: string, answer = 'An answer.'): Promise<string> {
    return published(
      await admin('POST', `${FAQS}/actions/publish`, { question, slug, answer, topic: 'getting-started', order: 600 }),
    );
  }

  async function setLinkerBody(body: string): Promise<void> {
    await published(await admin('POST', `${CONDITIONS}/${linkerId}/actions/publish`, { body }));
  }

  /** The refusal's notification and the message under each field, by field. */
  async function refusalWithFields(res: Response): Promise<{ message: string; fields: Record<string, string> }> {
    const text = await res.text();
    expect(res.status, text).toBe(400);
    const { error } = JSON.parse(text) as {
      error: { message: string; details: { errors: { path: string[]; message: string }[] } };
    };
    return {
      message: error.message,
      fields: Object.fromEntries(error.details.errors.map((e) => [e.path.join('.'), e.message])),
    };
  }

  /** The published slug of the FAQ, as the site's read token sees it. */
  async function publishedSlug(documentId: string): Promise<string | undefined> {
    const res = await fetch(`${cms.url}/api/faqs?filters[documentId]=${documentId}`, {
      headers: { Authorization: `Bearer ${cms.token}` },
    });
    return ((await res.json()) as { data: { slug: string }[] }).data[0]?.slug;
  }

  beforeAll(async () => {
    faqId = await publishFaq(QUESTION, 'anchor-linked-question');
    linkerId = await published(
      await admin('POST', `${CONDITIONS}/actions/publish`, {
        name: 'Anchor page',
        slug: 'anchor-page',
        summary: 'A summary that is long enough to pass the forty character minimum.',
        body: 'See [the question](/faq/2/#anchor-linked-question).',
      }),
    );
  });

  it('refuses it under the Slug field, naming the linking entry and field, the way back and the way through', async () => {
    const { message, fields } = await refusalWithFields(
      await admin('POST', `${FAQS}/${faqId}/actions/publish`, { slug: 'anchor-renamed' }),
    );
    const expected =
      `Slug: '${QUESTION}' is linked as /faq/#anchor-linked-question from Anchor page (Body). Set the slug back ` +
      'to anchor-linked-question — or, to rename it, first change those links to /faq/ and publish them; then ' +
      'publish this, and link them to /faq/#anchor-renamed.';
    expect(fields).toEqual({ slug: expected });
    expect(message).toBe(`Not published. ${expected}`);
    expect(await publishedSlug(faqId)).toBe('anchor-linked-question');
  });

  it('publishes it once the link no longer names the old anchor, and then takes a link to the new one', async () => {
    await setLinkerBody('See [the questions](/faq/).');
    await published(await admin('POST', `${FAQS}/${faqId}/actions/publish`, { slug: 'anchor-renamed' }));
    expect(await publishedSlug(faqId)).toBe('anchor-renamed');
    await setLinkerBody('See [the question](/faq/#anchor-renamed).');
  });

  it('publishes a new slug when nothing links to the old anchor, but not over a link in its own answer', async () => {
    const lone = await publishFaq('Does anything link to this question?', 'lone-question');
    await published(await admin('POST', `${FAQS}/${lone}/actions/publish`, { slug: 'lone-question-renamed' }));
    expect(await publishedSlug(lone)).toBe('lone-question-renamed');

    const selfLinked = await publishFaq(
      'Does this answer link to itself?',
      'self-linked-question',
      'As [this answer](/faq/#self-linked-question) says.',
    );
    const { fields } = await refusalWithFields(
      await admin('POST', `${FAQS}/${selfLinked}/actions/publish`, { slug: 'self-linked-renamed' }),
    );
    expect(fields).toEqual({
      answer: 'Answer: broken link /faq/#self-linked-question names no published FAQ (#self-linked-question)',
    });
  });

  it("says the slug was made from the question when saving replaced the admin's placeholder", async () => {
    // A slug left as the admin's placeholder (from before slugs were made from questions): any
    // save makes one from the question, so an editor who only fixed the answer meets this.
    const question = 'Was this slug a placeholder?';
    const id = await publishFaq(question, 'placeholder-question');
    expect(await execSql(cms, 'UPDATE faqs SET slug = ? WHERE document_id = ?', ['faq-9', id])).toBe(2);
    await setLinkerBody('See [the question](/faq/#anchor-renamed) and [this one](/faq/#faq-9).');
    const saved = await admin('PUT', `${FAQS}/${id}`, { question, slug: 'faq-9', answer: 'A better answer.' });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const { fields } = await refusalWithFields(await admin('POST', `${FAQS}/${id}/actions/publish`, {}));
    expect(fields.slug).toBe(
      `Slug: '${question}' is linked as /faq/#faq-9 from Anchor page (Body). faq-9 was the admin's placeholder, ` +
        'so saving made the slug was-this-slug-a-placeholder from the Question. To publish, first change those ' +
        'links to /faq/ and publish them; then publish this, and link them to /faq/#was-this-slug-a-placeholder.',
    );
    expect(await publishedSlug(id)).toBe('faq-9');
  });
});

describe('links in Spanish copy are checked against the Spanish edition', () => {
  const CONDITION = 'api::condition.condition';
  const CONDITIONS = `/content-manager/collection-types/${CONDITION}`;
  const SUMMARY = 'A summary that is long enough to pass the forty character minimum.';
  const ES_SUMMARY = 'Un resumen lo bastante largo para pasar el mínimo de cuarenta caracteres.';

  /** Publishes a new condition in English and, when `es` is given, its Spanish version. */
  async function publishCondition(
    en: { name: string; slug: string; body: string },
    es?: { name: string; slug: string; body: string },
  ): Promise<string> {
    const id = await published(await admin('POST', `${CONDITIONS}/actions/publish`, { ...en, summary: SUMMARY }));
    if (es) await published(await publishSpanish(id, { ...es, summary: ES_SUMMARY }));
    return id;
  }

  function publishSpanish(id: string, fields: Record<string, string>): Promise<Response> {
    return admin('POST', `${CONDITIONS}/${id}/actions/publish?locale=es`, { ...fields, locale: 'es' });
  }

  it("checks the Spanish version's own Markdown when it is published, against the pages the Spanish edition links to", async () => {
    const id = await publishCondition({ name: 'Spanish check', slug: 'spanish-check', body: 'No links.' });
    // A broken link in the English draft is the English version's to fix: it does not hold up the Spanish.
    const saved = await admin('PUT', `${CONDITIONS}/${id}`, { body: 'See [a page](/programs/english-draft-only/).' });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const spanish = { name: 'Revisión en español', slug: 'revision-en-espanol', summary: ES_SUMMARY };

    const text = await refusal(
      await publishSpanish(id, { ...spanish, body: 'Vea [un nivel](/es/programs/no-existe/).' }),
    );
    expect(text).toContain('Body: broken link /es/programs/no-existe/ matches no page of the site');
    // Spanish pages and FAQ anchors, and English pages, which the site points at their Spanish
    // versions (or keeps, where there is none).
    const body = [
      '[contacto](/es/contact/#request-a-call), [pregunta](/es/faq/#hay-iop-virtual), [preguntas](/es/faq/2/),',
      `[IOP](/es/programs/programa-ambulatorio-intensivo/), [IOP en inglés](/programs/${IOP}/),`,
      '[la pregunta en inglés](/faq/#is-virtual-iop-available), [esta página](/es/conditions/revision-en-espanol/)',
    ].join(' ');
    await published(await publishSpanish(id, { ...spanish, body }));
  });

  it("checks each version the admin's publish of several locales names, saying which language's field", async () => {
    const id = await publishCondition({ name: 'Bulk check', slug: 'bulk-check', body: 'No links.' });
    const saved = await admin('PUT', `${CONDITIONS}/${id}?locale=es`, {
      name: 'Revisión en bloque',
      slug: 'revision-en-bloque',
      summary: ES_SUMMARY,
      body: 'Vea [un nivel](/es/programs/tampoco-existe/).',
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const res = await admin('POST', `${CONDITIONS}/actions/bulkPublish`, { documentIds: [id], locale: ['en', 'es'] });
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect(text).toContain('Body (es): broken link /es/programs/tampoco-existe/ matches no page of the site');
  });

  it('checks an English body against the English edition as before: no Spanish anchors or pages', async () => {
    const res = await admin('POST', `${CONDITIONS}/actions/publish`, {
      name: 'English with Spanish links',
      slug: 'english-with-spanish-links',
      summary: SUMMARY,
      body: 'See [the question](/faq/#hay-iop-virtual) and [contact](/es/contact/).',
    });
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect(text).toContain('Body: broken link /faq/#hay-iop-virtual names no published FAQ (#hay-iop-virtual)');
    expect(text).toContain('Body: broken link /es/contact/ matches no page of the site');
  });

  describe('a Spanish page that Spanish copy links to is not taken down', () => {
    let targetId: string;
    let linkerId: string;

    beforeAll(async () => {
      targetId = await publishCondition(
        { name: 'Bilingual target', slug: 'bilingual-target', body: 'A page in both languages.' },
        { name: 'Objetivo bilingüe', slug: 'objetivo-bilingue', body: 'Una página en los dos idiomas.' },
      );
      linkerId = await publishCondition(
        { name: 'Bilingual linker', slug: 'bilingual-linker', body: 'No link in English.' },
        { name: 'Enlazador', slug: 'enlazador', body: 'Lea sobre [el objetivo](/es/conditions/objetivo-bilingue/).' },
      );
      // English only: its link goes to the English page, which stays when the Spanish goes.
      await publishCondition({
        name: 'English linker',
        slug: 'english-linker',
        body: 'Read about [the target](/conditions/bilingual-target/).',
      });
    });

    it('refuses to unpublish or delete the Spanish version, naming the Spanish linker, and tells the dialog so', async () => {
      const dialog = await admin('GET', `/admin/incoming-links?uid=${CONDITION}&documentId=${targetId}&locale=es`);
      expect(await dialog.json()).toEqual({
        path: '/es/conditions/objetivo-bilingue/',
        linkedFrom: [{ entry: 'Enlazador', fields: ['Body'] }],
      });
      expect(await refusal(await admin('POST', `${CONDITIONS}/${targetId}/actions/unpublish?locale=es`, {}))).toBe(
        "Objetivo bilingüe can't be unpublished: it is linked from Enlazador (Body). Remove those links, then unpublish.",
      );
      expect(await refusal(await admin('DELETE', `${CONDITIONS}/${targetId}?locale=es`))).toBe(
        "Objetivo bilingüe can't be deleted: it is linked from Enlazador (Body). Remove those links, then delete.",
      );
    });

    it('unpublishes the Spanish version once no Spanish copy links to it, while English still links the English page', async () => {
      await published(await publishSpanish(linkerId, { body: 'Lea sobre otras condiciones.' }));
      await published(await admin('POST', `${CONDITIONS}/${targetId}/actions/unpublish?locale=es`, {}));
      // The English page keeps its English link, and its takedown is still refused.
      expect(await refusal(await admin('POST', `${CONDITIONS}/${targetId}/actions/unpublish`, {}))).toBe(
        "Bilingual target can't be unpublished: it is linked from English linker (Body). Remove those links, then unpublish.",
      );
    });
  });

  it('refuses a Spanish FAQ rename while Spanish copy links to its old anchor, under the Slug field', async () => {
    const FAQS = '/content-manager/collection-types/api::faq.faq';
    const faq = { topic: 'getting-started', order: 700 };
    const faqId = await published(
      await admin('POST', `${FAQS}/actions/publish`, {
        ...faq,
        question: 'Is this question translated?',
        slug: 'translated-question',
        answer: 'Yes.',
      }),
    );
    await published(
      await admin('POST', `${FAQS}/${faqId}/actions/publish?locale=es`, {
        ...faq,
        locale: 'es',
        question: '¿Está traducida esta pregunta?',
        slug: 'pregunta-traducida',
        answer: 'Sí.',
      }),
    );
    await publishCondition(
      { name: 'Anchor in Spanish', slug: 'anchor-in-spanish', body: 'No link in English.' },
      { name: 'Ancla en español', slug: 'ancla-en-espanol', body: 'Vea [la pregunta](/es/faq/#pregunta-traducida).' },
    );
    const res = await admin('POST', `${FAQS}/${faqId}/actions/publish?locale=es`, {
      locale: 'es',
      slug: 'pregunta-renombrada',
    });
    expect(await refusal(res)).toContain(
      "Slug: '¿Está traducida esta pregunta?' is linked as /es/faq/#pregunta-traducida from Ancla en español (Body).",
    );
    // The English anchor is the English version's: renaming it is not held up by Spanish copy.
    await published(await admin('POST', `${FAQS}/${faqId}/actions/publish`, { slug: 'translated-question-renamed' }));
  });
});

describe('editors manage redirects on a database made before the Redirect type', () => {
  const REDIRECT = 'api::redirect.redirect';
  interface Permission {
    action: string;
    subject: string | null;
    properties: { fields?: string[] };
    conditions: string[];
  }

  async function roleId(code: string): Promise<number> {
    const res = await admin('GET', '/admin/roles');
    const role = ((await res.json()) as { data: { id: number; code: string }[] }).data.find((r) => r.code === code);
    if (!role) throw new Error(`no ${code} role`);
    return role.id;
  }

  /** A role's permissions on redirects: action, conditions and fields, sorted. */
  async function redirectPermissions(code: string): Promise<string[]> {
    const res = await admin('GET', `/admin/roles/${await roleId(code)}/permissions`);
    return ((await res.json()) as { data: Permission[] }).data
      .filter((p) => p.subject === REDIRECT)
      .map((p) => `${p.action} [${p.conditions.join()}] ${(p.properties.fields ?? []).toSorted().join()}`)
      .sort();
  }

  it('gives Editors every action on redirects, and Authors their own redirects without publishing, as Strapi does on a new database', async () => {
    const verbs = (permissions: string[]) => permissions.map((p) => p.split(' ')[0]!.replace(/.*\./, ''));
    const editor = await redirectPermissions('strapi-editor');
    expect(verbs(editor)).toEqual(['create', 'delete', 'publish', 'read', 'update']);
    expect(editor.every((p) => p.includes(' [] '))).toBe(true);
    expect(editor.find((p) => p.includes('.update'))).toContain('fromPath,httpStatus,note,targetDocumentId');
    const author = await redirectPermissions('strapi-author');
    expect(verbs(author)).toEqual(['create', 'delete', 'read', 'update']);
    expect(author.every((p) => p.includes(' [admin::is-creator] '))).toBe(true);
  });

  it('grants them again at boot when the database has none, once, and an editor can then open redirects', async () => {
    const before = {
      editor: await redirectPermissions('strapi-editor'),
      author: await redirectPermissions('strapi-author'),
    };
    const roles = [await roleId('strapi-editor'), await roleId('strapi-author')];
    await cms.stop();
    // The database as it was before redirects existed: the roles have nothing on the type.
    const ofCopyRoles = `SELECT permission_id FROM admin_permissions_role_lnk WHERE role_id IN (?, ?)`;
    const deleted = await execSql(cms, `DELETE FROM admin_permissions WHERE subject = ? AND id IN (${ofCopyRoles})`, [
      REDIRECT,
      ...roles,
    ]);
    expect(deleted).toBe(before.editor.length + before.author.length);
    await execSql(
      cms,
      'DELETE FROM admin_permissions_role_lnk WHERE permission_id NOT IN (SELECT id FROM admin_permissions)',
    );
    await cms.restart();
    jwt = await adminLogin(cms);
    expect({
      editor: await redirectPermissions('strapi-editor'),
      author: await redirectPermissions('strapi-author'),
    }).toEqual(before);
    expect(cms.output()).toContain('Gave the strapi-editor role the Redirect type');

    const created = await admin('POST', '/admin/users', {
      firstname: 'Redirect',
      lastname: 'Editor',
      email: 'redirect-editor@example.test',
      roles: [roles[0]],
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { registrationToken } = ((await created.json()) as { data: { registrationToken: string } }).data;
    const registered = await fetch(`${cms.url}/admin/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        registrationToken,
        userInfo: { firstname: 'Redirect', lastname: 'Editor', password: 'Editor-Passw0rd-Long' },
      }),
    });
    const { token } = ((await registered.json()) as { data: { token: string } }).data;
    const listed = await fetch(`${cms.url}${REDIRECTS}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
  });
});
