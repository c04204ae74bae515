import { errors } from '@strapi/utils';

interface Ctx {
  method: string;
  path: string;
}

/**
 * Messages Strapi's query builder throws (as plain `Error`s) for a malformed query string:
 * `filters[$and]=x`, `filters[order][$eq]=notanumber`, `filters[order]=x`.
 */
const MALFORMED_QUERY = [
  /^Operator \$\w+ must be an array$/,
  /^Where must be an (array or an )?object$/,
  /^Expected a valid Number, got /,
];
/**
 * PostgreSQL's answers to a value of the wrong shape (invalid text for a type, a number out
 * of range, a bad date or time): the query was wrong, not the server.
 */
const MALFORMED_VALUE_SQLSTATES = new Set(['22P02', '22003', '22007', '22008']);

/** Whether an error thrown while answering a content API read comes from the visitor's query string. */
export function isMalformedQueryError(error: unknown): error is Error {
  if (!(error instanceof Error) || 'status' in error) return false;
  const code = (error as { code?: unknown }).code;
  return (
    MALFORMED_QUERY.some((pattern) => pattern.test(error.message)) ||
    (typeof code === 'string' && MALFORMED_VALUE_SQLSTATES.has(code))
  );
}

/**
 * Reads of the public content API (`GET /api/...`) answer a malformed query string with
 * 400 and Strapi's ValidationError envelope, as Strapi does for the malformations it
 * checks itself, instead of 500: the client sent it wrong, and a 500 would page someone.
 * Sits inside `strapi::errors`, which formats the error.
 */
export default () => async (ctx: Ctx, next: () => Promise<void>) => {
  if (ctx.method !== 'GET' || !ctx.path.startsWith('/api/')) return next();
  try {
    await next();
  } catch (error) {
    if (!isMalformedQueryError(error)) throw error;
    // The message names the operator or the expected type; the visitor's value is not echoed.
    throw new errors.ValidationError(`Invalid query: ${error.message.replace(/, got [\s\S]*$/, '')}`);
  }
};
