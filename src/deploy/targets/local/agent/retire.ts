import { runHook } from '../hooks.js';
import type { EnvironmentAgent, Log } from './environment-agent.js';

/**
 * Takes a release out of service: waits for its in-flight requests (up to the drain time),
 * runs each component's ApplicationStop hook, stops its processes, and forgets its pools.
 */
export function retire(agent: EnvironmentAgent, id: string, opts: { drainMs: number; hookTimeoutMs: number }, log: Log): Promise<void> {
  // Two paths may retire the same release (a bake ending as a new deploy starts): one does it.
  let pending = agent.retiring.get(id);
  if (!pending) {
    pending = retireOnce(agent, id, opts, log).finally(() => agent.retiring.delete(id));
    agent.retiring.set(id, pending);
  }
  return pending;
}

async function retireOnce(agent: EnvironmentAgent, id: string, opts: { drainMs: number; hookTimeoutMs: number }, log: Log): Promise<void> {
  const rr = agent.running.get(id);
  if (!rr) return;
  const drained = await agent.proxy.drain(id, opts.drainMs);
  if (!drained) log(`release ${id}: requests still in flight after the ${Math.round(opts.drainMs / 1000)} s drain; stopping anyway`);
  for (const c of rr.runnable()) {
    if (!c.hooks?.applicationStop) continue;
    const r = await runHook('applicationStop', c.hooks.applicationStop, {
      deploymentId: `stop-${id}`,
      application: rr.stored.manifest.spec.name,
      env: agent.env,
      baseEnv: rr.componentEnv(c),
      cwd: rr.componentDir(c),
      timeoutMs: opts.hookTimeoutMs,
      masker: rr.masker,
      log,
    });
    if (!r.ok) log(`release ${id}: ${r.reason}; stopping it anyway`);
  }
  await rr.stop(10_000);
  agent.running.delete(id);
  agent.proxy.forget(rr.instances.map((i) => i.spec.port).filter((p): p is number => p !== undefined));
  const rec = agent.state.releases.find((r) => r.id === id);
  if (rec && rec.state !== 'failed' && rec.state !== 'live') rec.state = 'retired';
  agent.persist();
}
