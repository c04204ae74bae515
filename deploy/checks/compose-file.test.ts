import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  collectStrings,
  composeFileSchema,
  environmentEntries,
  findLiteralSecrets,
  findPublicPorts,
  findReferences,
  findUnpinnedImages,
  findUnsupervisedServices,
  interpolate,
  isPinnedImage,
  listPublishedPorts,
  readComposeFile,
  type ComposeFile,
} from './compose-file.ts';
import { documentedVariables } from './env-reads.ts';

const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const compose = readComposeFile(join(ROOT_DIR, 'docker-compose.yml'));
const composeText = readFileSync(join(ROOT_DIR, 'docker-compose.yml'), 'utf8');

/** A compose file from inline YAML, for the checks' own cases. */
const composeOf = (yaml: string): ComposeFile => composeFileSchema.parse(parse(yaml));

describe('docker-compose.yml', () => {
  it('parses, with the four services of the stack', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['cms', 'postgres', 'publisher', 'web']);
  });

  it('gives every service a healthcheck and a restart policy', () => {
    expect(findUnsupervisedServices(compose)).toEqual([]);
  });

  it('pins every pulled image to a version tag', () => {
    expect(findUnpinnedImages(compose)).toEqual([]);
    expect(compose.services.postgres?.image).toMatch(/^postgres:16\./);
  });

  it('publishes only the web port to other machines; the CMS admin on loopback unless CMS_BIND says', () => {
    expect(findPublicPorts(compose, {}).map((port) => port.service)).toEqual(['web']);
    const cms = listPublishedPorts(compose, {}).filter((port) => port.service === 'cms');
    expect(cms).toEqual([{ service: 'cms', hostIp: '127.0.0.1', published: '1337', target: '1337' }]);
    expect(listPublishedPorts(compose, { CMS_BIND: '10.8.0.1' }).find((p) => p.service === 'cms')?.hostIp).toBe(
      '10.8.0.1',
    );
    expect(compose.services.postgres?.ports ?? []).toEqual([]);
    // The publisher publishes only the draft preview, on loopback unless PREVIEW_BIND says.
    const publisher = listPublishedPorts(compose, {}).filter((port) => port.service === 'publisher');
    expect(publisher).toEqual([{ service: 'publisher', hostIp: '127.0.0.1', published: '4323', target: '4323' }]);
  });

  it('holds no literal secret: each comes from the environment, without a fallback', () => {
    expect(findLiteralSecrets(compose)).toEqual([]);
  });

  it('refuses to start without each secret', () => {
    const required = new Set(
      collectStrings(compose)
        .flatMap(findReferences)
        .filter((reference) => reference.required)
        .map((reference) => reference.name),
    );
    for (const secret of ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET']) {
      expect(required, secret).toContain(secret);
    }
    for (const secret of [
      'ENCRYPTION_KEY',
      'REBUILD_SECRET',
      'CMS_TOKEN',
      'CMS_PREVIEW_TOKEN',
      'PREVIEW_SECRET',
      'POSTGRES_PASSWORD',
      'SITE_URL',
    ]) {
      expect(required, secret).toContain(secret);
    }
    // The required ones are exactly those .env.example leaves uncommented, to be filled in.
    const { active } = documentedVariables(readFileSync(join(ROOT_DIR, '.env.example'), 'utf8'));
    expect([...required].sort()).toEqual([...active].sort());
  });

  it('documents every variable it refers to in .env.example', () => {
    const { all } = documentedVariables(readFileSync(join(ROOT_DIR, '.env.example'), 'utf8'));
    const referenced = new Set(collectStrings(compose).flatMap((text) => findReferences(text).map((r) => r.name)));
    expect([...referenced].filter((name) => !all.has(name))).toEqual([]);
  });

  it('waits for Postgres before the CMS, and for a healthy CMS before the publisher', () => {
    expect(compose.services.cms?.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
    expect(compose.services.publisher?.depends_on).toMatchObject({ cms: { condition: 'service_healthy' } });
  });

  it('points the CMS at Postgres and at the publisher, and checks its /_health', () => {
    const env = Object.fromEntries(environmentEntries(compose.services.cms?.environment));
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    expect(env.REBUILD_WEBHOOK_URL).toBe('http://publisher:4322/hooks/strapi');
    expect(env.PUBLISHER_STATUS_URL).toBe('http://publisher:4322/status');
    expect(collectStrings(compose.services.cms?.healthcheck).join(' ')).toContain('http://127.0.0.1:1337/_health');
    expect(collectStrings(compose.services.publisher?.healthcheck).join(' ')).toContain('http://127.0.0.1:4322/status');
  });

  it('shares the builds between publisher (writing) and web (read-only, under /srv/site)', () => {
    expect(compose.services.publisher?.volumes).toContain('site-builds:/data/builds');
    expect(compose.services.web?.volumes).toContain('site-builds:/srv/site:ro');
    expect(compose.services.web?.volumes).toContain('./deploy/nginx/default.conf:/etc/nginx/conf.d/default.conf:ro');
    expect(Object.keys(compose.volumes ?? {}).sort()).toEqual(['cms-data', 'postgres-data', 'site-builds']);
  });

  it('builds the CMS and the publisher from their Dockerfiles at the repository root', () => {
    expect(compose.services.cms?.build).toEqual({ context: '.', dockerfile: 'cms/Dockerfile' });
    expect(compose.services.publisher?.build).toEqual({ context: '.', dockerfile: 'scripts/Dockerfile' });
  });

  it('writes no tab or trailing whitespace that YAML tools disagree on', () => {
    expect(composeText).not.toMatch(/\t| +\n/);
  });
});

describe('compose checks', () => {
  it('interpolate variables as Compose does', () => {
    expect(interpolate('${A:-x}/${B-y}/${C}/$$D/$E', { A: '', B: '', C: 'c', E: 'e' })).toBe('x//c/$D/e');
    expect(() => interpolate('${S:?set S}', {})).toThrow('S: set S');
    expect(() => interpolate('${S:?set S}', { S: '' })).toThrow('S: set S');
    expect(interpolate('${S?set S}', { S: '' })).toBe('');
  });

  it('find a secret written in the file, or given a literal fallback', () => {
    const literal = composeOf(`
services:
  a:
    environment:
      APP_KEYS: abc,def
      REBUILD_SECRET: \${REBUILD_SECRET:-changeme}
      CMS_TOKEN: \${CMS_TOKEN:?required}
      LOG_LEVEL: info
  b:
    environment:
      - SMTP_PASSWORD=hunter2
      - DATABASE_URL=postgres://app:hunter2@db/app
      - OTHER_URL=postgres://app:\${DB_PASSWORD}@db/app
`);
    expect(findLiteralSecrets(literal)).toEqual([
      'a: APP_KEYS',
      'a: REBUILD_SECRET',
      'b: SMTP_PASSWORD',
      'b: password in DATABASE_URL=postgres://app:hunter2@db/app',
    ]);
  });

  it('find ports open to other machines', () => {
    const ports = composeOf(`
services:
  a: { ports: ["8080:80", "127.0.0.1:1337:1337", "0.0.0.0:9000:9000", "[::1]:5000:5000", "\${BIND:-127.0.0.1}:6000:6000"] }
  b: { ports: [{ target: 80, published: 81, host_ip: 127.0.0.1 }, { target: 82, published: 82 }] }
`);
    expect(findPublicPorts(ports, {}).map((p) => `${p.service} ${p.published}`)).toEqual(['a 8080', 'a 9000', 'b 82']);
    expect(findPublicPorts(ports, { BIND: '0.0.0.0' }).map((p) => `${p.service} ${p.published}`)).toContain('a 6000');
  });

  it('find unpinned images and unsupervised services', () => {
    expect(['nginx', 'nginx:latest', 'postgres:16', 'node:22-slim'].filter(isPinnedImage)).toEqual([]);
    expect(['nginx:1.28.0-alpine', 'postgres:16.13-bookworm', `x@sha256:${'a'.repeat(64)}`].every(isPinnedImage)).toBe(
      true,
    );
    const loose = composeOf(`
services:
  a: { image: "redis:7", restart: always }
  b: { build: ., restart: "no", healthcheck: { test: [CMD, "true"] } }
`);
    expect(findUnpinnedImages(loose)).toEqual(['a: redis:7']);
    expect(findUnsupervisedServices(loose)).toEqual(['a: no healthcheck', 'b: no restart policy']);
  });
});
