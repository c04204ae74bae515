/** Settings of the request-a-call endpoint, from the environment. */
export interface FormSettings {
  siteUrl: string;
  rateLimitPoints: number;
  rateLimitWindowSeconds: number;
  minFillMs: number;
  maxBodyBytes: number;
}

const int = (value: string | undefined, fallback: number): number => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
};

export function readFormSettings(env: NodeJS.ProcessEnv): FormSettings {
  return {
    siteUrl: (env.SITE_URL || 'http://localhost:4321').replace(/\/+$/, ''),
    rateLimitPoints: int(env.CALL_REQUEST_RATE_LIMIT, 5),
    rateLimitWindowSeconds: int(env.CALL_REQUEST_RATE_WINDOW_SECONDS, 600),
    minFillMs: int(env.CALL_REQUEST_MIN_FILL_MS, 3000),
    maxBodyBytes: int(env.CALL_REQUEST_MAX_BODY_BYTES, 8 * 1024),
  };
}
