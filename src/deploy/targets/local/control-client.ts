import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { EXIT, UserError } from '../../../errors.js';
import type { ControlLine } from './control-protocol.js';
import type { EnvPaths } from './paths.js';

/** Talks to a running agent over its unix socket. */
export class ControlClient {
  constructor(private readonly paths: EnvPaths) {}

  private token(): string {
    return readFileSync(this.paths.token, 'utf8').trim();
  }

  /** GET /status; null when no agent answers within `timeoutMs`. */
  async status<T>(timeoutMs = 2_000): Promise<T | null> {
    try {
      const text = await this.raw('GET', '/status', undefined, timeoutMs, () => undefined);
      return JSON.parse(text) as T;
    } catch {
      return null;
    }
  }

  /** A long operation: streams its log lines to `onLog`, returns its result, rethrows its error. */
  async call<T>(path: '/deploy' | '/rollback' | '/down', body: unknown, onLog: (line: string) => void): Promise<T> {
    let result: T | undefined;
    let failure: ControlLine | undefined;
    let pending = '';
    const take = (chunk: string): void => {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = JSON.parse(pending.slice(0, nl)) as ControlLine;
        pending = pending.slice(nl + 1);
        if ('log' in line) onLog(line.log);
        else if ('result' in line) result = line.result as T;
        else failure = line;
      }
    };
    await this.raw('POST', path, body, 0, take);
    if (failure && 'error' in failure) throw new UserError(failure.error.message, failure.error.exitCode ?? EXIT.failure, failure.error.hint);
    if (result === undefined) throw new UserError(`the ${path.slice(1)} request ended without a result (the agent may have died; see ${this.paths.agentLog})`);
    return result;
  }

  private raw(method: string, path: string, body: unknown, timeoutMs: number, onChunk: (c: string) => void): Promise<string> {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        {
          socketPath: this.paths.socket,
          method,
          path,
          headers: { authorization: `Bearer ${this.token()}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
          // Own connection, no idle timeout: a deploy may be silent for as long as a health check
          // or a hook takes (the global agent would cut it after 5 s of silence).
          agent: false,
          ...(timeoutMs ? { timeout: timeoutMs } : {}),
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            text += c;
            onChunk(c);
          });
          res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`agent answered ${res.statusCode}: ${text}`))));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('agent did not answer in time')));
      req.on('error', reject);
      req.end(payload);
    });
  }
}
