import type { ZodIssue } from 'zod';

/** Base of every failure the Strapi loader reports; catch this to handle them all. */
export abstract class CmsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The CMS could not be reached at all (connection refused, DNS, timeout), even after retrying. */
export class CmsUnreachableError extends CmsError {
  constructor(
    /** The base URL the loader used, i.e. the value of `CMS_URL` or the default. */
    readonly cmsUrl: string,
    /** The request that failed last, method and path. */
    readonly request: string,
    /** How many times the request was tried. */
    readonly attempts: number,
    options: { cause: unknown },
  ) {
    super(
      `Could not reach the CMS at CMS_URL=${cmsUrl} (${request} failed ${attempts} time(s): ${describeCause(options.cause)}). ` +
        'Start the CMS with `npm run start -w cms`, or set CMS_URL to the address it runs on.',
      options,
    );
  }
}

/** The CMS refused the API token (401) or the token may not read this content type (403). */
export class CmsAuthError extends CmsError {
  constructor(
    readonly status: number,
    readonly request: string,
    /** Whether a token was sent at all. */
    readonly hadToken: boolean,
  ) {
    const problem = !hadToken
      ? 'CMS_TOKEN is not set, so the request was sent without a token'
      : status === 401
        ? 'the CMS does not accept the token in CMS_TOKEN (wrong, expired or from another CMS database)'
        : 'the token in CMS_TOKEN may not read this content type (it needs find/findOne permission)';
    super(
      `The CMS refused ${request} with ${status}: ${problem}. ` +
        'Set CMS_TOKEN to the read-only API token: the CMS writes it to DATA_DIR/secrets.env ' +
        '(default .data/secrets.env at the repository root) on its first run.',
    );
  }
}

/** The CMS answered, but not with a usable Strapi response: another non-2xx status, or a body that is not Strapi's envelope. */
export class CmsResponseError extends CmsError {
  constructor(
    readonly request: string,
    /** HTTP status, when the failure is the status itself. */
    readonly status: number | undefined,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(
      `The CMS gave an unusable answer to ${request}${status === undefined ? '' : ` (${status})`}: ${detail}`,
      options,
    );
  }
}

/** One invalid entry: which one, and what is wrong with it. */
export interface InvalidEntry {
  /** The entry as a person finds it in the CMS: its slug, question or documentId. */
  label: string;
  documentId: string | undefined;
  /** Which language version broke, for a localized type: `Spanish version, locale es`. */
  language?: string | undefined;
  issues: readonly ZodIssue[];
}

/**
 * Content in the CMS does not match the shared-types schema (or a single type has nothing
 * published). One error lists every invalid entry of the collection, so an editor can fix
 * them all in one pass.
 */
export class ContentValidationError extends CmsError {
  constructor(
    /** The content type's REST key, e.g. `faqs`. */
    readonly collection: string,
    readonly entries: readonly InvalidEntry[],
    /** Overrides the generated message, for failures that are not field issues. */
    message?: string,
  ) {
    const lines = entries.map((entry) => describeInvalidEntry(collection, entry));
    super(
      message ??
        (lines.length === 1
          ? (lines[0] ?? '')
          : `${lines.length} invalid entries in ${collection}:\n- ${lines.join('\n- ')}`),
    );
  }
}

/**
 * `faqs entry "how-big-are-iop-therapy-groups" (documentId abc): answer: Required; topic: Invalid enum value...`;
 * of a localized type, `faqs entry "tamano-de-los-grupos" (Spanish version, locale es, documentId abc): ...`.
 */
function describeInvalidEntry(collection: string, { label, documentId, language, issues }: InvalidEntry): string {
  const details = [language, documentId === undefined || label === documentId ? undefined : `documentId ${documentId}`];
  const known = details.filter((detail) => detail !== undefined);
  const which = known.length === 0 ? `"${label}"` : `"${label}" (${known.join(', ')})`;
  const problems = issues.map(
    (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(entry)'}: ${issue.message}`,
  );
  return `${collection} entry ${which}: ${problems.join('; ')}`;
}

/** A fetch failure in one line, with the socket error Node's fetch keeps in `cause`. */
export function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause;
  return inner instanceof Error ? `${cause.message}: ${inner.message}` : cause.message;
}
