import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSite, resolveRequestPath, type SiteIndex } from './site-index.ts';

let dir: string;
let index: SiteIndex;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'site-index-'));
  await mkdir(join(dir, 'faq'), { recursive: true });
  await mkdir(join(dir, 'café'), { recursive: true });
  await mkdir(join(dir, '.git'), { recursive: true });
  await mkdir(join(dir, '.well-known'), { recursive: true });
  for (const name of ['index.html', 'index.html.br', 'index.html.gz', 'faq/index.html', 'café/index.html']) {
    await writeFile(join(dir, name), name);
  }
  await writeFile(join(dir, 'archive.gz'), 'standalone');
  await writeFile(join(dir, '.env'), 'SECRET=1');
  await writeFile(join(dir, '.git', 'config'), 'x');
  await writeFile(join(dir, '.well-known', 'security.txt'), 'Contact: x');
  await symlink('/etc/passwd', join(dir, 'passwd'));
  index = indexSite(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const kindOf = (target: string) => resolveRequestPath(index, target).kind;

describe('indexSite', () => {
  it('folds .br and .gz siblings into their file as variants', () => {
    const home = index.files.get('/index.html');
    expect(Object.keys(home?.variants ?? {})).toEqual(['br', 'gzip']);
    expect(index.files.has('/index.html.br')).toBe(false);
    expect(index.files.has('/archive.gz')).toBe(true);
  });

  it('leaves out dotfiles (but not .well-known) and symbolic links', () => {
    expect(index.files.has('/.env')).toBe(false);
    expect(index.files.has('/.git/config')).toBe(false);
    expect(index.files.has('/.well-known/security.txt')).toBe(true);
    expect(index.files.has('/passwd')).toBe(false);
  });
});

describe('resolveRequestPath', () => {
  it('serves a folder at its slash and its index.html by name', () => {
    expect(kindOf('/')).toBe('file');
    expect(kindOf('/faq/')).toBe('file');
    expect(kindOf('/faq/?q=1')).toBe('file');
    expect(kindOf('/faq/index.html')).toBe('file');
    expect(kindOf('/caf%C3%A9/')).toBe('file');
  });

  it('redirects a folder without its slash to the same host, query kept and made header-safe', () => {
    expect(resolveRequestPath(index, '/faq')).toEqual({ kind: 'redirect', location: '/faq/' });
    expect(resolveRequestPath(index, '/faq?a=1&b')).toEqual({ kind: 'redirect', location: '/faq/?a=1&b' });
    expect(resolveRequestPath(index, '/caf%C3%A9?x=\u00e9')).toEqual({
      kind: 'redirect',
      location: '/caf%C3%A9/?x=%C3%A9',
    });
  });

  it('refuses paths that are empty, dotted, encoded separators, control characters or malformed', () => {
    for (const target of [
      '//faq',
      '//evil.example/faq',
      '/faq//',
      '/./faq/',
      '/../faq/',
      '/%2e%2e/faq/',
      '/%2Ffaq',
      '/%5Cfaq',
      '/\\faq',
      '/faq%00',
      '/faq%0A',
      '/%E0%A4%A',
      '/%',
      'faq/',
      'http://evil.example/faq',
      '*',
    ]) {
      expect(kindOf(target), target).toBe('missing');
    }
  });
});
