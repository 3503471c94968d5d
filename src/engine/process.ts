import { execa } from 'execa';
import type { Engine, LineSink } from './types.js';

export interface EngineCommandResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved. */
  all: string;
}

export interface EngineCommandOptions {
  /** Every output line, as it comes (logs, progress). */
  onLine?: LineSink;
  timeoutMs?: number;
  cwd?: string;
}

/**
 * Runs `<engine> args…`. Never throws for a non-zero exit (callers decide what a failure
 * means); throws only when the executable cannot be started. Secrets never appear in
 * `args`: container environments go through --env-file.
 */
export async function engineCommand(engine: Pick<Engine, 'bin'>, args: string[], opts: EngineCommandOptions = {}): Promise<EngineCommandResult> {
  const sub = execa(engine.bin, args, {
    all: true,
    reject: false,
    stdin: 'ignore',
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    ...(opts.timeoutMs ? { timeout: opts.timeoutMs, killSignal: 'SIGKILL' as const } : {}),
  });
  if (opts.onLine) {
    const onLine = opts.onLine;
    for await (const line of sub.iterable({ from: 'all' })) onLine(line);
  }
  const r = await sub;
  if (r.failed && r.exitCode === undefined && !r.timedOut) throw new Error(`${engine.bin}: ${r.shortMessage}`);
  return { code: r.timedOut ? 124 : (r.exitCode ?? 1), stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), all: String(r.all ?? '') };
}

/** Like engineCommand, but a non-zero exit is an error that carries the engine's message. */
export async function engineOk(engine: Pick<Engine, 'bin'>, args: string[], opts: EngineCommandOptions = {}): Promise<string> {
  const r = await engineCommand(engine, args, opts);
  if (r.code !== 0) throw new EngineCommandError(engine.bin, args, r);
  return r.stdout.trim();
}

export class EngineCommandError extends Error {
  constructor(
    readonly bin: string,
    readonly args: string[],
    readonly result: EngineCommandResult,
  ) {
    const why = lastLines(result.all || result.stderr, 3).join(' | ') || `exit code ${result.code}`;
    super(`${bin} ${args.slice(0, 2).join(' ')} failed: ${why}`);
    this.name = 'EngineCommandError';
  }
}

export function lastLines(text: string, n: number): string[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(-n);
}
