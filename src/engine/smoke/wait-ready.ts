import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ReadyProbe {
  port: number;
  /** HTTP path that must answer 2xx; without one, any HTTP answer on "/" counts. */
  path?: string;
}

export type ReadyOutcome = { ok: true; status: number; body: string } | { ok: false; reason: string; lastStatus?: number };

/**
 * Polls until the component answers or `deadline` passes. `alive` is asked between tries
 * so a container that exited fails at once instead of at the deadline. Without a health
 * path an HTTP answer of any status is required, not just an accepted connection (a port
 * forwarder accepts connections before the app listens).
 */
export async function waitReady(probe: ReadyProbe, deadline: number, alive: () => Promise<boolean>): Promise<ReadyOutcome> {
  let lastStatus: number | undefined;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await get(probe.port, probe.path ?? '/');
      lastStatus = res.status;
      if (!probe.path || (res.status >= 200 && res.status < 300)) return { ok: true, ...res };
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
    if (!(await alive())) return { ok: false, reason: 'the container exited', ...(lastStatus ? { lastStatus } : {}) };
    await sleep(250);
  }
  return { ok: false, reason: `no ${probe.path ? `2xx from ${probe.path}` : 'HTTP answer'} before the deadline (last: ${lastError})`, ...(lastStatus ? { lastStatus } : {}) };
}

/** One GET on a fresh connection that is closed afterwards: no keep-alive socket delays the stop. */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false, headers: { connection: 'close' }, timeout: 3000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        if (body.length < 200) body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: body.slice(0, 200) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}
