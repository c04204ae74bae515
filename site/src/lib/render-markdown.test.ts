import fc from 'fast-check';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { elementsOf } from '../../test/built-site.ts';
import {
  fitHeadingsToOutline,
  isExternalHref,
  markdownImagesOf,
  markdownMemoSizes,
  markdownToPlainText,
  renderMarkdown,
  type HeadingLevel,
} from './render-markdown.ts';

const ALLOWED = new Set([
  'p',
  'a',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'del',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'code',
  'pre',
  'br',
  'hr',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
]);

/** A URL as a browser reads it: control characters and whitespace inside a scheme are ignored. */
function schemeOf(url: string): string {
  // eslint-disable-next-line no-control-regex -- browsers drop these characters from URLs; matching them is the point.
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1] ?? '';
}

// Each one tries to run script, load something, or change where the page or a form points.
const XSS_VECTORS: [name: string, source: string][] = [
  ['script tag', '<script>alert(1)</script>'],
  ['script tag in a paragraph', 'Hello <script type="text/javascript">alert(1)</script> world'],
  ['uppercase script', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['markdown image with javascript src', '![x](javascript:alert(1))'],
  ['javascript: link', '<a href="javascript:alert(1)">x</a>'],
  ['mixed-case javascript: link', '<a href="JaVaScRiPt:alert(1)">x</a>'],
  ['entity-encoded colon', '<a href="javascript&colon;alert(1)">x</a>'],
  [
    'numeric entity-encoded scheme',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  ],
  ['hex entity-encoded scheme', '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>'],
  ['tab inside the scheme', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
  ['newline inside the scheme', '<a href="java\nscript:alert(1)">x</a>'],
  ['leading spaces', '<a href="  javascript:alert(1)">x</a>'],
  ['leading control character', '<a href="&#x01;javascript:alert(1)">x</a>'],
  ['markdown javascript link', '[x](javascript:alert(1))'],
  ['markdown javascript link with entity', '[x](javascript&colon;alert(1))'],
  ['markdown autolink-ish', '<javascript:alert(1)>'],
  ['markdown reference link', '[x][1]\n\n[1]: javascript:alert(1)'],
  ['data: text/html link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
  ['markdown data: link', '[x](data:text/html,<script>alert(1)</script>)'],
  ['vbscript link', '<a href="vbscript:msgbox(1)">x</a>'],
  ['svg onload', '<svg onload=alert(1)><circle r=1 /></svg>'],
  ['svg with script inside', '<svg><script>alert(1)</script></svg>'],
  ['iframe', '<iframe src="https://evil.example"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['style tag', '<style>body{background:url(javascript:alert(1))}</style>'],
  ['style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
  ['event attribute on an allowed tag', '<p onclick="alert(1)" onmouseover="alert(1)">x</p>'],
  ['event attribute on a link', '<a href="/ok/" onfocus="alert(1)" autofocus>x</a>'],
  ['math with an xlink', '<math><mtext><a xlink:href="javascript:alert(1)">x</a></mtext></math>'],
  ['math maction', '<math href="javascript:alert(1)">CLICK</math>'],
  ['form with an action', '<form action="javascript:alert(1)"><button>x</button></form>'],
  ['input with formaction', '<form><input type="submit" formaction="javascript:alert(1)" value="x"></form>'],
  ['button formaction', '<button formaction="javascript:alert(1)">x</button>'],
  ['object data', '<object data="javascript:alert(1)"></object>'],
  ['embed src', '<embed src="javascript:alert(1)">'],
  ['base href', '<base href="https://evil.example/">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['body onload', '<body onload=alert(1)>'],
  ['details ontoggle', '<details open ontoggle=alert(1)>'],
  ['video poster', '<video poster=javascript:alert(1)>'],
  ['template content', '<template><script>alert(1)</script></template>'],
  ['noscript breakout', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
  ['comment breakout', '<!--<img src="--><img src=x onerror=alert(1)//">'],
  ['unclosed attribute', '<a href="/x" title="a onmouseover=alert(1) b>x</a>'],
  ['protocol-relative link', '<a href="//evil.example/">x</a>'],
  ['backslash protocol-relative link', '<a href="/\\evil.example/">x</a>'],
  ['xmp breakout', '<xmp><script>alert(1)</script></xmp>'],
  ['table background', '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>'],
  ['id and name clobbering', '<a id="location" name="cookie" href="/x/">x</a>'],
  // Not script, but markup that would make the page invalid HTML.
  ['GFM table alignment', '| Level | Weeks | Hours |\n| :-- | :-: | --: |\n| IOP | 12 | 9 |'],
  [
    'raw align and style on a cell',
    '<table><tbody><tr><td align="center" style="color:red" class="x">x</td></tr></tbody></table>',
  ],
  ['markdown link whose href is stripped', 'Call [our team](javascript:alert(1)) or [read on](/faq/)'],
  ['raw link whose href is stripped', '<a href="vbscript:msgbox(1)" title="t">team</a> and <a>bare</a>'],
  ['empty link', '[](/programs/) and <a href="/faq/"><img src=x></a>'],
  ['editor h1 and skipped levels', '# One\n\n#### Four\n\n<h1>Raw</h1>\n\n###### Six'],
  ['empty headings', '#\n\n<h2><img src=x onerror=alert(1)></h2>\n\n## <script>alert(1)</script>'],
];

/** The rules the e2e suite holds every served page to (site/e2e/site-pages.e2e.test.ts). */
const validator = new HtmlValidate(
  new StaticConfigLoader({
    extends: ['html-validate:recommended'],
    rules: { 'tel-non-breaking': ['error', { ignoreClasses: ['whitespace-nowrap', 'btn'] }] },
  }),
);

/**
 * The markup a page wraps around editor copy, as the FAQ page does: the page's `h1`, a topic
 * `h2`, and a card whose question is an `h3`, with the answer's Markdown under it.
 */
function pageWithAnswer(source: string): string {
  const answer = renderMarkdown(source, { parentHeadingLevel: 3 });
  return `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8"><title>Questions</title></head>
  <body>
    <main>
      <h1>Questions</h1>
      <section aria-labelledby="topic"><h2 id="topic">Topic</h2>
        <article aria-labelledby="q"><h3 id="q">A question?</h3><div class="prose-content">${answer}</div></article>
      </section>
    </main>
  </body>
</html>`;
}

async function validationErrors(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
}

/** The heading levels of some HTML, in order. */
function headingsOf(html: string): number[] {
  return elementsOf(html)
    .filter((e) => /^h[1-6]$/.test(e.tag))
    .map((e) => Number(e.tag.slice(1)));
}

/** Whether headings continue an outline below `parent`: deeper than it, never skipping a level. */
function fitsOutline(levels: readonly number[], parent: number): boolean {
  let previous = parent;
  for (const level of levels) {
    if (level <= parent || level > Math.min(6, previous + 1)) return false;
    previous = level;
  }
  return true;
}

describe('renderMarkdown against XSS vectors', () => {
  it('has a corpus of at least 25 vectors', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(XSS_VECTORS)('neutralizes: %s', (_name, source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/<h1/i);
    expect(html).not.toMatch(
      /<\s*(script|style|iframe|object|embed|svg|math|form|input|button|base|meta|link|img|body|template|noscript)\b/i,
    );
    for (const { tag, attribs } of elementsOf(html)) {
      expect(ALLOWED.has(tag), `tag <${tag}> in ${html}`).toBe(true);
      for (const [name, value] of Object.entries(attribs)) {
        expect(name, `attribute ${name} in ${html}`).not.toMatch(
          /^on|^style$|^srcdoc$|^formaction$|^action$|^xlink|^id$|^name$/i,
        );
        expect(name, `deprecated attribute in ${html}`).not.toMatch(/^align$|^valign$|^bgcolor$|^border$/i);
        if (name === 'href') {
          expect(['', 'http', 'https', 'mailto', 'tel'], `href ${value} in ${html}`).toContain(schemeOf(value));
          expect(value.trim(), `protocol-relative href in ${html}`).not.toMatch(/^[/\\]{2}/);
        }
      }
    }
  });

  // The one exception: a raw `<tr>` straight inside `<table>` is valid HTML, but html-validate
  // prefers a `<tbody>`, and adding one would take an HTML5 tree builder (parse5) as well.
  const validatedVectors = XSS_VECTORS.filter(([name]) => name !== 'table background');

  it.each(validatedVectors)(
    'renders valid HTML that fits the outline of the page around it: %s',
    async (_name, source) => {
      const page = pageWithAnswer(source);
      expect(await validationErrors(page)).toEqual([]);
      const answer = renderMarkdown(source, { parentHeadingLevel: 3 });
      expect(fitsOutline(headingsOf(answer), 3), answer).toBe(true);
      for (const link of elementsOf(answer).filter((e) => e.tag === 'a'))
        expect(link.attribs['href']?.trim(), `link without href in ${answer}`).toBeTruthy();
    },
  );

  it('keeps the text of a dropped harmless tag but not of script or style', () => {
    expect(renderMarkdown('<span>kept</span>')).toBe('<p>kept</p>');
    expect(renderMarkdown('before<script>gone()</script>after')).toBe('<p>beforeafter</p>');
    expect(renderMarkdown('<style>p{}</style>text')).toBe('text');
  });
});

describe('renderMarkdown on ordinary copy', () => {
  it('renders paragraphs, emphasis and lists', () => {
    const html = renderMarkdown('Hello **there** and *you*.\n\n- one\n- two\n\n3. three\n4. four');
    expect(html).toContain('<p>Hello <strong>there</strong> and <em>you</em>.</p>');
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(html).toContain('<ol start="3">');
  });

  it('keeps internal, anchor, tel and mailto links without rel', () => {
    const html = renderMarkdown(
      '[IOP](/programs/intensive-outpatient-program/) [up](#top) [call](tel:+19496948305) [mail](mailto:a@example.org)',
    );
    expect(html).toContain('<a href="/programs/intensive-outpatient-program/">IOP</a>');
    expect(html).toContain('<a href="#top">up</a>');
    expect(html).toContain('<a href="tel:+19496948305" class="whitespace-nowrap">call</a>');
    expect(html).toContain('<a href="mailto:a@example.org">mail</a>');
    expect(html).not.toContain('rel=');
  });

  it('keeps a phone link on one line and drops any class an editor writes', () => {
    const html = renderMarkdown(
      '<a href="tel:988" class="evil whitespace-nowrap">988</a> <a href="/faq/" class="x">FAQ</a>',
    );
    expect(html).toContain('<a href="tel:988" class="whitespace-nowrap">988</a>');
    expect(html).toContain('<a href="/faq/">FAQ</a>');
  });

  it('gives external links rel="noopener noreferrer" and replaces an editor rel', () => {
    const html = renderMarkdown(
      '[ASAM](https://www.asam.org/asam-criteria) <a href="http://x.example/" rel="opener">x</a>',
    );
    expect(html).toContain('<a href="https://www.asam.org/asam-criteria" rel="noopener noreferrer">ASAM</a>');
    expect(html).toContain('<a href="http://x.example/" rel="noopener noreferrer">x</a>');
  });

  it('treats absolute links to the site itself as internal', () => {
    const html = renderMarkdown('[FAQ](https://www.example.org/faq/)', { siteOrigin: 'https://www.example.org' });
    expect(html).toBe('<p><a href="https://www.example.org/faq/">FAQ</a></p>');
  });

  it("rewrites each link's destination with localizeHref, Markdown and raw HTML alike, then checks it as typed", () => {
    const localizeHref = (href: string) =>
      href === '/programs/medical-detox/' ? '/es/programs/desintoxicacion-medica/' : href;
    const html = renderMarkdown(
      '[desintoxicación](/programs/medical-detox/) <a href="/programs/medical-detox/">otra</a> [988](tel:988) [x](https://x.example/)',
      { localizeHref },
    );
    expect(html).toContain('<a href="/es/programs/desintoxicacion-medica/">desintoxicación</a>');
    expect(html).toContain('<a href="/es/programs/desintoxicacion-medica/">otra</a>');
    expect(html).toContain('<a href="tel:988" class="whitespace-nowrap">988</a>');
    expect(html).toContain('<a href="https://x.example/" rel="noopener noreferrer">x</a>');
    // A rewrite is no way around the URL check or the rel of external links.
    expect(renderMarkdown('[a](/a/)', { localizeHref: () => 'javascript:alert(1)' })).toBe('<p>a</p>');
    expect(renderMarkdown('[a](/a/)', { localizeHref: () => 'https://x.example/' })).toContain(
      'rel="noopener noreferrer"',
    );
  });

  it('never emits an h1: the copy starts one level below the page, at h2 by default', () => {
    const html = renderMarkdown(
      '# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n\n<h1>Raw</h1>',
    );
    expect(headingsOf(html)).toEqual([2, 3, 4, 5, 6, 6, 2]);
    expect(html).toContain('<h2>One</h2>');
    expect(html).toContain('<h6>Six</h6>');
  });

  it('fits headings under the heading the copy sits under, whether the editor starts at # or ##', () => {
    expect(headingsOf(renderMarkdown('## Why\n\n### How\n\n## What', { parentHeadingLevel: 1 }))).toEqual([2, 3, 2]);
    expect(headingsOf(renderMarkdown('# Why\n\n## How', { parentHeadingLevel: 2 }))).toEqual([3, 4]);
    // A question card's h3: an editor's `#` inside the answer no longer outranks the question.
    expect(headingsOf(renderMarkdown('# Why\n\n#### How', { parentHeadingLevel: 3 }))).toEqual([4, 5]);
    expect(headingsOf(renderMarkdown('# A\n\n## B\n\n### C', { parentHeadingLevel: 5 }))).toEqual([6, 6, 6]);
  });

  it('drops headings and links with no text', () => {
    expect(renderMarkdown('#\n\n## Kept')).toBe('<h2>Kept</h2>');
    expect(renderMarkdown('[](/faq/) [FAQ](/faq/)')).toBe('<p> <a href="/faq/">FAQ</a></p>');
  });

  it('keeps the text of a link whose href is removed, without the link', () => {
    expect(renderMarkdown('Call [our team](javascript:alert(1)) today')).toBe('<p>Call our team today</p>');
    expect(renderMarkdown('[bad](javascript:alert(1)) and [good](/faq/)')).toBe(
      '<p>bad and <a href="/faq/">good</a></p>',
    );
    expect(renderMarkdown('<a href="data:text/html,x" title="t">team</a> <a>bare</a> <a href=" ">blank</a>')).toBe(
      '<p>team bare blank</p>',
    );
  });

  it('renders tables, quotes and code', () => {
    const html = renderMarkdown(
      '| Level | Hours |\n| :-- | --: |\n| IOP | 12-15 |\n\n> quoted\n\n`x < y`\n\n```\n<b>code</b>\n```',
    );
    expect(html).toContain('<table>');
    expect(html).toContain('<th class="cell-left">Level</th>');
    expect(html).toContain('<td class="cell-right">12-15</td>');
    expect(html).not.toContain('align=');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<code>x &lt; y</code>');
    expect(html).toContain('<pre><code>&lt;b&gt;code&lt;/b&gt;\n</code></pre>');
  });

  it('drops images, which would be third-party or shift the layout', () => {
    expect(renderMarkdown('![alt](https://cdn.example/x.png)')).toBe('<p></p>');
  });

  it("shows each image the pipeline made a picture of in the image's place, and drops the rest", () => {
    const picture = '<picture><img src="/_astro/room.hash.jpg" alt="Group room" width="800" height="600"></picture>';
    const html = renderMarkdown(
      [
        'Our room: ![Group room](http://cms.internal/uploads/room.jpg)',
        '![Stock](https://cdn.example/x.png)',
        '- ![Group room](http://cms.internal/uploads/room.jpg) again',
      ].join('\n\n'),
      { images: new Map([['http://cms.internal/uploads/room.jpg', picture]]) },
    );
    expect(html).toBe(`<p>Our room: ${picture}</p>\n<p></p>\n<ul>\n<li>${picture} again</li>\n</ul>`);
  });

  it('puts each of a dozen images in its own place', () => {
    const urls = Array.from({ length: 12 }, (_, i) => `/uploads/photo-${i}.jpg`);
    const images = new Map(urls.map((url, i) => [url, `<picture><img alt="photo ${i}"></picture>`]));
    const html = renderMarkdown(urls.map((url, i) => `![photo ${i}](${url})`).join('\n\n'), { images });
    expect(html).toBe(urls.map((_, i) => `<p><picture><img alt="photo ${i}"></picture></p>`).join('\n'));
  });

  it('returns an empty string for empty input', () => {
    expect(renderMarkdown(null)).toBe('');
    expect(renderMarkdown('')).toBe('');
  });
});

describe('markdownImagesOf', () => {
  it('lists every image with the URL and alt text as written, entities decoded', () => {
    expect(
      markdownImagesOf('Text ![Room &amp; garden](</uploads/a b.jpg> "Title")\n\n- ![ ](http://cms/uploads/c.png)'),
    ).toEqual([
      { href: '/uploads/a b.jpg', alt: 'Room & garden' },
      { href: 'http://cms/uploads/c.png', alt: '' },
    ]);
    expect(markdownImagesOf(null)).toEqual([]);
  });
});

describe('fitHeadingsToOutline', () => {
  it('keeps the nesting the editor wrote, without skipped levels', () => {
    expect(fitHeadingsToOutline([1, 3, 2, 3], 1)).toEqual([2, 3, 3, 4]);
    expect(fitHeadingsToOutline([2, 4, 6, 1], 2)).toEqual([3, 4, 5, 3]);
  });

  it('always continues the outline below the parent heading, never past h6', () => {
    const level = fc.integer({ min: 1, max: 6 });
    fc.assert(
      fc.property(fc.array(level, { maxLength: 20 }), level, (levels, parent) => {
        const fitted = fitHeadingsToOutline(levels, parent as HeadingLevel);
        expect(fitted).toHaveLength(levels.length);
        expect(fitsOutline(fitted, Math.min(parent, 5))).toBe(true);
      }),
    );
  });
});

describe('isExternalHref', () => {
  it('classifies links', () => {
    expect(isExternalHref('https://other.example/')).toBe(true);
    expect(isExternalHref('//other.example/')).toBe(true);
    expect(isExternalHref('/programs/')).toBe(false);
    expect(isExternalHref('tel:988')).toBe(false);
    expect(isExternalHref('https://site.example/a', 'https://site.example')).toBe(false);
  });
});

describe('markdownToPlainText', () => {
  it('strips markup and keeps one line per block, with entities decoded', () => {
    const text = markdownToPlainText("Don't **panic** & [call](tel:988).\n\n- one\n- two <script>x()</script>");
    expect(text).toBe("Don't panic & call.\none\ntwo");
  });
  it('returns an empty string for empty input', () => {
    expect(markdownToPlainText(undefined)).toBe('');
  });
});

describe('the {phone} placeholder', () => {
  const phone = '+19496948305';
  const LINK = '<a href="tel:+19496948305" class="whitespace-nowrap">(949) 694-8305</a>';

  it('becomes a tel: link to the facility number, shown as visitors read it, like a typed phone link', () => {
    const filled = renderMarkdown('Call us at {phone} to talk it through.', { phone });
    expect(filled).toBe(`<p>Call us at ${LINK} to talk it through.</p>`);
    expect(filled).toBe(renderMarkdown('Call us at [(949) 694-8305](tel:+19496948305) to talk it through.'));
  });

  it('follows the number it is given', () => {
    expect(renderMarkdown('Call {phone}.', { phone: '+17145550199' })).toBe(
      '<p>Call <a href="tel:+17145550199" class="whitespace-nowrap">(714) 555-0199</a>.</p>',
    );
  });

  it('is filled in headings, emphasis, list items, table cells and quotes', () => {
    const html = renderMarkdown(
      '## Call {phone}\n\n**{phone}**\n\n- {phone}\n\n| Line |\n|---|\n| {phone} |\n\n> {phone}',
      {
        phone,
      },
    );
    expect(html).not.toContain('{phone}');
    expect(html.split(LINK)).toHaveLength(6);
  });

  it('inside a link text is the display number only, never a link inside a link', () => {
    expect(renderMarkdown('[Call {phone}](tel:{phone}) or [admissions at {phone}](/contact/)', { phone })).toBe(
      '<p><a href="tel:+19496948305" class="whitespace-nowrap">Call (949) 694-8305</a> or <a href="/contact/">admissions at (949) 694-8305</a></p>',
    );
    expect(renderMarkdown('<a href="/contact/">{phone}</a>', { phone })).toBe(
      '<p><a href="/contact/">(949) 694-8305</a></p>',
    );
  });

  it('is left as typed in code, escaped, without a number, and any other {word} is plain text', () => {
    expect(renderMarkdown('`{phone}` \\{phone} {Phone} {fax} {phone number}', { phone })).toBe(
      '<p><code>{phone}</code> {phone} {Phone} {fax} {phone number}</p>',
    );
    expect(renderMarkdown('```\n{phone}\n```', { phone })).toBe('<pre><code>{phone}\n</code></pre>');
    expect(renderMarkdown('Call {phone}.')).toBe('<p>Call {phone}.</p>');
  });

  it('reads as the display number in plain text', () => {
    expect(markdownToPlainText('Call {phone} or [call {phone}](tel:{phone}). `{phone}` {other}', { phone })).toBe(
      'Call (949) 694-8305 or call (949) 694-8305. {phone} {other}',
    );
  });
});

describe("the memo of rendered Markdown (kept across a worker's builds)", () => {
  const phone = '+19496948305';
  // A text no other test renders, so the sizes below count this test's results only.
  const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2)} [link](/faq/)`;

  it('renders a text with the same options once, and again for other options', () => {
    const source = unique('## Once [there](https://other.example/x)');
    const before = markdownMemoSizes().rendered;
    const first = renderMarkdown(source, { parentHeadingLevel: 2 });
    expect(first).toContain('<h3>');
    expect(renderMarkdown(source, { parentHeadingLevel: 2 })).toBe(first);
    expect(markdownMemoSizes().rendered).toBe(before + 1);
    // Each option that shapes the HTML is part of what it is remembered by.
    expect(renderMarkdown(source, { parentHeadingLevel: 3 })).toContain('<h4>');
    expect(first).toContain('rel="noopener noreferrer"');
    expect(renderMarkdown(source, { parentHeadingLevel: 2, siteOrigin: 'https://other.example' })).not.toContain(
      'rel=',
    );
    expect(renderMarkdown(`${source} {phone}`, { phone })).toContain('(949) 694-8305');
    expect(markdownMemoSizes().rendered).toBe(before + 4);
  });

  it('renders a translation again when its link localizer answers otherwise, and not when it answers the same', () => {
    const source = unique('Ver [desintoxicación](/programs/medical-detox/).');
    const toDetox = (href: string) => (href === '/programs/medical-detox/' ? '/es/programs/desintoxicacion/' : href);
    const toRenamed = (href: string) => (href === '/programs/medical-detox/' ? '/es/programs/detox-medica/' : href);
    expect(renderMarkdown(source, { localizeHref: toDetox })).toContain('href="/es/programs/desintoxicacion/"');
    // A new build's localizer (a page renamed): the memo's HTML would link to the old address.
    expect(renderMarkdown(source, { localizeHref: toRenamed })).toContain('href="/es/programs/detox-medica/"');
    const size = markdownMemoSizes().rendered;
    // The same answers from another function (the next build's) reuse the HTML.
    const again = renderMarkdown(source, { localizeHref: (href) => toRenamed(href) });
    expect(again).toContain('href="/es/programs/detox-medica/"');
    expect(markdownMemoSizes().rendered).toBe(size);
    // Without a localizer, the links stay as typed.
    expect(renderMarkdown(source)).toContain('href="/programs/medical-detox/"');
  });

  it('remembers plain text by text and phone', () => {
    const source = unique('Call {phone}.');
    const before = markdownMemoSizes().plainText;
    expect(markdownToPlainText(source, { phone })).toContain('Call (949) 694-8305.');
    expect(markdownToPlainText(source, { phone })).toContain('Call (949) 694-8305.');
    expect(markdownToPlainText(source)).toContain('Call {phone}.');
    expect(markdownMemoSizes().plainText).toBe(before + 2);
  });

  it("gives each caller its own list of a text's images", () => {
    const source = unique('![A view](/uploads/view.jpg)');
    const first = markdownImagesOf(source);
    first[0]!.alt = 'changed';
    first.push({ href: '/uploads/other.jpg', alt: 'other' });
    expect(markdownImagesOf(source)).toEqual([{ href: '/uploads/view.jpg', alt: 'A view' }]);
  });
});
