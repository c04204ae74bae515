import { createHash, timingSafeEqual } from 'node:crypto';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Whether an `Authorization` header carries `Bearer <secret>`. Both sides are hashed first so
 * the comparison is constant-time over equal-length digests and leaks neither the secret's
 * content nor its length.
 */
export function isAuthorized(header: string | undefined, secret: string): boolean {
  if (secret.length === 0) return false;
  const match = /^Bearer[ \t]+(.+)$/i.exec(header?.trim() ?? '');
  const presented = match?.[1]?.trim() ?? '';
  // Compare even when the header is missing so timing does not reveal which check failed.
  const equal = timingSafeEqual(digest(presented), digest(secret));
  return equal && presented.length > 0;
}
