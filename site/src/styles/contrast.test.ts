import colors from 'tailwindcss/colors';
import { describe, expect, it } from 'vitest';
import config from '../../tailwind.config.mjs';

// WCAG 2.1 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const value = hex.replace('#', '');
  const channels = [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const sand = (config.theme?.extend?.colors as Record<string, Record<string, string>>)['sand'] ?? {};
const palette: Record<string, string> = {
  white: '#ffffff',
  'sand-50': sand['50'] ?? '',
  'sand-100': sand['100'] ?? '',
  ...Object.fromEntries(
    (['slate', 'teal', 'emerald', 'amber', 'red'] as const).flatMap((family) =>
      Object.entries(colors[family]).map(([shade, hex]) => [`${family}-${shade}`, hex]),
    ),
  ),
};

const LIGHT = ['white', 'sand-50', 'sand-100'];
/** Every text colour on every surface it appears on; 4.5:1 is AA for body text. */
const TEXT_PAIRS: [fg: string, bg: string][] = [
  ...['slate-900', 'slate-800', 'slate-700', 'slate-600', 'teal-800', 'teal-900'].flatMap((fg) =>
    LIGHT.map((bg): [string, string] => [fg, bg]),
  ),
  ['slate-500', 'white'],
  ['teal-900', 'teal-50'],
  ['white', 'teal-800'],
  ['white', 'teal-900'],
  ['teal-50', 'teal-800'],
  ['white', 'slate-900'],
  ['slate-100', 'slate-900'],
  ['slate-300', 'slate-900'],
  ['white', 'teal-950'],
  ['teal-50', 'teal-950'],
  ['teal-100', 'teal-950'],
  ['emerald-900', 'emerald-50'],
  ['slate-800', 'emerald-50'],
  ['amber-900', 'amber-50'],
  ['slate-800', 'amber-50'],
  // The call-back form: error text, and text in the success box.
  ['red-800', 'white'],
  ['slate-900', 'teal-50'],
];
/** Focus rings and icons: 3:1 against what surrounds them (WCAG 1.4.11). */
const NON_TEXT_PAIRS: [fg: string, bg: string][] = [
  ...LIGHT.map((bg): [string, string] => ['amber-700', bg]),
  ['amber-300', 'slate-900'],
  ['amber-300', 'teal-950'],
  ['amber-300', 'teal-800'],
  ['emerald-800', 'emerald-50'],
  ['amber-800', 'amber-50'],
  ['teal-800', 'white'],
  // Form field borders, idle and invalid.
  ['slate-500', 'white'],
  ['red-700', 'white'],
  ['teal-800', 'teal-50'],
];

describe('colour contrast of the palette', () => {
  it.each(TEXT_PAIRS)('%s text on %s meets AA (4.5:1)', (fg, bg) => {
    expect(contrast(palette[fg] ?? '', palette[bg] ?? '')).toBeGreaterThanOrEqual(4.5);
  });
  it.each(NON_TEXT_PAIRS)('%s on %s meets 3:1 for focus rings and icons', (fg, bg) => {
    expect(contrast(palette[fg] ?? '', palette[bg] ?? '')).toBeGreaterThanOrEqual(3);
  });
  it('computes known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
