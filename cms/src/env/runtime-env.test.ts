import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot, loadRuntimeEnv, parseEnvFile } from './runtime-env';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-env-'));

describe('loadRuntimeEnv', () => {
  it('generates every secret on first run into DATA_DIR/secrets.env, readable only by the owner', () => {
    const env: NodeJS.ProcessEnv = { DATA_DIR: tempDir() };
    const { secretsFile } = loadRuntimeEnv(env);
    const stored = parseEnvFile(fs.readFileSync(secretsFile, 'utf8'));
    for (const key of [
      'APP_KEYS',
      'API_TOKEN_SALT',
      'ADMIN_JWT_SECRET',
      'TRANSFER_TOKEN_SALT',
      'JWT_SECRET',
      'ENCRYPTION_KEY',
      'REBUILD_SECRET',
      'CMS_TOKEN',
      'CMS_PREVIEW_TOKEN',
      'PREVIEW_SECRET',
    ]) {
      expect(stored[key], key).toBeTruthy();
      expect(env[key]).toBe(stored[key]);
    }
    expect(stored.APP_KEYS!.split(',')).toHaveLength(4);
    expect(fs.statSync(secretsFile).mode & 0o077).toBe(0);
    expect(fs.existsSync(path.join(env.DATA_DIR!, 'public', 'uploads'))).toBe(true);
  });

  it('keeps the same secrets on the next run', () => {
    const dataDir = tempDir();
    const first: NodeJS.ProcessEnv = { DATA_DIR: dataDir };
    loadRuntimeEnv(first);
    const second: NodeJS.ProcessEnv = { DATA_DIR: dataDir };
    loadRuntimeEnv(second);
    expect(second.CMS_TOKEN).toBe(first.CMS_TOKEN);
    expect(second.REBUILD_SECRET).toBe(first.REBUILD_SECRET);
  });

  it('lets the environment override a stored secret and records a given one on first run', () => {
    const dataDir = tempDir();
    const first: NodeJS.ProcessEnv = { DATA_DIR: dataDir, CMS_TOKEN: 'given-token' };
    loadRuntimeEnv(first);
    expect(parseEnvFile(fs.readFileSync(path.join(dataDir, 'secrets.env'), 'utf8')).CMS_TOKEN).toBe('given-token');
    const later: NodeJS.ProcessEnv = { DATA_DIR: dataDir, REBUILD_SECRET: 'override' };
    loadRuntimeEnv(later);
    expect(later.REBUILD_SECRET).toBe('override');
    expect(later.CMS_TOKEN).toBe('given-token');
  });

  it('takes a relative DATA_DIR from the repository root', () => {
    const env: NodeJS.ProcessEnv = { DATA_DIR: '.tmp/runtime-env-test' };
    const { dataDir } = loadRuntimeEnv(env);
    expect(dataDir).toBe(path.join(findRepoRoot(), '.tmp/runtime-env-test'));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('parseEnvFile', () => {
  it('reads KEY=value lines, skipping comments and blank lines, keeping = inside values', () => {
    expect(parseEnvFile('# c\n\nA=1\nB=x=y==\n  C = z \n')).toEqual({ A: '1', B: 'x=y==', C: 'z' });
  });
});
