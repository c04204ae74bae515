import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SECRET_NAMES } from '@clinic/cms/runtime-env';
import {
  CMS_TEMPLATES_VAR,
  FIRST_BOOT_ENV,
  fetchOnLiveSocket,
  templateFor,
  type CmsTemplates,
} from './start-test-cms.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-template-test-'));
fs.writeFileSync(path.join(dataDir, 'secrets.env'), 'CMS_TOKEN=x\n');
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const templates: CmsTemplates = {
  pid: process.pid,
  templates: { sqlite: { dataDir }, postgres: { dataDir, databaseUrl: 'postgres://u@127.0.0.1:1/clinic_test_x' } },
};
const env = { [CMS_TEMPLATES_VAR]: JSON.stringify(templates) };

describe('templateFor', () => {
  it("starts a CMS from the run's template of its database when its environment changes only later boots", () => {
    expect(templateFor({}, 'sqlite', false, env)).toEqual({ dataDir });
    expect(templateFor({ PUBLISHER_PORT: '4999', SITE_URL: 'http://127.0.0.1:1' }, 'postgres', false, env)).toEqual(
      templates.templates.postgres,
    );
  });

  it('boots on an empty database when asked to, or given anything a first boot writes once', () => {
    expect(templateFor({}, 'sqlite', true, env)).toBeUndefined();
    for (const key of FIRST_BOOT_ENV) expect(templateFor({ [key]: 'x' }, 'sqlite', false, env), key).toBeUndefined();
    expect(FIRST_BOOT_ENV).toEqual(
      expect.arrayContaining(['SEED_ON_EMPTY', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'DATABASE_URL', ...SECRET_NAMES]),
    );
  });

  it('boots on an empty database outside a run that made templates, and fails if a template vanished', () => {
    expect(templateFor({}, 'sqlite', false, {})).toBeUndefined();
    const gone = { ...templates, templates: { sqlite: { dataDir: path.join(dataDir, 'gone') } } };
    expect(() => templateFor({}, 'sqlite', false, { [CMS_TEMPLATES_VAR]: JSON.stringify(gone) })).toThrow(/is gone/);
  });
});

describe('fetchOnLiveSocket', () => {
  /** A server that answers the first request of a connection and closes on its second, unanswered. */
  async function closingServer(): Promise<{ url: string; requests: () => number; close: () => void }> {
    let requests = 0;
    const server = net.createServer((socket) => {
      let seen = 0;
      socket.on('data', () => {
        requests += 1;
        seen += 1;
        if (seen > 1) return void socket.destroy();
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    return { url: `http://127.0.0.1:${port}/`, requests: () => requests, close: () => server.close() };
  }

  it('sends a request again when its kept-alive connection was closed before any answer', async () => {
    const server = await closingServer();
    try {
      expect(await (await fetchOnLiveSocket(server.url, {})).text()).toBe('ok');
      await new Promise((resolve) => setTimeout(resolve, 50));
      // The second request goes out on the same connection, which the server closes unanswered.
      expect(await (await fetchOnLiveSocket(server.url, {})).text()).toBe('ok');
      expect(server.requests()).toBe(3);
    } finally {
      server.close();
    }
  });

  it('does not retry a server that is not there', async () => {
    const server = await closingServer();
    server.close();
    await expect(fetchOnLiveSocket(server.url, {})).rejects.toThrow(TypeError);
  });
});
