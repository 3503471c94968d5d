import { randomBytes } from 'node:crypto';
import { EXIT, UserError } from '../../../../errors.js';
import type { DeployOutcome } from '../../../target.js';
import { runHook, type HookKey } from '../hooks.js';
import { loadRelease } from '../release-store.js';
import { RunningRelease } from '../running-release.js';
import { BakeWatch } from './bake.js';
import type { EnvironmentAgent, Log, Options } from './environment-agent.js';
import { retire } from './retire.js';

/**
 * Blue/green rollout of a release already on disk:
 * BeforeInstall → AfterInstall → commands.release → start on private ports → health check →
 * ApplicationStart → ValidateService → atomic proxy switch → bake (the old release stays warm,
 * the proxy's error rate is watched) → drain + ApplicationStop + stop of the old release.
 * Any failure before the switch leaves the previous release serving; a failure in the bake
 * window switches back to it (automatic rollback).
 */
export async function rolloutRelease(agent: EnvironmentAgent, id: string, port: number, opts: Options, log: Log): Promise<DeployOutcome> {
  const t0 = Date.now();
  const stored = loadRelease(agent.paths, id);
  if (!stored) throw new UserError(`release ${id} is not in ${agent.paths.releases}`, EXIT.usage);
  await agent.ensureProxy(port);

  // A newer deploy ends the current bake: the live release has served well so far.
  if (agent.bake) {
    const ending = agent.bake;
    agent.bake = null;
    ending.cancel();
    agent.route();
  }
  const previous = agent.state.live;
  for (const warm of [...agent.running.keys()]) {
    if (warm !== previous && warm !== id) await retire(agent, warm, { drainMs: 0, hookTimeoutMs: opts.hookTimeoutMs }, log);
  }

  const rec = agent.state.releases.find((r) => r.id === id);
  const entry = { id, createdAt: stored.manifest.createdAt, digest: stored.manifest.digest, ...(stored.manifest.runId ? { runId: stored.manifest.runId } : {}), state: 'pending' as const };
  if (rec) Object.assign(rec, entry, { reason: undefined });
  else agent.state.releases.push(entry);
  agent.state.desired = 'running';
  agent.persist();

  const rr = new RunningRelease(stored, agent.env);
  const deploymentId = `d-${randomBytes(5).toString('hex')}`;
  const fail = async (reason: string): Promise<DeployOutcome> => {
    const tFail = Date.now();
    log(`release ${id} failed: ${reason}`);
    await rr.stop(2_000);
    agent.running.delete(id);
    agent.record(id, { state: 'failed', reason });
    agent.persist();
    const to = agent.state.live;
    log(to ? `release ${to} keeps serving ${agent.url()}` : 'no release is serving');
    return { ok: false, releaseId: id, error: reason, rolledBack: { reason, to, ms: Date.now() - tFail }, durationMs: Date.now() - t0 };
  };

  const problems = rr.problems();
  if (problems.length) return fail(problems.join('; '));

  const hooks = async (key: HookKey, extra: () => Record<string, string> = () => ({})): Promise<string | null> => {
    for (const c of rr.runnable()) {
      const command = c.hooks?.[key];
      if (!command) continue;
      const r = await runHook(key, command, {
        deploymentId,
        application: stored.manifest.spec.name,
        env: agent.env,
        baseEnv: rr.componentEnv(c, { ...extra(), ...(previous ? { SLIPWAY_PREVIOUS_RELEASE: previous } : {}) }),
        cwd: rr.componentDir(c),
        timeoutMs: opts.hookTimeoutMs,
        masker: rr.masker,
        log,
      });
      if (!r.ok) return `${c.name}: ${r.reason}`;
    }
    return null;
  };

  log(`release ${id}: deploying to ${agent.env} (deployment ${deploymentId})`);
  for (const key of ['beforeInstall', 'afterInstall'] as const) {
    const failed = await hooks(key);
    if (failed) return fail(failed);
  }
  for (const c of rr.runnable()) {
    if (!c.commands.release) continue;
    const r = await runHook('afterInstall', c.commands.release, {
      deploymentId, application: stored.manifest.spec.name, env: agent.env, baseEnv: rr.componentEnv(c),
      cwd: rr.componentDir(c), timeoutMs: opts.hookTimeoutMs, masker: rr.masker, log: (l) => log(l.replace('AfterInstall', 'release')),
    });
    if (!r.ok) return fail(`${c.name}: the release command failed (components[].commands.release): ${r.reason}`);
  }

  agent.running.set(id, rr);
  const tStart = Date.now();
  const started = await rr.start({ healthTimeoutMs: opts.healthTimeoutMs, events: agent.events(), logsDir: agent.logsDir(id) });
  if (!started.ok) return fail(`health check: ${started.reason}`);
  const bootMs = Date.now() - tStart;
  log(`release ${id}: ${rr.instances.length} instance(s) healthy in ${bootMs} ms`);

  const privateUrl = (): Record<string, string> => {
    const u = rr.upstreams()[0];
    return u ? { PORT: String(u.port), SLIPWAY_PRIVATE_URL: `http://127.0.0.1:${u.port}` } : {};
  };
  for (const key of ['applicationStart', 'validateService'] as const) {
    const failed = await hooks(key, privateUrl);
    if (failed) return fail(failed);
  }

  agent.switchTo(id, previous, 'warm');
  const switchedMs = Date.now() - t0;
  log(`switched ${agent.url()} to release ${id} (${switchedMs} ms after the deploy began; boot ${bootMs} ms)`);

  const prevRunning = previous ? agent.running.get(previous) : undefined;
  if (!previous || !prevRunning) {
    agent.prune();
    agent.persist();
    return { ok: true, releaseId: id, ...(agent.url() ? { url: agent.url()! } : {}), durationMs: Date.now() - t0 };
  }
  if (opts.bakeMs <= 0) {
    await retire(agent, previous, opts, log);
    agent.prune();
    agent.persist();
    return { ok: true, releaseId: id, ...(agent.url() ? { url: agent.url()! } : {}), durationMs: Date.now() - t0 };
  }

  const bake = new BakeWatch(id, previous, agent.proxy, opts);
  agent.bake = bake;
  agent.route();
  log(`release ${id}: baking for ${Math.round(opts.bakeMs / 1000)} s; ${previous} stays warm for instant rollback`);
  const settled = bake.verdict.then(async (v) => {
    // Cancelled by a newer deploy or a rollback: that operation owns the old release now.
    if (v.ok && v.cancelled) return null;
    if (agent.bake === bake) agent.bake = null;
    if (!v.ok && agent.state.live === id && agent.running.has(previous)) {
      const tRb = Date.now();
      agent.switchTo(previous, id, 'failed', v.reason);
      agent.log(`automatic rollback: release ${id} ${v.reason}; ${previous} is live again`);
      const ms = Date.now() - tRb + v.detectedAfterMs;
      void retire(agent, id, opts, agent.log);
      return { reason: v.reason, to: previous, ms };
    }
    agent.route();
    if (agent.state.live === id) await retire(agent, previous, opts, agent.log);
    agent.prune();
    agent.persist();
    return null;
  });
  const outcome: DeployOutcome = { ok: true, releaseId: id, ...(agent.url() ? { url: agent.url()! } : {}), durationMs: Date.now() - t0 };
  if (!opts.waitForBake) return outcome;
  const rolledBack = await settled;
  if (rolledBack) return { ok: false, releaseId: id, error: rolledBack.reason, rolledBack, ...(agent.url() ? { url: agent.url()! } : {}), durationMs: Date.now() - t0 };
  return { ...outcome, durationMs: Date.now() - t0 };
}
