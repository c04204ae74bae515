import { describe, expect, it } from 'vitest';
import {
  extractMarkdownImages,
  findMarkdownImageProblems,
  findUndescribedImages,
  findUndescribedSocialImages,
  imageFieldsOf,
  socialImageIdsOf,
  uploadPathOf,
} from './image-descriptions';

const file = { id: 7, url: '/uploads/group_room.jpg' };

describe('imageFieldsOf', () => {
  it('finds the image components, whether they repeat, and the Markdown fields', () => {
    expect(
      imageFieldsOf({
        body: { type: 'richtext' },
        heroImage: { type: 'component', component: 'shared.image' },
        photos: { type: 'component', component: 'shared.image', repeatable: true },
        seo: { type: 'component', component: 'shared.seo' },
        summary: { type: 'text' },
      }),
    ).toEqual({
      images: [
        { name: 'heroImage', repeatable: false },
        { name: 'photos', repeatable: true },
      ],
      markdown: ['body'],
      seo: ['seo'],
    });
  });
});

describe('Social images', () => {
  it('reads the chosen file from a populated draft, a bare id and an { id } a save sends', () => {
    expect([...socialImageIdsOf({ seo: { socialImage: { id: 4, url: '/uploads/a.jpg' } } }, ['seo'])]).toEqual([
      ['seo', 4],
    ]);
    expect([...socialImageIdsOf({ seo: { socialImage: 5 } }, ['seo'])]).toEqual([['seo', 5]]);
    expect([...socialImageIdsOf({ seo: { socialImage: { id: 6 } } }, ['seo'])]).toEqual([['seo', 6]]);
    expect([...socialImageIdsOf({ seo: { socialImage: null } }, ['seo'])]).toEqual([]);
    expect([...socialImageIdsOf({ seo: null }, ['seo'])]).toEqual([]);
  });

  it('refuses a file without Alternative text on the Social image field, saying where to write it', () => {
    const files = new Map([
      [4, { name: 'group-room.jpg', alternativeText: null }],
      [5, { name: 'garden.jpg', alternativeText: '  ' }],
      [6, { name: 'front-door.jpg', alternativeText: 'The front door of the clinic' }],
    ]);
    const problems = (id: number) => findUndescribedSocialImages(new Map([['seo', id]]), (i) => files.get(i));
    expect(problems(4)).toEqual([
      {
        path: ['seo', 'socialImage'],
        message: expect.stringMatching(
          /^Social image \(SEO\): group-room\.jpg has no alternative text, .*fill in Alternative text and save, then publish\.$/,
        ) as string,
      },
    ]);
    expect(problems(5)).toHaveLength(1);
    expect(problems(6)).toEqual([]);
    // A file deleted meanwhile is Strapi's relation to clean up, not a description problem.
    expect(problems(7)).toEqual([]);
  });
});

describe('findUndescribedImages', () => {
  const fields = [
    { name: 'heroImage', repeatable: false },
    { name: 'photos', repeatable: true },
  ];

  it('accepts described, decorative and absent images', () => {
    expect(
      findUndescribedImages(
        {
          heroImage: { file, alt: 'Group room with chairs in a circle', decorative: false },
          photos: [
            { file, alt: null, decorative: true },
            { file: null, alt: '' },
          ],
        },
        fields,
      ),
    ).toEqual([]);
    expect(findUndescribedImages({ heroImage: null, photos: [] }, fields)).toEqual([]);
  });

  it('names the hero image, and which photo, when neither alt text nor Decorative is given', () => {
    const problems = findUndescribedImages(
      {
        heroImage: { file, alt: '   ', decorative: false },
        photos: [{ file, alt: 'Garden', decorative: false }, { file: 12 }],
      },
      fields,
    );
    expect(problems).toEqual([
      {
        path: ['heroImage', 'alt'],
        message:
          'Alt (Hero image): describe what the photo shows, or tick Decorative if it adds nothing a visitor needs to know.',
      },
      {
        path: ['photos', 1, 'alt'],
        message:
          'Alt (Photos, photo 2): describe what the photo shows, or tick Decorative if it adds nothing a visitor needs to know.',
      },
    ]);
  });
});

describe('Markdown images', () => {
  it('reads the alt and URL of every image the Image button inserts, titles and angle brackets included', () => {
    expect(
      extractMarkdownImages(
        'Text ![Group room](http://localhost:1337/uploads/room.jpg) and ![ ](</uploads/b.png> "Title") [link](/x/)',
      ),
    ).toEqual([
      { alt: 'Group room', url: 'http://localhost:1337/uploads/room.jpg' },
      { alt: '', url: '/uploads/b.png' },
    ]);
  });

  it('takes the upload path from any origin the admin wrote, and nothing from other paths', () => {
    expect(uploadPathOf('http://cms.internal:1337/uploads/room_ab12.jpg')).toBe('/uploads/room_ab12.jpg');
    expect(uploadPathOf('/uploads/room.jpg')).toBe('/uploads/room.jpg');
    expect(uploadPathOf('https://example.com/images/room.jpg')).toBeNull();
    expect(uploadPathOf('/uploads/')).toBeNull();
  });

  it('refuses an external image and an upload without alt text, naming the field', () => {
    const isUpload = (p: string) => p === '/uploads/room.jpg';
    const problems = findMarkdownImageProblems(
      {
        body: [
          '![Group room](http://localhost:1337/uploads/room.jpg)',
          '![Stock photo](https://example.com/stock.jpg)',
          '![](http://localhost:1337/uploads/room.jpg)',
          '![Deleted](/uploads/gone.jpg)',
        ].join('\n\n'),
      },
      ['body'],
      isUpload,
    );
    expect(problems.map((p) => p.path)).toEqual([['body'], ['body'], ['body']]);
    expect(problems[0]!.message).toBe(
      'Body: the image https://example.com/stock.jpg is not in the Media Library. Upload it there and insert it with the Image button, or remove it.',
    );
    expect(problems[1]!.message).toMatch(/^Body: the image room\.jpg has no description\. Write what it shows/);
    expect(problems[2]!.message).toMatch(/^Body: the image \/uploads\/gone\.jpg is not in the Media Library/);
  });

  it('accepts Markdown with described uploads and no images', () => {
    expect(
      findMarkdownImageProblems({ body: '![Garden path](/uploads/room.jpg)\n\nNo image here.' }, ['body'], () => true),
    ).toEqual([]);
  });
});
