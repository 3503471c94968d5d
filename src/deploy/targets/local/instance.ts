import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { forEachMaskedLine, type SecretMasker } from '../../../masking/index.js';
import type { Upstream } from '../../proxy/routes.js';

export interface InstanceSpec {
  instanceId: string;
  release: string;
  component: string;
  replica: number;
  /** Shell command (components[].commands.start). */
  command: string;
  cwd: string;
  env: Record<string, string>;
  /** Private port (PORT) for web components. */
  port?: number;
  logFile: string;
  masker: SecretMasker;
}

export type ExitInfo = { code: number | null; signal: NodeJS.Signals | null };

const MAX_BACKOFF_MS = 10_000;
// Uptime after which a crash counts as new rather than part of a crash loop.
const STABLE_AFTER_MS = 30_000;
const TAIL_LINES = 20;

/**
 * One process of a component: started in its own process group (so `npm start` and the node
 * it spawns stop together), output masked line by line into a log file, and — once
 * supervised — restarted with exponential backoff when it exits on its own.
 */
export class Instance {
  readonly upstream: Upstream | null;
  pid = 0;
  startedAt = 0;
  restarts = 0;
  exit: ExitInfo | null = null;
  private child: ChildProcess | null = null;
  private supervised = false;
  private stopping = false;
  private crashStreak = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly tail: string[] = [];
  private log: WriteStream;
  private exitWaiters: ((e: ExitInfo) => void)[] = [];

  constructor(
    readonly spec: InstanceSpec,
    private readonly hooks: { onRestart?: (i: Instance) => void; onCrash?: (i: Instance, e: ExitInfo) => void; afterRestart?: (i: Instance) => Promise<void> } = {},
  ) {
    this.upstream = spec.port === undefined ? null : { id: spec.instanceId, release: spec.release, port: spec.port, up: false };
    mkdirSync(dirname(spec.logFile), { recursive: true });
    this.log = createWriteStream(spec.logFile, { flags: 'a', mode: 0o600 });
  }

  get running(): boolean {
    return this.child !== null && this.exit === null;
  }

  /** Last lines of output (masked), for error messages. */
  lastLines(): string[] {
    return [...this.tail];
  }

  start(): void {
    this.exit = null;
    const child = spawn('/bin/sh', ['-c', this.spec.command], {
      cwd: this.spec.cwd,
      env: this.spec.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.pid = child.pid ?? 0;
    this.startedAt = Date.now();
    const write = (masked: string): void => {
      this.tail.push(masked);
      if (this.tail.length > TAIL_LINES) this.tail.shift();
      this.log.write(`${masked}\n`);
    };
    forEachMaskedLine(child.stdout!, this.spec.masker, write);
    forEachMaskedLine(child.stderr!, this.spec.masker, write);
    child.on('error', (err) => write(this.spec.masker.mask(`slipway: could not start: ${err.message}`)));
    child.on('exit', (code, signal) => this.exited({ code, signal }));
  }

  /** From now on, an exit the agent did not ask for is restarted with backoff. */
  supervise(): void {
    this.supervised = true;
  }

  waitExit(): Promise<ExitInfo> {
    if (this.exit && !this.restartTimer) return Promise.resolve(this.exit);
    return new Promise((resolve) => this.exitWaiters.push(resolve));
  }

  /** SIGTERM to the process group, SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    this.supervised = false;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    if (this.upstream) this.upstream.up = false;
    if (this.running) {
      const exited = this.waitExit();
      signalGroup(this.pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(this.pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    // Children that ignored the group's SIGTERM are not left behind.
    signalGroup(this.pid, 'SIGKILL');
    await new Promise<void>((resolve) => this.log.end(resolve));
  }

  private exited(info: ExitInfo): void {
    this.exit = info;
    this.child = null;
    if (this.upstream) this.upstream.up = false;
    // What the shell started may outlive it and hold the port a restart needs.
    signalGroup(this.pid, 'SIGKILL');
    this.log.write(`slipway: process exited (${info.signal ?? `code ${info.code}`})\n`);
    if (this.supervised && !this.stopping) {
      this.crashStreak = Date.now() - this.startedAt > STABLE_AFTER_MS ? 1 : this.crashStreak + 1;
      const delay = Math.min(100 * 2 ** (this.crashStreak - 1), MAX_BACKOFF_MS);
      this.hooks.onCrash?.(this, info);
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        if (this.stopping) return this.notifyExit(info);
        this.restarts++;
        this.start();
        this.hooks.onRestart?.(this);
        void this.hooks.afterRestart?.(this);
      }, delay);
      return;
    }
    this.notifyExit(info);
  }

  private notifyExit(info: ExitInfo): void {
    const waiters = this.exitWaiters;
    this.exitWaiters = [];
    for (const w of waiters) w(info);
  }
}

export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  if (pid <= 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
