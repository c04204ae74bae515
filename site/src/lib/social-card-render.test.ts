import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cropUpload, renderCard } from './social-card-render.ts';
import type { CardColors } from './social-card.ts';

const COLORS: CardColors = {
  background: '#fbf8f3',
  accent: '#115e59',
  title: '#0f172a',
  name: '#134e4a',
  sun: '#fcd34d',
  waveLight: '#f0fdfa',
  waveDark: '#99f6e4',
};

describe('renderCard', () => {
  it('draws a 1200x630 PNG in the site colours, with the title as dark text on the sand background', async () => {
    const png = await renderCard({
      title: 'Intensive outpatient program',
      clinicName: 'California Detox',
      colors: COLORS,
      resolveFrom: import.meta.url,
    });
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1200, height: 630 });
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => {
      const i = (y * info.width + x) * info.channels;
      return `#${[...data.subarray(i, i + 3)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    };
    expect(pixel(600, 20)).toBe(COLORS.background);
    expect(pixel(600, 620)).toBe(COLORS.accent);
    // The title's glyphs: some pixels of the lower half are as dark as the title colour.
    let dark = 0;
    for (let y = 320; y < 600; y += 2) for (let x = 80; x < 1120; x += 2) if (pixel(x, y) < '#303030') dark += 1;
    expect(dark).toBeGreaterThan(500);
  });
});

describe('cropUpload', () => {
  it('crops any upload to a 1200x630 JPEG without its metadata', async () => {
    const upload = await sharp({ create: { width: 900, height: 1600, channels: 4, background: '#336699' } })
      .withExif({ IFD0: { Copyright: 'Photographer', ImageDescription: 'home address' } })
      .png()
      .toBuffer();
    expect((await sharp(upload).metadata()).exif).toBeDefined();
    const out = await cropUpload(upload, COLORS.background);
    const meta = await sharp(out).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
  });

  it('refuses a file that is not an image', async () => {
    await expect(cropUpload(Buffer.from('<html>not found</html>'), COLORS.background)).rejects.toThrow();
  });
});
