import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Where Debian's package (and the official image) put the binary. */
export const NGINX_BINARY = '/usr/sbin/nginx';
const MIME_TYPES = '/etc/nginx/mime.types';

/** A free TCP port on loopback (released just before nginx takes it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** `text` with `from` replaced by `to`, which must occur: the deploy config changed if it does not. */
function replaceRequired(text: string, from: string, to: string): string {
  if (!text.includes(from)) {
    throw new Error(`"${from}" is no longer in deploy/nginx/default.conf: update the test's substitutions`);
  }
  return text.split(from).join(to);
}

export interface NginxSiteOptions {
  /** deploy/nginx/default.conf */
  siteConfig: string;
  /** Stands in for /srv/site (the builds volume). */
  siteRoot: string;
  /** Stands in for the cms service: `127.0.0.1:port`. */
  cmsAddress: string;
  /**
   * Stands in for the publisher's site listener (redirects and 410s): `127.0.0.1:port`.
   * @default a closed port: every missing path is a 404, as when the publisher is down
   */
  publisherAddress?: string | undefined;
  /** A temp folder for nginx's config, pid, logs and temp files. */
  workDir: string;
}

/**
 * The deploy config adapted to run here: same directives, with the container's paths, port
 * and CMS address replaced, inside a main config like the official image's.
 */
export async function writeNginxConfig(options: NginxSiteOptions, port: number): Promise<string> {
  const { workDir } = options;
  let site = readFileSync(options.siteConfig, 'utf8');
  site = replaceRequired(site, 'listen 8080;', `listen 127.0.0.1:${port};`);
  site = replaceRequired(site, '/srv/site', options.siteRoot);
  site = replaceRequired(site, 'http://cms:1337', `http://${options.cmsAddress}`);
  site = replaceRequired(site, 'http://publisher:4321', `http://${options.publisherAddress ?? '127.0.0.1:9'}`);
  await mkdir(join(workDir, 'logs'), { recursive: true });
  await writeFile(join(workDir, 'site.conf'), site);

  // As root, workers drop to an unprivileged user (as in the image); as anyone else they
  // stay that user, and nginx warns that `user` is ignored, so it is left out.
  const runsAsRoot = process.getuid?.() === 0;
  const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8') : '';
  const worker = ['www-data', 'nginx'].find((name) => passwd.includes(`\n${name}:`) || passwd.startsWith(`${name}:`));
  if (runsAsRoot && !worker) throw new Error('no www-data or nginx user for the nginx workers');
  // The workers read the fake builds: the temp folders must be readable to them.
  if (runsAsRoot) await chmod(workDir, 0o755);

  const main = `
${runsAsRoot ? `user ${worker};` : ''}
worker_processes 1;
daemon off;
pid ${join(workDir, 'nginx.pid')};
error_log ${join(workDir, 'logs', 'error.log')} warn;
events { worker_connections 128; }
http {
    include ${MIME_TYPES};
    default_type application/octet-stream;
    sendfile on;
    access_log ${join(workDir, 'logs', 'access.log')};
    client_body_temp_path ${join(workDir, 'client_body')};
    proxy_temp_path ${join(workDir, 'proxy')};
    fastcgi_temp_path ${join(workDir, 'fastcgi')};
    uwsgi_temp_path ${join(workDir, 'uwsgi')};
    scgi_temp_path ${join(workDir, 'scgi')};
    include ${join(workDir, 'site.conf')};
}
`;
  const path = join(workDir, 'nginx.conf');
  await writeFile(path, main);
  return path;
}

function nginxArgs(workDir: string, config: string): string[] {
  return ['-p', workDir, '-c', config, '-e', join(workDir, 'logs', 'error.log')];
}

/** `nginx -t` on the config; resolves with its output, rejects with it when the test fails. */
export async function testNginxConfig(workDir: string, config: string): Promise<string> {
  try {
    const { stderr } = await execFileAsync(NGINX_BINARY, ['-t', ...nginxArgs(workDir, config)]);
    return stderr;
  } catch (error) {
    const output = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`nginx -t rejected the config:\n${output}`);
  }
}

export interface RunningNginx {
  origin: string;
  stop(): Promise<void>;
}

/** Starts nginx in the foreground (a child of this process) and waits until it answers. */
export async function startNginx(workDir: string, config: string, port: number): Promise<RunningNginx> {
  const child: ChildProcess = spawn(NGINX_BINARY, nginxArgs(workDir, config), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      const log = await readFile(join(workDir, 'logs', 'error.log'), 'utf8').catch(() => '');
      throw new Error(`nginx exited with ${child.exitCode}:\n${stderr}\n${log}`);
    }
    const up = await fetch(`${origin}/`, { method: 'HEAD' }).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not answer on ${origin} within 10 s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    origin,
    async stop() {
      if (child.exitCode !== null) return;
      // SIGQUIT: graceful shutdown of master and workers.
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
