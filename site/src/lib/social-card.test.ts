import { describe, expect, it } from 'vitest';
import {
  cardAlt,
  cardKey,
  cardTitle,
  cardTitleSize,
  chooseSocialSources,
  socialImagePath,
  socialImageType,
  uploadKey,
  type CardColors,
} from './social-card.ts';

const CLINIC = 'California Detox';
const COLORS: CardColors = {
  background: '#fbf8f3',
  accent: '#115e59',
  title: '#0f172a',
  name: '#134e4a',
  sun: '#fcd34d',
  waveLight: '#f0fdfa',
  waveDark: '#99f6e4',
};
const photo = { url: '/uploads/group_room_3f2a.jpg', alternativeText: 'Our group room, chairs in a circle' };

describe('cardTitle', () => {
  it('drops the " | Clinic" that the page title appends', () => {
    expect(cardTitle('Intensive outpatient program | California Detox', CLINIC)).toBe('Intensive outpatient program');
  });
  it('drops a "Clinic | " that an SEO title starts with', () => {
    expect(cardTitle('California Detox | Detox & Rehab in Laguna Beach, CA', CLINIC)).toBe(
      'Detox & Rehab in Laguna Beach, CA',
    );
  });
  it('keeps a title that does not end with the clinic, whitespace aside', () => {
    expect(cardTitle('  Family\n therapy ', CLINIC)).toBe('Family therapy');
  });
  it('is the clinic name when the title is only the clinic', () => {
    expect(cardTitle('California Detox', CLINIC)).toBe(CLINIC);
  });
  it('treats the clinic name as text, not a pattern', () => {
    expect(cardTitle('FAQ | A+ Care (OC)', 'A+ Care (OC)')).toBe('FAQ');
  });
});

describe('cardAlt', () => {
  it('is a sentence that names the title and the clinic', () => {
    expect(cardAlt('Group therapy | California Detox', CLINIC)).toBe(
      '“Group therapy”, with the name and logo of California Detox.',
    );
  });
  it('names the clinic once when the card shows only its name', () => {
    expect(cardAlt(CLINIC, CLINIC)).toBe('The name and logo of California Detox.');
    expect(cardAlt('Terapia de grupo | California Detox', CLINIC, 'es')).toBe(
      '“Terapia de grupo”, con el nombre y el logotipo de California Detox.',
    );
  });
});

describe('chooseSocialSources', () => {
  const title = 'Group therapy | California Detox';

  it("puts the page's own image first, then the card, then the facility's default image", () => {
    const sources = chooseSocialSources({
      title,
      clinicName: CLINIC,
      pageImage: photo,
      defaultImage: { url: '/uploads/front_door.jpg', alternativeText: 'The front door' },
    });
    expect(sources.map((s) => s.kind)).toEqual(['upload', 'card', 'upload']);
    expect(sources[0]).toMatchObject({ media: photo, alt: 'Our group room, chairs in a circle' });
    expect(sources[1]).toMatchObject({ title: 'Group therapy' });
    expect(sources[2]).toMatchObject({ alt: 'The front door' });
  });

  it('draws a card when the page has no image, and always offers one', () => {
    expect(chooseSocialSources({ title, clinicName: CLINIC }).map((s) => s.kind)).toEqual(['card']);
  });

  it('never shares an upload without alt text: the card takes its place', () => {
    for (const alternativeText of [null, '', '   ']) {
      const sources = chooseSocialSources({
        title,
        clinicName: CLINIC,
        pageImage: { ...photo, alternativeText },
        defaultImage: { url: '/uploads/d.jpg', alternativeText },
      });
      expect(sources.map((s) => s.kind)).toEqual(['card']);
    }
  });

  it('gives every source its alt text', () => {
    const sources = chooseSocialSources({ title, clinicName: CLINIC, pageImage: photo });
    for (const source of sources) expect(source.alt).toMatch(/\w{3}/);
  });
});

describe('cardKey', () => {
  it('is the same for the same title, clinic and colours, so a rebuild finds the cached card', () => {
    expect(cardKey('Group therapy', CLINIC, COLORS)).toBe(cardKey('Group therapy', CLINIC, { ...COLORS }));
  });
  it('changes with the title, the clinic name or a colour', () => {
    const key = cardKey('Group therapy', CLINIC, COLORS);
    expect(cardKey('Family therapy', CLINIC, COLORS)).not.toBe(key);
    expect(cardKey('Group therapy', 'Another Clinic', COLORS)).not.toBe(key);
    expect(cardKey('Group therapy', CLINIC, { ...COLORS, accent: '#000000' })).not.toBe(key);
  });
  it('does not confuse where the title ends and the clinic begins', () => {
    expect(cardKey('a', 'bc', COLORS)).not.toBe(cardKey('ab', 'c', COLORS));
  });
  it('is a file-name-safe hex string', () => {
    expect(cardKey('Group therapy / DBT', CLINIC, COLORS)).toMatch(/^[0-9a-f]{20}$/);
  });
});

describe('uploadKey', () => {
  it('follows the upload URL, which Strapi changes when the file is replaced', () => {
    expect(uploadKey('http://cms:1337/uploads/a_1.jpg')).toBe(uploadKey('http://cms:1337/uploads/a_1.jpg'));
    expect(uploadKey('http://cms:1337/uploads/a_2.jpg')).not.toBe(uploadKey('http://cms:1337/uploads/a_1.jpg'));
  });
});

describe('socialImagePath', () => {
  it('serves cards as PNG and uploads as JPEG under /social/, named by key', () => {
    const [card, upload] = chooseSocialSources({ title: 'FAQ', clinicName: CLINIC, pageImage: photo }).reverse();
    expect(card && socialImageType(card)).toBe('image/png');
    expect(upload && socialImageType(upload)).toBe('image/jpeg');
    expect(socialImagePath('0123abcd', 'image/png')).toBe('/social/0123abcd.png');
    expect(socialImagePath('0123abcd', 'image/jpeg')).toBe('/social/0123abcd.jpg');
  });
  it('gives two pages with the same title one card, and a retitled page a new one', () => {
    const pathOf = (title: string) => socialImagePath(cardKey(cardTitle(title, CLINIC), CLINIC, COLORS), 'image/png');
    expect(pathOf('Search | California Detox')).toBe(pathOf('Search'));
    expect(pathOf('Search | California Detox')).not.toBe(pathOf('Site search | California Detox'));
  });
});

describe('cardTitleSize', () => {
  it('steps down for longer titles', () => {
    const sizes = ['FAQ', 'Intensive outpatient program', 'A'.repeat(40), 'A'.repeat(60)].map(cardTitleSize);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(sizes[0]).toBeGreaterThan(sizes[3] ?? 0);
  });
});
