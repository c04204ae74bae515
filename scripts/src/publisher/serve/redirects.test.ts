import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RedirectTable } from '@clinic/shared-types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lookUpRedirect } from './redirect-lookup.ts';
import { SiteHandler, createServedBuild } from './site-server.ts';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

function makeBuild(root: string, name: string, table: RedirectTable | null): string {
  const dir = join(root, name);
  const files: Record<string, string> = {
    'index.html': `<h1>home ${name}</h1>`,
    'programs/iop-new/index.html': `<h1>IOP ${name}</h1>`,
    '404.html': '<h1>Page not found</h1>',
    '410/index.html': '<h1>This page has been removed</h1>',
  };
  if (table) files['_redirects.json'] = JSON.stringify(table);
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

describe('site listener answers from the live build’s redirect table', () => {
  let root: string;
  let server: Server;
  let site: SiteHandler;
  let base: string;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'redirects-'));
    site = new SiteHandler(undefined, [], silent);
    server = createServer(site.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(`${base}${path}`, { redirect: 'manual' });

  it('answers 301 and 302 with the target, 410 with the 410 page, and 404 for the rest', async () => {
    const dir = makeBuild(root, 'b1', {
      redirects: [
        { from: '/programs/iop-old/', status: 301, to: '/programs/iop-new/' },
        { from: '/campaign/', status: 302, to: '/programs/iop-new/' },
        { from: '/removed/', status: 410 },
      ],
    });
    site.setBuilds([createServedBuild('b1', dir)]);

    const moved = await get('/programs/iop-old');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/programs/iop-new/');
    const followed = await get(moved.headers.get('location')!);
    expect(followed.status).toBe(200);

    expect((await get('/campaign/')).status).toBe(302);

    const gone = await get('/removed/');
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('This page has been removed');

    expect((await get('/nothing/')).status).toBe(404);
  });

  it('lets a page win over a redirect from the same path', async () => {
    const dir = makeBuild(root, 'b1', { redirects: [{ from: '/programs/iop-new/', status: 410 }] });
    site.setBuilds([createServedBuild('b1', dir)]);
    expect((await get('/programs/iop-new/')).status).toBe(200);
  });

  it('switches the table with the build', async () => {
    const first = makeBuild(root, 'b1', { redirects: [{ from: '/old/', status: 301, to: '/' }] });
    const second = makeBuild(root, 'b2', { redirects: [] });
    site.setBuilds([createServedBuild('b1', first)]);
    expect((await get('/old/')).status).toBe(301);
    site.setBuilds([createServedBuild('b2', second), createServedBuild('b1', first)]);
    expect((await get('/old/')).status).toBe(404);
  });

  it('serves a build without a table as before, and refuses a malformed table', () => {
    expect(createServedBuild('b0', makeBuild(root, 'b0', null)).redirects.size).toBe(0);
    const bad = makeBuild(root, 'bad', null);
    writeFileSync(join(bad, '_redirects.json'), JSON.stringify({ redirects: [{ from: 'x', status: 307 }] }));
    expect(() => createServedBuild('bad', bad)).toThrow('_redirects.json');
  });
});

describe('lookUpRedirect', () => {
  it('keeps the query unless the target has its own, and never writes a raw control character', () => {
    const lookup = new Map([['/a/', { from: '/a/', status: 301 as const, to: '/b/' }]]);
    expect(lookUpRedirect(lookup, '/a?x=1')).toEqual({ status: 301, location: '/b/?x=1' });
    expect(lookUpRedirect(lookup, '/a/?q=\u00e9')).toEqual({ status: 301, location: '/b/?q=%C3%A9' });
  });
});
