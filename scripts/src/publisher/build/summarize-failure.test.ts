import { describe, expect, it } from 'vitest';
import { BuildCommandError } from '../errors.ts';
import { summarizeFailure } from './summarize-failure.ts';

describe('summarizeFailure', () => {
  it("takes astro's error message from above its Location block, not a stack frame", () => {
    const output = [
      '[WARN] [strapi-loader] GET /api/faqs failed (fetch failed); retry 4 of 4',
      'Could not reach the CMS at CMS_URL=http://127.0.0.1:1337 (GET /api/faqs failed 5 time(s)).',
      '  Location:',
      '    /work/site/src/loaders/errors.ts:81:28',
      '  Stack trace:',
      '    at requestJson (/work/site/src/loaders/errors.ts:81:28)',
    ];
    expect(summarizeFailure(new BuildCommandError('astro build exited with code 1'), output)).toBe(
      'astro build exited with code 1: Could not reach the CMS at CMS_URL=http://127.0.0.1:1337 (GET /api/faqs failed 5 time(s)).',
    );
  });

  it('falls back to the last line that mentions an error', () => {
    expect(
      summarizeFailure(new BuildCommandError('astro build exited with code 1'), [
        'ok',
        'ContentValidationError: faqs entry "x": answer: Required',
        'done',
      ]),
    ).toBe('astro build exited with code 1: ContentValidationError: faqs entry "x": answer: Required');
  });

  it('keeps the message of failures that are not the build command', () => {
    expect(summarizeFailure(new Error('index.html is missing'), ['Error: something'])).toBe('index.html is missing');
  });

  it('adds nothing when the message already lists every invalid entry that astro printed', () => {
    const message =
      'astro build failed: 2 invalid entries in faqs:\n- faqs entry "a": answer: Required\n- faqs entry "b": topic: Required';
    const output = [
      '- faqs entry "a": answer: Required',
      '- faqs entry "b": topic: Required',
      '  Location:',
      '    x.ts:1:1',
    ];
    expect(summarizeFailure(new BuildCommandError(message), output)).toBe(message);
  });
});
