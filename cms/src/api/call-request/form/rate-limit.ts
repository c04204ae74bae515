import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the next post is accepted (only when refused). */
  retryAfterSeconds: number;
}

/** Per-client limit on form posts, kept in memory (one CMS process; see README for several). */
export function createFormRateLimiter({ points, durationSeconds }: { points: number; durationSeconds: number }) {
  const limiter = points > 0 ? new RateLimiterMemory({ points, duration: durationSeconds }) : null;
  return async function consume(key: string): Promise<RateLimitDecision> {
    if (!limiter) return { allowed: true, retryAfterSeconds: 0 };
    try {
      await limiter.consume(key);
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      throw rejection;
    }
  };
}
