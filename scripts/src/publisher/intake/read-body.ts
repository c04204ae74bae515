import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError } from '../errors.ts';

/**
 * Reads a request body up to `limitBytes`. Past the limit it stops reading (the stream is
 * paused, not drained) and rejects with `BodyTooLargeError`; a declared `Content-Length` over
 * the limit is refused before the first byte.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    return Promise.reject(new BodyTooLargeError(limitBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanup();
        req.pause();
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onClose = (): void => {
      cleanup();
      reject(new Error('request closed before its body was read'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** Whether the request carries a body (chunked, or a non-zero `Content-Length`). */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * For an answer that will not read the request's body: asks Node to close the connection after
 * the response. Otherwise Node reads the unread body to the end to keep the connection alive,
 * and a chunked body never has to end: the 0-byte limit of a page or a 404 would not hold.
 */
export function closeIfBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  if (hasBody(req)) res.setHeader('Connection', 'close');
}
