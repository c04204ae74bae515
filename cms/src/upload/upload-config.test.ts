import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import s3Provider from '@strapi/provider-upload-aws-s3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import plugins from '../../config/plugins';
import { readUploadConfig, uploadMediaOrigins, UploadConfigError } from './upload-config';

const s3Env = {
  UPLOAD_PROVIDER: 'aws-s3',
  S3_BUCKET: 'clinic-media',
  S3_REGION: 'eu-central-1',
  S3_ENDPOINT: 'https://s3.example-storage.test',
  S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
  S3_SECRET_ACCESS_KEY: 'example-secret',
  S3_PUBLIC_URL: 'https://media.example-clinic.test/',
};

describe('readUploadConfig', () => {
  it('keeps uploads local (under DATA_DIR) by default, images and PDFs only, at most 10 MiB', () => {
    const config = readUploadConfig({});
    expect(config.provider).toBe('local');
    expect(config.providerOptions).toEqual({});
    expect(config.sizeLimit).toBe(10 * 1024 * 1024);
    expect(config.security.allowedTypes).toEqual(
      expect.arrayContaining(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
    );
    for (const type of ['text/html', 'image/svg+xml', 'application/x-msdownload', 'application/javascript']) {
      expect(config.security.allowedTypes).not.toContain(type);
      expect(config.security.deniedTypes).toContain(type);
    }
  });

  it('takes the size limit from UPLOAD_MAX_BYTES', () => {
    expect(readUploadConfig({ UPLOAD_MAX_BYTES: '2048' }).sizeLimit).toBe(2048);
  });

  it("configures Strapi's S3 provider from the S3_* variables", () => {
    const config = readUploadConfig(s3Env);
    expect(config.provider).toBe('aws-s3');
    expect(config.providerOptions).toEqual({
      baseUrl: 'https://media.example-clinic.test/',
      s3Options: {
        region: 'eu-central-1',
        endpoint: 'https://s3.example-storage.test/',
        forcePathStyle: true,
        credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example-secret' },
        params: { Bucket: 'clinic-media', ACL: undefined },
      },
    });
    // Present but undefined: the provider only sends its default `public-read` ACL when the key is absent.
    expect('ACL' in (config.providerOptions as { s3Options: { params: object } }).s3Options.params).toBe(true);
    expect(config.security).toEqual(readUploadConfig({}).security);
  });

  it("on AWS itself needs only a bucket and a region, leaving credentials to the SDK's chain (IAM role)", () => {
    const config = readUploadConfig({ UPLOAD_PROVIDER: 'aws-s3', S3_BUCKET: 'b', S3_REGION: 'us-east-1' });
    expect(config.providerOptions).toEqual({
      s3Options: { region: 'us-east-1', params: { Bucket: 'b', ACL: undefined } },
    });
  });

  it.each([
    ['an unknown provider', { UPLOAD_PROVIDER: 'ftp' }, /UPLOAD_PROVIDER must be "local" or "aws-s3"/],
    ['S3 without a bucket', { ...s3Env, S3_BUCKET: '' }, /needs S3_BUCKET/],
    ['S3 without a bucket or region', { UPLOAD_PROVIDER: 'aws-s3' }, /needs S3_BUCKET and S3_REGION/],
    ['an access key without its secret', { ...s3Env, S3_SECRET_ACCESS_KEY: '' }, /both S3_ACCESS_KEY_ID and/],
    ['an endpoint that is not a URL', { ...s3Env, S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT must be an http\(s\) URL/],
    ['a public URL that is not http(s)', { ...s3Env, S3_PUBLIC_URL: 'ftp://x' }, /S3_PUBLIC_URL must be/],
    ['a size limit that is not a number', { UPLOAD_MAX_BYTES: '10MB' }, /UPLOAD_MAX_BYTES must be a whole number/],
  ])('refuses %s, naming the variable', (_label, env, message) => {
    expect(() => readUploadConfig(env)).toThrow(UploadConfigError);
    expect(() => readUploadConfig(env)).toThrow(message);
  });
});

describe('uploadMediaOrigins', () => {
  it('adds nothing for local uploads, and the origin uploads are served from for S3', () => {
    expect(uploadMediaOrigins({})).toEqual([]);
    expect(uploadMediaOrigins(s3Env)).toEqual(['https://media.example-clinic.test']);
    expect(uploadMediaOrigins({ ...s3Env, S3_PUBLIC_URL: '' })).toEqual(['https://s3.example-storage.test']);
    expect(uploadMediaOrigins({ UPLOAD_PROVIDER: 'aws-s3', S3_BUCKET: 'b', S3_REGION: 'eu-west-1' })).toEqual([
      'https://b.s3.eu-west-1.amazonaws.com',
      'https://b.s3.amazonaws.com',
    ]);
  });
});

describe('config/plugins.ts', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('gives the upload plugin the provider the environment asks for', () => {
    vi.stubEnv('DATA_DIR', fs.mkdtempSync(path.join(os.tmpdir(), 'plugins-config-')));
    for (const [key, value] of Object.entries(s3Env)) vi.stubEnv(key, value);
    const env = (key: string, fallback?: string) => process.env[key] ?? fallback ?? '';
    const config = plugins({ env }) as { upload: { config: unknown } };
    expect(config.upload.config).toEqual(readUploadConfig(s3Env));
  });
});

describe('the S3 provider with this config', () => {
  it('writes to an S3-compatible endpoint by path, without an ACL header, and links the file from S3_PUBLIC_URL', async () => {
    const requests: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
    // A stand-in for the object store on loopback: it records the request and answers like S3.
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push({
          method: req.method,
          url: req.url,
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        res.writeHead(200, { ETag: '"0123abcd"' }).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const config = readUploadConfig({ ...s3Env, S3_ENDPOINT: `http://127.0.0.1:${port}` });
      const provider = s3Provider.init(config.providerOptions);
      expect(provider.isPrivate()).toBe(false);
      const file = {
        name: 'logo.png',
        hash: 'logo_abc123',
        ext: '.png',
        mime: 'image/png',
        size: 0.01,
        sizeInBytes: 10,
        url: '',
        buffer: Buffer.from('not-really'),
      };
      await provider.upload(file);
      expect(requests).toHaveLength(1);
      const [put] = requests;
      expect(put?.method).toBe('PUT');
      expect(put?.url).toMatch(/^\/clinic-media\/logo_abc123\.png(\?|$)/);
      expect(put?.headers['content-type']).toBe('image/png');
      expect(put?.headers['x-amz-acl']).toBeUndefined();
      expect(put?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE\//);
      expect(put?.body).toContain('not-really');
      expect(file.url).toBe('https://media.example-clinic.test/logo_abc123.png');
    } finally {
      server.close();
    }
  });
});
