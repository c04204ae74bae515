import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleLogger, escapeLogLine } from './logger.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('escapeLogLine', () => {
  it('writes line breaks, escapes and other control characters as visible escapes', () => {
    expect(escapeLogLine('a\nb\r\nc\td')).toBe('a\\nb\\r\\nc\\td');
    expect(escapeLogLine('\u001b[2K\u001b[1Agreen')).toBe('\\u001b[2K\\u001b[1Agreen');
    expect(escapeLogLine('nul\u0000 del\u007f c1\u0085')).toBe('nul\\u0000 del\\u007f c1\\u0085');
    expect(escapeLogLine('ls\u2028ps\u2029')).toBe('ls\\u2028ps\\u2029');
    // Bidirectional overrides can make a log line read differently from what it holds.
    expect(escapeLogLine('a\u202eb\u2066c')).toBe('a\\u202eb\\u2066c');
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    const line = '[hooks] entry.publish api::faq.faq -> build scheduled (café, 🙂)';
    expect(escapeLogLine(line)).toBe(line);
  });
});

describe('consoleLogger', () => {
  it('writes one line per call, whatever the message holds', () => {
    const info = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    consoleLogger.info('[hooks] x\n[publisher] build 1 live');
    consoleLogger.error('boom\r\u001b[2Kforged');
    expect(info).toHaveBeenCalledWith('[hooks] x\\n[publisher] build 1 live');
    expect(error).toHaveBeenCalledWith('boom\\r\\u001b[2Kforged');
  });
});
