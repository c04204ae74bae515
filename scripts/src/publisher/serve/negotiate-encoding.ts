/** The content codings a build is precompressed in (see precompress-assets.ts), best first. */
export const CONTENT_CODINGS = ['br', 'gzip'] as const;
export type ContentCoding = (typeof CONTENT_CODINGS)[number];

const CODING_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
// RFC 9110 §12.4.2: a weight is 0 to 1 with at most three decimals.
const WEIGHT_PARAM = /^\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/i;

/**
 * The weight of each coding named in an `Accept-Encoding` value, by lowercased name. An entry
 * that is not `coding[;q=weight]` is dropped, so a malformed weight never turns into "accepted".
 * A coding named twice keeps its lowest weight.
 */
export function parseAcceptEncoding(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const entry of header.split(',')) {
    const [rawName = '', ...params] = entry.split(';');
    const name = rawName.trim().toLowerCase();
    if (!CODING_NAME.test(name) || params.length > 1) continue;
    let weight = 1;
    if (params[0] !== undefined) {
      const match = WEIGHT_PARAM.exec(params[0]);
      if (!match?.[1]) continue;
      weight = Number(match[1]);
    }
    weights.set(name, Math.min(weight, weights.get(name) ?? 1));
  }
  // x-gzip is gzip (RFC 9110 §8.4.1.3).
  const xGzip = weights.get('x-gzip');
  if (xGzip !== undefined && !weights.has('gzip')) weights.set('gzip', xGzip);
  return weights;
}

/**
 * Picks the coding to send among `available`, or `null` for identity. Without `Accept-Encoding`
 * nothing is compressed. A coding is sent only with a weight above 0 (its own, else `*`'s), the
 * highest weight wins, and ties go to the order of `available`. Identity is the fallback even
 * when the client weighs it 0: RFC 9110 §12.5.3 lets the server send it rather than a 406, and
 * a page is more use than an error.
 */
export function negotiateEncoding(
  header: string | undefined,
  available: readonly ContentCoding[],
): ContentCoding | null {
  if (header === undefined || available.length === 0) return null;
  const weights = parseAcceptEncoding(header);
  const wildcard = weights.get('*') ?? 0;
  // Identity is acceptable unless excluded, but it loses a tie: compressed bytes cost less.
  const identity = weights.get('identity') ?? 0;
  let best: ContentCoding | null = null;
  let bestWeight = 0;
  for (const coding of available) {
    const weight = weights.get(coding) ?? wildcard;
    if (weight > bestWeight && weight >= identity) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}
