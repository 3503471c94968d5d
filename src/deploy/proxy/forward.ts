import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import { endToEndHeaders } from './hop-headers.js';

export type ForwardResult =
  | { kind: 'sent'; status: number }
  /** A 5xx the caller asked to hold back (it will retry elsewhere); nothing reached the client. */
  | { kind: 'held'; status: number }
  | { kind: 'failed'; error: Error; headersSent: boolean };

/**
 * One upstream exchange through undici's dispatcher API: response chunks go straight into the
 * client's response (no intermediate stream, backpressure through pause/resume), which is what
 * keeps the proxy's per-request cost low. Never rejects.
 */
export function forward(
  pool: Dispatcher,
  req: IncomingMessage,
  res: ServerResponse,
  opts: { headers: Record<string, string | string[]>; hasBody: boolean; hold5xx: boolean },
): Promise<ForwardResult> {
  return new Promise((resolve) => {
    let status = 0;
    let holding = false;
    let started = false;
    let controller: Dispatcher.DispatchController | null = null;
    const onClientGone = (): void => {
      if (!res.writableFinished) controller?.abort(new Error('client closed the connection'));
    };
    res.once('close', onClientGone);
    pool.dispatch(
      { method: (req.method ?? 'GET') as Dispatcher.HttpMethod, path: req.url ?? '/', headers: opts.headers, body: opts.hasBody ? req : null },
      {
        onRequestStart(c) {
          controller = c;
        },
        onResponseStart(c, statusCode, headers) {
          if (statusCode < 200) return; // 1xx: informational, the final answer follows
          status = statusCode;
          if (statusCode >= 500 && opts.hold5xx) {
            holding = true;
            return;
          }
          started = true;
          res.writeHead(statusCode, endToEndHeaders(headers));
          res.on('drain', () => c.resume());
        },
        onResponseData(c, chunk) {
          if (!holding && !res.write(chunk)) c.pause();
        },
        onResponseEnd() {
          res.off('close', onClientGone);
          if (holding) return resolve({ kind: 'held', status });
          res.end();
          resolve({ kind: 'sent', status });
        },
        onResponseError(_c, error) {
          res.off('close', onClientGone);
          if (started) res.destroy(error);
          resolve({ kind: 'failed', error, headersSent: started });
        },
      },
    );
  });
}
