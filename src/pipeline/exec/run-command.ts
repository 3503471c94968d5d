import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { LineMasker } from '../../masking/line-masker.js';
import type { SecretMasker } from '../../masking/secret-masker.js';
import type { LogWriteError, StepLog } from '../logs/step-log.js';
import { signalGroup } from './process-group.js';

/** How long a stopped command gets between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 5_000;

export interface CommandOptions {
  command: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  log: StepLog;
  masker: SecretMasker;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Called with the process group id once the command runs (recorded for crash recovery). */
  onSpawn?: (pgid: number) => void;
}

export interface CommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  cancelled: boolean;
  /** The shell could not find the program (exit 127 and "not found"). */
  notFound: boolean;
  /** The log could not be written (disk full …): the command was stopped. */
  logError: LogWriteError | null;
}

/**
 * Runs a shell command as the leader of its own process group, so a timeout, a cancel or a
 * full log disk stops everything it started. Output goes line by line, masked, to the step log.
 */
export function runCommand(opts: CommandOptions): Promise<CommandResult> {
  if (!existsSync(opts.cwd)) {
    opts.log.line(`slipway: working directory ${opts.cwd} does not exist`);
    return Promise.resolve({ exitCode: 127, signal: null, timedOut: false, cancelled: false, notFound: true, logError: null });
  }
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', opts.command], { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let timedOut = false;
    let cancelled = false;
    let notFoundLine = false;
    let logError: LogWriteError | null = null;
    let killTimer: NodeJS.Timeout | undefined;

    const stop = () => {
      if (child.pid === undefined) return;
      signalGroup(child.pid, 'SIGTERM');
      killTimer ??= setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), KILL_GRACE_MS);
    };
    const onLine = (line: string) => {
      if (/(^|: )(.*: )?not found$|command not found/.test(line)) notFoundLine = true;
      opts.log.line(line);
      if (opts.log.failed && !logError) {
        logError = opts.log.failed;
        stop();
      }
    };
    const out = new LineMasker(opts.masker, onLine);
    const err = new LineMasker(opts.masker, onLine);
    child.stdout.setEncoding('utf8').on('data', (d: string) => out.write(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => err.write(d));

    const timer = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          stop();
        }, opts.timeoutMs)
      : undefined;
    const onAbort = () => {
      cancelled = true;
      stop();
    };
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (child.pid !== undefined) opts.onSpawn?.(child.pid);

    let settled = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(killTimer);
      opts.signal?.removeEventListener('abort', onAbort);
      out.end();
      err.end();
      // Whatever the command left running in its group goes with it.
      if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
      resolve({ exitCode: code, signal, timedOut, cancelled, notFound: code === 127 && notFoundLine, logError });
    };
    child.on('error', (e) => {
      opts.log.line(`slipway: cannot start /bin/sh: ${e.message}`);
      finish(127, null);
    });
    // 'close' waits for the pipes; a background process holding them open must not hang the
    // step, so 'exit' gives the pipes a short moment and then finishes anyway.
    child.on('close', (code, signal) => finish(code, signal));
    child.on('exit', (code, signal) => {
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(code, signal);
      }, 500).unref();
    });
  });
}
