/** The publisher's environment is missing a variable or holds an invalid value. */
export class PublisherConfigError extends Error {
  override name = 'PublisherConfigError';
}

/** The build command failed: non-zero exit, timeout, or it could not be started. */
export class BuildCommandError extends Error {
  override name = 'BuildCommandError';
}

/** The build was stopped on purpose (the publisher is shutting down). */
export class BuildAbortedError extends Error {
  override name = 'BuildAbortedError';
}

/** The build finished but its output is not a site we can serve; the message names the file. */
export class BuildOutputInvalidError extends Error {
  override name = 'BuildOutputInvalidError';
}

/** A request body went over the hooks listener's limit. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`request body is larger than ${limitBytes} bytes`);
  }
}

/** A listener could not bind its port (in use, or not permitted). */
export class ListenError extends Error {
  override name = 'ListenError';
  constructor(
    readonly listener: 'site' | 'hooks',
    readonly address: string,
    readonly code: string,
  ) {
    super(`${listener} listener could not listen on ${address}: ${code}`);
  }
}

/** Pagefind could not index a finished build; the build does not go live. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}
