import { execFile, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';
import { defaultTestToolLocations, findPostgresBinDir, type TestToolLocations } from './find-test-tools.ts';

const execFileAsync = promisify(execFile);

/** The user `initdb` and the server run as when we are root (PostgreSQL refuses root). */
const SERVER_USER = 'postgres';

/** A throwaway PostgreSQL server of our own, on loopback. */
export interface PostgresCluster {
  /** `postgres://clinic:<password>@127.0.0.1:<port>/postgres`, a superuser that may create databases. */
  url: string;
  port: number;
  /** Holds the data directory, the unix socket and the server log; removed by `stop()`. */
  dir: string;
  /** Stops the server at once and deletes its directory. */
  stop(): Promise<void>;
}

/** The cluster could not be created or started; the message carries the tool's output. */
export class PostgresClusterError extends Error {
  override name = 'PostgresClusterError';
}

/** `{ uid, gid }` of a local user, from `id`; undefined when there is no such user. */
function lookUpUser(name: string): { uid: number; gid: number } | undefined {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** A command line, as `SERVER_USER` when we are root. */
function asServerUser(runsAsRoot: boolean, command: string, args: string[]): [string, string[]] {
  return runsAsRoot ? ['runuser', ['-u', SERVER_USER, '--', command, ...args]] : [command, args];
}

async function run(runsAsRoot: boolean, cwd: string, command: string, args: string[]): Promise<void> {
  const [file, argv] = asServerUser(runsAsRoot, command, args);
  try {
    await execFileAsync(file, argv, { cwd });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new PostgresClusterError(`${path.basename(command)} failed: ${String(error)}\n${stdout}${stderr}`);
  }
}

/**
 * Creates a PostgreSQL cluster in a temp directory (`initdb`) and starts it (`pg_ctl`) on a
 * free port on 127.0.0.1, its unix socket in the same directory: no system service, no
 * role to create, nothing left behind after `stop()`. As root, the cluster belongs to the
 * `postgres` user. Durability is off (fsync, full-page writes): the data is thrown away.
 */
export async function startPostgresCluster(
  locations: Pick<TestToolLocations, 'postgresRoot' | 'pathEnv'> = defaultTestToolLocations(),
): Promise<PostgresCluster> {
  const binDir = findPostgresBinDir(locations);
  if (!binDir) {
    throw new PostgresClusterError(
      'No PostgreSQL server binaries (initdb, pg_ctl) found: run `npm run preflight`, or install the postgresql package.',
    );
  }
  const runsAsRoot = process.getuid?.() === 0;
  const owner = runsAsRoot ? lookUpUser(SERVER_USER) : undefined;
  if (runsAsRoot && !owner) {
    throw new PostgresClusterError(
      `Running as root, but there is no "${SERVER_USER}" user to run PostgreSQL as (it refuses root).`,
    );
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-pg-'));
  const dataDir = path.join(dir, 'data');
  const password = crypto.randomBytes(12).toString('hex');
  fs.writeFileSync(path.join(dir, 'password'), `${password}\n`);
  if (owner) {
    fs.chownSync(dir, owner.uid, owner.gid);
    fs.chownSync(path.join(dir, 'password'), owner.uid, owner.gid);
  }
  const pgCtl = path.join(binDir, 'pg_ctl');
  let port = 0;
  let started = false;

  const stopNow = () => {
    if (started) {
      const [file, argv] = asServerUser(runsAsRoot, pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
      spawnSync(file, argv, { cwd: dir, stdio: 'ignore' });
      started = false;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // If the test run dies before its teardown, still leave no server behind.
  process.once('exit', stopNow);

  try {
    await run(runsAsRoot, dir, path.join(binDir, 'initdb'), [
      `--pgdata=${dataDir}`,
      '--username=clinic',
      `--pwfile=${path.join(dir, 'password')}`,
      // Only our own user reaches the socket (it is in our private directory); TCP needs the password.
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    // The port is free when picked but could be taken before the server binds it: try another.
    for (let attempt = 1; !started; attempt++) {
      port = await freePort();
      const options = [
        `-p ${port}`,
        '-c listen_addresses=127.0.0.1',
        `-c unix_socket_directories='${dir}'`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      try {
        await run(runsAsRoot, dir, pgCtl, [
          'start',
          '-D',
          dataDir,
          '-l',
          path.join(dir, 'server.log'),
          '-w',
          '-t',
          '60',
          '-o',
          options,
        ]);
        started = true;
      } catch (error) {
        if (attempt >= 3) {
          const log = fs.readFileSync(path.join(dir, 'server.log'), { encoding: 'utf8', flag: 'a+' });
          throw new PostgresClusterError(`${(error as Error).message}\nserver log:\n${log}`);
        }
      }
    }
  } catch (error) {
    process.removeListener('exit', stopNow);
    stopNow();
    throw error;
  }

  return {
    url: `postgres://clinic:${password}@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async stop() {
      process.removeListener('exit', stopNow);
      try {
        if (started) await run(runsAsRoot, dir, pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
      } finally {
        started = false;
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
