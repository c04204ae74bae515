import sharp from 'sharp';
import type { TestCms } from './start-test-cms.ts';

/** A file in the Media Library, as `POST /upload` answers. */
export interface UploadedImage {
  id: number;
  /** Its path on the CMS (`/uploads/...`), which the Markdown toolbar's Image button prefixes with the CMS's origin. */
  url: string;
  width: number;
  height: number;
  /** Strapi's size of the stored original, in KB. */
  size: number;
}

export interface ImageToUpload {
  data: Buffer;
  /** The file name the browser sends. */
  name: string;
  /** Its MIME type, e.g. `image/jpeg`. */
  type: string;
  /** The Media Library's own Alternative text, which an editor may fill in there. */
  alternativeText?: string | undefined;
}

/**
 * Uploads an image through the CMS's real upload API (`POST /upload`, as the admin's Media
 * Library does), as the admin `jwt`: Strapi stores it, makes its formats and, unless Size
 * optimization is off, re-encodes it.
 */
export async function uploadImage(
  cms: Pick<TestCms, 'url'>,
  jwt: string,
  image: ImageToUpload,
): Promise<UploadedImage> {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(image.data)], { type: image.type }), image.name);
  form.append('fileInfo', JSON.stringify({ name: image.name, alternativeText: image.alternativeText }));
  const res = await fetch(`${cms.url}/upload`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${jwt}` },
    body: form,
  });
  if (!res.ok) throw new Error(`upload of ${image.name} failed: ${res.status} ${await res.text()}`);
  const [file] = (await res.json()) as UploadedImage[];
  if (!file) throw new Error(`upload of ${image.name} returned no file`);
  return file;
}

export interface PhotoSize {
  width: number;
  height: number;
}

/** A phone photo: a plain JPEG with the camera's make and the place it was taken (GPS) in its EXIF. */
export function phonePhoto(size: PhotoSize, background: string): Promise<Buffer> {
  return sharp({ create: { ...size, channels: 3, background } })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Camera 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '33/1 32/1 30/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '117/1 47/1 0/1',
      },
    })
    .jpeg()
    .toBuffer();
}

/** `seed`'s own colour: hues far apart for neighbouring seeds, muted as in indoor photos. */
function colourOf(seed: number): { r: number; g: number; b: number } {
  const hue = (seed * 137.508) % 360;
  const [s, l] = [0.35, 0.5];
  const k = (n: number) => (n + hue / 30) % 12;
  const f = (n: number) => l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return { r: Math.round(f(0) * 255), g: Math.round(f(8) * 255), b: Math.round(f(4) * 255) };
}

/**
 * A JPEG that encoders treat like a photograph (quality 85, as phones save them): soft colour
 * fields over `seed`'s own colour, with grey detail and grain at three scales, so no two compress
 * alike and none to almost nothing as a flat colour would. Measured: 3000x2000 is about 0.9 MB,
 * and sharp's default WebP of it 800 px wide about 50 KB, in the range of a photo of a room.
 * Carries a camera make in its EXIF, no GPS.
 */
export async function photoLikeJpeg(size: PhotoSize, seed: number): Promise<Buffer> {
  const { width, height } = size;
  // Each layer is noise drawn small and enlarged: the smaller it is drawn, the softer its shapes.
  const layer = async (divisor: number, sigma: number, colour: boolean) => {
    const noise = await sharp({
      create: {
        width: Math.max(2, Math.round(width / divisor)),
        height: Math.max(2, Math.round(height / divisor)),
        channels: 3,
        // Unused with noise, which sharp's types require all the same.
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma },
      },
    })
      .resize(width, height, { kernel: 'cubic' })
      .toColourspace(colour ? 'srgb' : 'b-w')
      .png({ compressionLevel: 0 })
      .toBuffer();
    return colour ? noise : sharp(noise).toColourspace('srgb').png({ compressionLevel: 0 }).toBuffer();
  };
  const [fields, ...details] = await Promise.all([
    layer(200, 90, true),
    layer(20, 40, false),
    layer(3, 20, false),
    layer(1, 8, false),
  ]);
  if (!fields) throw new Error('no colour layer');
  return sharp({ create: { width, height, channels: 3, background: colourOf(seed) } })
    .composite([
      { input: fields, blend: 'overlay' },
      ...details.map((input) => ({ input, blend: 'soft-light' as const })),
    ])
    .withExif({ IFD0: { Make: 'TestPhone', Model: 'Camera 1' } })
    .jpeg({ quality: 85 })
    .toBuffer();
}
