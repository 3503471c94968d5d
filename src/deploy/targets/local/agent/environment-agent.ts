import { join } from 'node:path';
import { EXIT, UserError } from '../../../../errors.js';
import type { DeployOptions, DeployOutcome, EnvironmentStatus, ReleaseInfo } from '../../../target.js';
import { ReverseProxy } from '../../../proxy/reverse-proxy.js';
import type { EnvPaths } from '../paths.js';
import { loadRelease, pruneReleases } from '../release-store.js';
import { RunningRelease } from '../running-release.js';
import { readState, writeState, type EnvState, type ReleaseRecord } from '../state.js';
import { BakeWatch } from './bake.js';
import { killOrphans } from './orphans.js';
import { retire } from './retire.js';
import { rolloutRelease } from './rollout.js';

export type Log = (line: string) => void;

export const DEFAULTS = {
  healthTimeoutMs: 30_000,
  drainMs: 30_000,
  bakeMs: 120_000,
  maxErrorRate: 0.05,
  minErrors: 5,
  hookTimeoutMs: 300_000,
} as const;

export function resolveOptions(o: DeployOptions = {}): { [K in keyof typeof DEFAULTS]: number } & { waitForBake: boolean } {
  return {
    healthTimeoutMs: o.healthTimeoutMs ?? DEFAULTS.healthTimeoutMs,
    drainMs: o.drainMs ?? DEFAULTS.drainMs,
    bakeMs: o.bakeMs ?? DEFAULTS.bakeMs,
    maxErrorRate: o.maxErrorRate ?? DEFAULTS.maxErrorRate,
    minErrors: o.minErrors ?? DEFAULTS.minErrors,
    hookTimeoutMs: o.hookTimeoutMs ?? DEFAULTS.hookTimeoutMs,
    waitForBake: o.waitForBake ?? false,
  };
}
export type Options = ReturnType<typeof resolveOptions>;

/**
 * The per-environment agent's brain: owns the proxy, the running releases and state.json.
 * One operation (deploy, rollback, down) at a time; the bake watch and crash restarts run in
 * the background. Every transition is written to state.json before it is reported.
 */
export class EnvironmentAgent {
  state: EnvState;
  readonly proxy = new ReverseProxy();
  readonly running = new Map<string, RunningRelease>();
  bake: BakeWatch | null = null;
  readonly retiring = new Map<string, Promise<void>>();
  private busy: string | null = null;
  readonly notes: string[] = [];

  constructor(
    readonly paths: EnvPaths,
    readonly env: string,
    readonly log: Log,
  ) {
    this.state = readState(paths.state, env);
  }

  /** After a start (first, or after a crash): clear orphans and serve the live release again. */
  async recover(): Promise<void> {
    const killed = await killOrphans(this.state.instances);
    if (killed) this.notes.push(`stopped ${killed} process(es) or container(s) left by a previous agent`);
    this.state.instances = [];
    for (const r of this.state.releases) if (r.state === 'warm') r.state = 'retired';
    for (const r of this.state.releases) if (r.state === 'pending') Object.assign(r, { state: 'failed', reason: 'interrupted (the agent stopped during the deploy)' });
    this.persist();
    if (this.state.desired !== 'running' || !this.state.live) return;
    const stored = loadRelease(this.paths, this.state.live);
    if (!stored) {
      this.notes.push(`live release ${this.state.live} is missing from ${this.paths.releases}`);
      return;
    }
    const rr = new RunningRelease(stored, this.env);
    this.running.set(rr.id, rr);
    const started = await rr.start({ healthTimeoutMs: DEFAULTS.healthTimeoutMs, events: this.events(), logsDir: this.logsDir(rr.id) });
    if (!started.ok) this.notes.push(`live release ${rr.id} did not come back healthy: ${started.reason}`);
    if (this.state.port !== undefined) {
      try {
        await this.ensureProxy(this.state.port);
      } catch (err) {
        this.notes.push((err as Error).message);
      }
    }
    this.route();
    this.persist();
  }

  exclusive<T>(what: string, fn: () => Promise<T>): Promise<T> {
    if (this.busy) {
      return Promise.reject(new UserError(`the ${this.env} environment is busy (${this.busy})`, EXIT.failure, 'wait for it to finish, then try again'));
    }
    this.busy = what;
    return fn().finally(() => {
      this.busy = null;
    });
  }

  deploy(req: { releaseId: string; port: number; options?: DeployOptions }, log: Log): Promise<DeployOutcome> {
    return this.exclusive(`deploying ${req.releaseId}`, () => rolloutRelease(this, req.releaseId, req.port, resolveOptions(req.options), log));
  }

  rollback(req: { to?: string; port: number; options?: DeployOptions }, log: Log): Promise<DeployOutcome> {
    return this.exclusive('rolling back', async () => {
      const t0 = Date.now();
      const opts = resolveOptions(req.options);
      const target = req.to ?? this.state.previous.find((id) => id !== this.state.live && loadRelease(this.paths, id));
      if (!target) throw new UserError(`the ${this.env} environment has no previous release to roll back to`, EXIT.failure, 'list releases with `slipway status`');
      if (!loadRelease(this.paths, target)) {
        const known = this.state.releases.map((r) => r.id).join(', ') || 'none';
        throw new UserError(`release ${target} is not on disk in ${this.paths.releases}`, EXIT.usage, `releases kept: ${known}`);
      }
      if (target === this.state.live) return { ok: true, releaseId: target, url: this.url(), durationMs: Date.now() - t0 };
      // A release being retired right now is not warm any more: wait for it, then start it cold.
      const retiring = this.retiring.get(target);
      if (retiring) await retiring;
      const warm = this.running.get(target);
      if (!warm) {
        log(`release ${target} is not warm: starting it again (blue/green, with hooks)`);
        return rolloutRelease(this, target, req.port, { ...opts, bakeMs: 0 }, log);
      }
      this.bake?.cancel();
      this.bake = null;
      const from = this.state.live;
      await this.ensureProxy(req.port);
      this.switchTo(target, from, 'warm');
      log(`switched ${this.url()} back to warm release ${target} in ${Date.now() - t0} ms`);
      if (from) void this.retireLater(from, opts);
      return { ok: true, releaseId: target, url: this.url(), durationMs: Date.now() - t0 };
    });
  }

  down(log: Log): Promise<void> {
    return this.exclusive('stopping', async () => {
      this.bake?.cancel();
      this.bake = null;
      for (const id of [...this.running.keys()]) await retire(this, id, { drainMs: 5_000, hookTimeoutMs: DEFAULTS.hookTimeoutMs }, log);
      await this.proxy.close();
      this.state.desired = 'stopped';
      this.persist();
      log(`stopped the ${this.env} environment; releases stay in ${this.paths.releases}`);
    });
  }

  /** Stops every process without touching `desired` (SIGTERM of the agent, e.g. at shutdown). */
  async shutdown(): Promise<void> {
    this.bake?.cancel();
    await Promise.all([...this.running.values()].map((r) => r.stop(5_000)));
    this.running.clear();
    this.state.instances = [];
    this.persist();
    await this.proxy.close();
  }

  /** Binds the public port (again, if it changed); a taken port is the user's to fix. */
  async ensureProxy(port: number): Promise<void> {
    if (this.proxy.port === port) return;
    if (this.proxy.port !== null) await this.proxy.close();
    try {
      await this.proxy.listen(port);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE' || (err as NodeJS.ErrnoException).code === 'EACCES') {
        throw new UserError(
          `port ${port} on 127.0.0.1 is already in use by another program; it is the ${this.env} environment's public port (environments.${this.env}.port in slipway.yaml)`,
          EXIT.failure,
          `stop the program listening on ${port}, or set environments.${this.env}.port in slipway.yaml to a free port`,
        );
      }
      throw err;
    }
    this.state.port = port;
  }

  /** Points the proxy at the live release (and the baking release's fallback). Atomic. */
  route(): void {
    const live = this.state.live ? this.running.get(this.state.live) : undefined;
    const fallback = this.bake?.active ? this.running.get(this.bake.previous) : undefined;
    this.proxy.setRoutes({
      live: live ? { release: live.id, upstreams: live.upstreams() } : null,
      fallback: fallback ? { release: fallback.id, upstreams: fallback.upstreams() } : null,
    });
  }

  /** Makes `to` live; `from` (if any) becomes `fromState`. Routes and state.json follow at once. */
  switchTo(to: string, from: string | null, fromState: 'warm' | 'failed', reason?: string): void {
    this.state.live = to;
    this.state.previous = this.state.previous.filter((id) => id !== to && id !== from);
    if (from && fromState === 'warm') this.state.previous.unshift(from);
    this.record(to, { state: 'live' });
    if (from) this.record(from, { state: fromState, ...(reason ? { reason } : {}) });
    this.route();
    this.persist();
  }

  /** Keeps a replaced release warm for the bake window, then retires it. */
  async retireLater(id: string, opts: Options): Promise<void> {
    if (opts.bakeMs > 0) await new Promise((r) => setTimeout(r, opts.bakeMs));
    if (this.state.live === id || !this.running.has(id)) return;
    await retire(this, id, opts, this.log);
  }

  record(id: string, patch: Partial<ReleaseRecord>): void {
    const r = this.state.releases.find((x) => x.id === id);
    if (r) Object.assign(r, patch);
  }

  prune(): void {
    const keep = [this.state.live, ...this.state.previous.slice(0, 1), ...this.running.keys()].filter((x): x is string => Boolean(x));
    const removed = new Set(pruneReleases(this.paths, keep));
    if (removed.size) this.state.releases = this.state.releases.filter((r) => !removed.has(r.id));
    this.state.previous = this.state.previous.filter((id) => !removed.has(id));
  }

  persist(): void {
    this.state.instances = [...this.running.values()].flatMap((rr) =>
      rr.instances
        .filter((i) => i.pid > 0)
        .map((i) => ({
          instanceId: i.spec.instanceId,
          release: rr.id,
          component: i.spec.component,
          replica: i.spec.replica,
          pid: i.pid,
          ...(i.spec.port !== undefined ? { port: i.spec.port } : {}),
          ...(rr.containers.has(i.spec.instanceId) ? { container: rr.containers.get(i.spec.instanceId)! } : {}),
          startedAt: new Date(i.startedAt).toISOString(),
        })),
    );
    writeState(this.paths.state, this.state);
  }

  events(): { onChange: () => void; log: Log } {
    return { onChange: () => this.persist(), log: this.log };
  }

  logsDir(id: string): string {
    return join(this.paths.releases, id, 'logs');
  }

  url(): string | undefined {
    return this.state.port !== undefined ? `http://127.0.0.1:${this.state.port}` : undefined;
  }

  status(): EnvironmentStatus {
    const releases: ReleaseInfo[] = [...this.state.releases].reverse().map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      digest: r.digest,
      state: r.state === 'pending' ? 'failed' : r.state,
      ...(r.runId ? { runId: r.runId } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
    }));
    const instances = [...this.running.values()].flatMap((rr) =>
      rr.instances.map((i) => ({
        release: rr.id,
        component: `${i.spec.component}#${i.spec.replica}`,
        where: i.spec.port !== undefined ? `pid ${i.pid} → 127.0.0.1:${i.spec.port}` : `pid ${i.pid}`,
        state: i.running ? (i.upstream && !i.upstream.up ? 'starting' : `up ${Math.round((Date.now() - i.startedAt) / 1000)} s${i.restarts ? `, ${i.restarts} restart(s)` : ''}`) : 'restarting',
      })),
    );
    const url = this.url();
    return {
      env: this.env,
      target: 'local',
      state: this.state.desired === 'stopped' ? 'stopped' : this.state.live ? 'running' : 'absent',
      ...(url ? { url } : {}),
      live: this.state.live,
      releases,
      instances,
      notes: [...this.notes, ...(this.bake?.active ? [`release ${this.bake.release} is baking; ${this.bake.previous} stays warm for instant rollback`] : [])],
    };
  }
}
