import { loadRuntimeEnv } from '../src/env/runtime-env';

type Env = (key: string, fallback?: string) => string;

export default ({ env }: { env: Env }) => {
  loadRuntimeEnv();
  return {
    'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
  };
};
