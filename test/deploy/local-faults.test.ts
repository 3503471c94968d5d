import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Artifact, DeployOptions } from '../../src/deploy/target.js';
import { localTarget } from '../../src/deploy/targets/local/index.js';
import { freePort } from '../../src/net/free-port.js';
import { envPaths } from '../../src/deploy/targets/local/paths.js';
import type { AppSpec } from '../../src/spec/app-spec.js';
import { nodeHelloSpec, nodeHelloVariant, type Variant } from './node-hello-variants.js';

// Real agent processes, real node-hello processes, real ports. Each test gets its own project.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Exited: no such pid, or a zombie waiting for whoever adopted it to reap it. */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return true;
  }
}

async function project(extra: Parameters<typeof nodeHelloSpec>[1] = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-test-local-'));
  const port = await freePort();
  const spec = nodeHelloSpec(port, extra);
  const lines: string[] = [];
  const base = { projectDir: dir, env: 'dev' };
  cleanups.push(async () => {
    await localTarget.down({ spec, ...base, log: () => undefined });
    rmSync(dir, { recursive: true, force: true });
  });
  const bundle = (variant: Variant, label: string): Artifact => ({ kind: 'bundle', dir: nodeHelloVariant(variant, label, dir), digest: label });
  return {
    dir,
    port,
    spec,
    lines,
    url: `http://127.0.0.1:${port}/`,
    deploy: (artifact: Artifact, options: DeployOptions = {}, over: { spec?: AppSpec; config?: Record<string, string>; secretKeys?: string[] } = {}) =>
      localTarget.deploy({ spec: over.spec ?? spec, ...base, artifact, config: over.config ?? {}, secretKeys: over.secretKeys ?? [], log: (l) => lines.push(l), options: { bakeMs: 0, drainMs: 1_000, ...options } }),
    bundle,
    serving: async () => (await (await fetch(`http://127.0.0.1:${port}/`)).text()).split(' ')[0],
    status: () => localTarget.status({ spec, ...base }),
  };
}

describe('local target: hooks', () => {
  it('runs the CodeDeploy hooks in order with their variables, masks secrets, and rolls back when ValidateService fails', async () => {
    const hook = (event: string) => `echo "${event} $LIFECYCLE_EVENT $DEPLOYMENT_ID $APPLICATION_NAME $DEPLOYMENT_GROUP_NAME" >> "$HOOK_LOG"; echo "token is $API_TOKEN"`;
    const hooks = {
      applicationStop: hook('stop'),
      beforeInstall: hook('before'),
      afterInstall: hook('after'),
      applicationStart: hook('start'),
      validateService: `${hook('validate')} && node -e "fetch(process.env.SLIPWAY_PRIVATE_URL + '/healthz').then((r) => process.exit(r.ok ? 0 : 1))"`,
    };
    const p = await project({ hooks, env: [{ name: 'API_TOKEN', secret: true, required: true }] });
    const hookLog = join(p.dir, 'hooks.log');
    const config = { HOOK_LOG: hookLog, API_TOKEN: 's3cr3t-value-42' };

    const first = await p.deploy(p.bundle('good', 'v1'), {}, { config });
    expect(first, p.lines.join('\n')).toMatchObject({ ok: true });
    const events = readFileSync(hookLog, 'utf8').trim().split('\n').map((l) => l.split(' '));
    expect(events.map((e) => e[0])).toEqual(['before', 'after', 'start', 'validate']);
    expect(events.map((e) => e[1])).toEqual(['BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService']);
    expect(new Set(events.map((e) => e[2])).size).toBe(1);
    expect(events[0]!.slice(3)).toEqual(['node-hello', 'dev']);
    expect(p.lines.join('\n')).toContain('token is ***');
    expect(p.lines.join('\n')).not.toContain('s3cr3t-value-42');

    const failing = { ...p.spec, components: [{ ...p.spec.components[0]!, hooks: { ...hooks, validateService: 'echo "smoke test failed"; exit 3' } }] };
    const second = await p.deploy(p.bundle('good', 'v2'), {}, { config, spec: failing });
    expect(second.ok).toBe(false);
    expect(second.rolledBack).toMatchObject({ to: first.releaseId });
    expect(second.error).toMatch(/ValidateService hook exited with code 3 \(components\[\]\.hooks\.validateService/);
    expect(await p.serving()).toBe('v1');

    const third = await p.deploy(p.bundle('good', 'v3'), {}, { config });
    expect(third.ok).toBe(true);
    expect(await p.serving()).toBe('v3');
    // The replaced release's ApplicationStop ran when it was retired.
    expect(readFileSync(hookLog, 'utf8')).toMatch(/^stop ApplicationStop /m);
  });
});

describe('local target: bad releases', () => {
  it('never switches to a release that crashes on boot, hangs or never listens', async () => {
    const p = await project();
    const good = await p.deploy(p.bundle('good', 'v1'));
    expect(good.ok).toBe(true);
    for (const variant of ['crash-on-boot', 'hangs', 'never-listens'] as const) {
      const o = await p.deploy(p.bundle(variant, variant), { healthTimeoutMs: 1_500 });
      expect(o.ok, variant).toBe(false);
      expect(o.rolledBack?.to).toBe(good.releaseId);
      expect(o.error).toMatch(variant === 'crash-on-boot' ? /exited during startup.*boom: missing configuration/ : /no healthy answer within/);
      expect(await p.serving()).toBe('v1');
    }
    const releases = await localTarget.releases({ spec: p.spec, projectDir: p.dir, env: 'dev' });
    expect(releases.filter((r) => r.state === 'failed')).toHaveLength(3);
  });

  it('rolls back a release that answers 500 during the bake window, and clients see no error', async () => {
    const p = await project();
    expect((await p.deploy(p.bundle('good', 'v1'))).ok).toBe(true);
    let stop = false;
    const statuses = new Map<number, number>();
    const load = (async () => {
      while (!stop) {
        const r = await fetch(p.url);
        await r.text();
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    })();
    const o = await p.deploy(p.bundle('returns-500', 'bad'), { bakeMs: 20_000, waitForBake: true, minErrors: 5 });
    stop = true;
    await load;
    expect(o.ok).toBe(false);
    expect(o.rolledBack?.reason).toMatch(/error rate \d+% .* during the bake window/);
    expect(await p.serving()).toBe('v1');
    expect([...statuses.keys()]).toEqual([200]);
  });
});

describe('local target: supervision and crashes', () => {
  it('restarts an instance that dies, and keeps serving through it', async () => {
    const p = await project({ scale: { minReplicas: 2 } });
    expect((await p.deploy(p.bundle('good', 'v1'))).ok).toBe(true);
    const before = await p.status();
    expect(before.instances).toHaveLength(2);
    const pid = Number(/pid (\d+)/.exec(before.instances[0]!.where)![1]);
    process.kill(-pid, 'SIGKILL');
    for (let i = 0; i < 10; i++) expect(await p.serving()).toBe('v1');
    let restarted = false;
    for (let i = 0; i < 100 && !restarted; i++) {
      const s = await p.status();
      restarted = s.instances.some((x) => /1 restart/.test(x.state) && /^up/.test(x.state));
      if (!restarted) await new Promise((r) => setTimeout(r, 100));
    }
    expect(restarted).toBe(true);
  });

  it('after SIGKILL of the agent, the next command restarts it from state.json and serves the live release again', async () => {
    const p = await project();
    expect((await p.deploy(p.bundle('good', 'v1'))).ok).toBe(true);
    const paths = envPaths(p.dir, 'dev');
    const agentPid = Number(readFileSync(paths.pid, 'utf8'));
    const appPid = Number(/pid (\d+)/.exec((await p.status()).instances[0]!.where)![1]);
    process.kill(agentPid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    await expect(fetch(p.url)).rejects.toThrow();

    const status = await p.status();
    expect(status.notes.join('\n')).toMatch(/was not running \(it died\); restarted it/);
    expect(status.state).toBe('running');
    expect(await p.serving()).toBe('v1');
    expect(Number(readFileSync(paths.pid, 'utf8'))).not.toBe(agentPid);
    // The orphaned app process of the dead agent was stopped, not leaked.
    expect(gone(appPid)).toBe(true);
  });

  it('keeps the last 5 release directories', async () => {
    const p = await project();
    for (let i = 1; i <= 7; i++) expect((await p.deploy(p.bundle('good', `v${i}`))).ok).toBe(true);
    const dirs = readdirSync(envPaths(p.dir, 'dev').releases);
    expect(dirs).toHaveLength(5);
    expect(existsSync(join(envPaths(p.dir, 'dev').releases, (await p.status()).live!, 'app', 'src', 'server.js'))).toBe(true);
  });
});
