import { connect } from 'node:net';
import { request } from 'undici';

export type HealthResult = { ok: true; ms: number } | { ok: false; reason: string };

const POLL_MS = 25;
const ATTEMPT_TIMEOUT_MS = 2_000;

/**
 * Polls until the instance answers: an HTTP 2xx on `path` when the component has a health
 * check, a TCP connection otherwise. Gives up at the deadline, on abort, or as soon as
 * `exited()` reports the process is gone (a crash on boot fails fast).
 */
export async function waitHealthy(opts: {
  port: number;
  path?: string;
  timeoutMs: number;
  exited: () => string | null;
  signal?: AbortSignal;
}): Promise<HealthResult> {
  const t0 = Date.now();
  let last = 'no answer yet';
  while (Date.now() - t0 < opts.timeoutMs) {
    const gone = opts.exited();
    if (gone) return { ok: false, reason: `the process exited during startup (${gone})` };
    if (opts.signal?.aborted) return { ok: false, reason: 'cancelled' };
    const left = Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, opts.timeoutMs - (Date.now() - t0)));
    const result = opts.path ? await httpProbe(opts.port, opts.path, left) : await tcpProbe(opts.port, left);
    if (result === null) return { ok: true, ms: Date.now() - t0 };
    last = result;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const gone = opts.exited();
  if (gone) return { ok: false, reason: `the process exited during startup (${gone})` };
  return { ok: false, reason: `no healthy answer within ${Math.round(opts.timeoutMs / 1000)} s (last: ${last})` };
}

/** null when healthy, otherwise what was seen. */
async function httpProbe(port: number, path: string, timeoutMs: number): Promise<string | null> {
  try {
    const res = await request(`http://127.0.0.1:${port}${path}`, {
      method: 'GET',
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      headers: { 'user-agent': 'slipway-health', connection: 'close' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body.dump();
    return res.statusCode >= 200 && res.statusCode < 300 ? null : `GET ${path} answered ${res.statusCode}`;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ECONNREFUSED') return `connection refused on port ${port}`;
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError') return `GET ${path} did not answer within ${timeoutMs} ms`;
    return `GET ${path} failed: ${(err as Error).message}`;
  }
}

function tcpProbe(port: number, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    const timer = setTimeout(() => finish(`no connection within ${timeoutMs} ms`), timeoutMs);
    const finish = (r: string | null): void => {
      clearTimeout(timer);
      s.destroy();
      resolve(r);
    };
    s.once('connect', () => finish(null));
    s.once('error', (e) => finish(`port ${port}: ${e.message}`));
  });
}
