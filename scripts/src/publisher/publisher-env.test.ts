import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PublisherConfigError } from './errors.ts';
import { parsePublisherEnv } from './publisher-env.ts';
import { createDataDir } from './testing/fake-site.ts';

const ROOT = '/repo';

describe('parsePublisherEnv', () => {
  it('fails naming REBUILD_SECRET when it is missing', () => {
    expect(() => parsePublisherEnv({ DATA_DIR: '/nowhere' }, ROOT)).toThrow(PublisherConfigError);
    expect(() => parsePublisherEnv({ DATA_DIR: '/nowhere' }, ROOT)).toThrow(/REBUILD_SECRET is required/);
  });

  it('names an invalid port and shows its value', () => {
    expect(() => parsePublisherEnv({ DATA_DIR: '/nowhere', REBUILD_SECRET: 's', SITE_PORT: 'http' }, ROOT)).toThrow(
      /SITE_PORT .*"http"/,
    );
    expect(() =>
      parsePublisherEnv({ DATA_DIR: '/nowhere', REBUILD_SECRET: 's', PUBLISHER_PORT: '70000' }, ROOT),
    ).toThrow(/PUBLISHER_PORT/);
  });

  it('never shows secret values in errors', () => {
    try {
      parsePublisherEnv({ DATA_DIR: '/nowhere', REBUILD_SECRET: 'hunter2', SITE_URL: 'not a url' }, ROOT);
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/SITE_URL/);
      expect(String(error)).not.toContain('hunter2');
    }
  });

  it('applies the documented defaults', () => {
    const { options } = parsePublisherEnv({ REBUILD_SECRET: 's', SITE_PORT: '' }, ROOT);
    expect(options).toMatchObject({
      dataDir: '/repo/.data',
      sitePort: 4321,
      hooksPort: 4322,
      hooksHost: '127.0.0.1',
      quietMs: 1000,
      maxWaitMs: 10_000,
      buildTimeoutMs: 300_000,
      siteDir: '/repo/site',
    });
  });

  it('gives the site listener SITE_URL as its canonical URL (an https one turns on HSTS)', () => {
    const { options } = parsePublisherEnv({ REBUILD_SECRET: 's', SITE_URL: 'https://www.example-clinic.org' }, ROOT);
    expect(options.canonicalUrl).toBe('https://www.example-clinic.org');
    expect(parsePublisherEnv({ REBUILD_SECRET: 's' }, ROOT).options.canonicalUrl).toBeUndefined();
  });

  it('takes an empty variable as unset, so it does not hide the secret in DATA_DIR/secrets.env', async () => {
    const dataDir = await createDataDir();
    await writeFile(join(dataDir, 'secrets.env'), 'REBUILD_SECRET=from-file\nCMS_TOKEN=token-from-file\n');
    const { options } = parsePublisherEnv({ DATA_DIR: dataDir, REBUILD_SECRET: '', CMS_TOKEN: '' }, ROOT);
    expect(options.rebuildSecret).toBe('from-file');
    expect(options.buildEnv).toMatchObject({ CMS_TOKEN: 'token-from-file' });
  });

  it('reads DATA_DIR/secrets.env, lets the environment override it, and keeps the secret out of the build', async () => {
    const dataDir = await createDataDir();
    await writeFile(join(dataDir, 'secrets.env'), 'REBUILD_SECRET=from-file\nCMS_TOKEN=token-from-file\n');
    const fromFile = parsePublisherEnv({ DATA_DIR: dataDir, PATH: '/bin' }, ROOT);
    expect(fromFile.options.rebuildSecret).toBe('from-file');
    expect(fromFile.options.buildEnv).toMatchObject({ CMS_TOKEN: 'token-from-file', DATA_DIR: dataDir, PATH: '/bin' });

    const overridden = parsePublisherEnv(
      { DATA_DIR: dataDir, REBUILD_SECRET: 'from-env', CMS_URL: 'http://127.0.0.1:1337' },
      ROOT,
    );
    expect(overridden.options.rebuildSecret).toBe('from-env');
    expect(overridden.options.buildEnv).toMatchObject({ CMS_URL: 'http://127.0.0.1:1337' });
    expect(overridden.options.buildEnv).not.toHaveProperty('REBUILD_SECRET');
  });

  it('starts the preview listener with both preview secrets, building with the preview token, and keeps both out of live builds', () => {
    const { options } = parsePublisherEnv(
      {
        DATA_DIR: '/nowhere',
        REBUILD_SECRET: 's',
        CMS_TOKEN: 'live-token',
        CMS_PREVIEW_TOKEN: 'draft-token',
        PREVIEW_SECRET: 'link-key',
        PREVIEW_URL: 'https://preview.example-clinic.test',
        CMS_PUBLIC_URL: 'https://cms.example-clinic.test/admin',
      },
      ROOT,
    );
    expect(options.buildEnv?.CMS_TOKEN).toBe('live-token');
    expect(options.buildEnv?.CMS_PREVIEW_TOKEN).toBeUndefined();
    expect(options.buildEnv?.PREVIEW_SECRET).toBeUndefined();
    expect(options.preview).toMatchObject({
      secret: 'link-key',
      port: 4323,
      host: '127.0.0.1',
      adminOrigins: ['https://cms.example-clinic.test'],
      secureCookie: true,
    });
    expect(options.preview?.buildEnv?.CMS_TOKEN).toBe('draft-token');
    expect(options.preview?.buildEnv?.PREVIEW_SECRET).toBeUndefined();
  });

  it('has no preview listener without its secrets', () => {
    expect(
      parsePublisherEnv({ DATA_DIR: '/nowhere', REBUILD_SECRET: 's', PREVIEW_SECRET: 'k' }, ROOT).options.preview,
    ).toBeUndefined();
  });

  it('takes a relative DATA_DIR and SITE_WORKSPACE_DIR from the repository root', () => {
    const { options } = parsePublisherEnv(
      { REBUILD_SECRET: 's', DATA_DIR: 'tmp/data', SITE_WORKSPACE_DIR: 'other-site' },
      ROOT,
    );
    expect(options.dataDir).toBe('/repo/tmp/data');
    expect(options.siteDir).toBe('/repo/other-site');
  });
});
