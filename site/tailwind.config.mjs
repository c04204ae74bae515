import defaultTheme from 'tailwindcss/defaultTheme';

/**
 * A calm palette: deep sea teal for actions and links, warm sand for surfaces, slate for
 * text. Every text/background pair the site uses is checked for WCAG AA contrast in
 * src/styles/contrast.test.ts; add a pair there when you add one here.
 * @type {import('tailwindcss').Config}
 */
export default {
  // Classes live only in .astro files; scanning .ts would turn words such as "filter" into CSS.
  // Relative to this file, not the cwd: the publisher builds from a work directory of its own.
  content: { relative: true, files: ['./src/**/*.astro'] },
  // No opacity modifiers are used: plain colours instead of a CSS variable per colour rule
  // keep the inlined stylesheet small.
  corePlugins: {
    textOpacity: false,
    backgroundOpacity: false,
    borderOpacity: false,
    divideOpacity: false,
    placeholderOpacity: false,
    ringOpacity: false,
    // Matched by words in component scripts (`levels.filter(...)`), never used as classes.
    filter: false,
    backdropFilter: false,
    transform: false,
  },
  theme: {
    extend: {
      colors: {
        sand: {
          50: '#fbf8f3',
          100: '#f4eee4',
          200: '#e8dece',
          300: '#d6c7ae',
        },
      },
      fontFamily: {
        // System fonts only: nothing is downloaded, nothing shifts when it loads.
        sans: ['system-ui', '-apple-system', '"Segoe UI"', 'Roboto', '"Helvetica Neue"', 'Arial', 'sans-serif'],
        serif: [
          'Charter',
          '"Bitstream Charter"',
          '"Sitka Text"',
          'Cambria',
          'Georgia',
          ...defaultTheme.fontFamily.serif,
        ],
      },
      maxWidth: {
        prose: '65ch',
      },
    },
  },
  plugins: [],
};
