import { loadRuntimeEnv } from '../src/env/runtime-env';

type Env = { (key: string, fallback?: string): string; bool(key: string, fallback?: boolean): boolean };

export default ({ env }: { env: Env }) => {
  loadRuntimeEnv();
  return {
    auth: { secret: env('ADMIN_JWT_SECRET') },
    apiToken: { salt: env('API_TOKEN_SALT') },
    transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
    secrets: { encryptionKey: env('ENCRYPTION_KEY') },
    flags: { nps: false, promoteEE: false },
    // Tests and headless CI boot the API without the admin bundle.
    serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
  };
};
