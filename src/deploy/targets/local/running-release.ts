import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { detectEngine } from '../../../engine/detect.js';
import { removeContainer } from '../../../engine/container.js';
import type { Engine } from '../../../engine/types.js';
import type { Component } from '../../../spec/component.js';
import { containerCommand } from './container-instance.js';
import { maskerFor, secretValuesOf, type SecretMasker } from '../../../masking/index.js';
import type { Upstream } from '../../proxy/routes.js';
import { freePort } from '../../../net/free-port.js';
import { waitHealthy } from './health.js';
import { Instance } from './instance.js';
import type { StoredRelease } from './release-store.js';

// What an app inherits from the agent; everything else comes from the environment's config,
// so an app sees the same variables after the agent restarts as after a deploy.
const INHERITED = ['PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SHELL'];
// A worker that stays up this long after starting counts as started.
const WORKER_SETTLE_MS = 1_000;

export interface InstanceEvents {
  onChange: () => void;
  log: (line: string) => void;
}

/** The components of one release, running as supervised processes. */
export class RunningRelease {
  readonly instances: Instance[] = [];
  readonly masker: SecretMasker;
  /** Set when a component runs as a container. */
  engine: Engine | null = null;
  /** Container name per instance id. */
  readonly containers = new Map<string, string>();

  constructor(
    readonly stored: StoredRelease,
    readonly env: string,
  ) {
    const spec = stored.manifest.spec;
    const secretKeys = new Set([...stored.manifest.secretKeys, ...spec.components.flatMap((c) => c.env.filter((e) => e.secret).map((e) => e.name))]);
    this.masker = maskerFor(secretValuesOf(stored.config, secretKeys));
  }

  get id(): string {
    return this.stored.manifest.id;
  }

  /** The component that receives the environment's public traffic (first public web one). */
  get routed(): Component | undefined {
    const web = this.stored.manifest.spec.components.filter((c) => c.kind === 'web');
    return web.find((c) => c.public !== false) ?? web[0];
  }

  upstreams(): Upstream[] {
    const name = this.routed?.name;
    return this.instances.filter((i) => i.spec.component === name && i.upstream).map((i) => i.upstream!);
  }

  componentDir(c: Component): string {
    return join(this.stored.appDir, c.path);
  }

  /** Environment of a component's processes and hooks. */
  componentEnv(c: Component, extra: Record<string, string> = {}): Record<string, string> {
    const base: Record<string, string> = {};
    for (const k of INHERITED) if (process.env[k] !== undefined) base[k] = process.env[k]!;
    return {
      ...base,
      ...this.stored.config,
      SLIPWAY_RELEASE: this.id,
      SLIPWAY_ENV: this.env,
      SLIPWAY_COMPONENT: c.name,
      SLIPWAY_RELEASE_DIR: this.stored.dir,
      ...extra,
    };
  }

  /** Components the local target runs (jobs run through commands.release and hooks instead). */
  runnable(): Component[] {
    return this.stored.manifest.spec.components.filter(
      (c) => c.kind === 'web' || c.kind === 'worker' || (c.kind === 'static' && (c.commands.start || c.deploy?.mode === 'container')),
    );
  }

  /** Problems that make the release impossible to start, with the slipway.yaml key to set. */
  problems(): string[] {
    const out: string[] = [];
    this.stored.manifest.spec.components.forEach((c, i) => {
      if (!this.runnable().includes(c)) return;
      if (c.deploy?.mode === 'container') {
        if (!this.stored.manifest.images[c.name]) {
          out.push(`component "${c.name}" runs as a container (components[${i}].deploy.mode) but the release has no image for it: deploy with --image ${c.name}=REF (the pipeline passes the image it built)`);
        }
      } else if (!c.commands.start) {
        out.push(`component "${c.name}" has no start command: set components[${i}].commands.start in slipway.yaml`);
      }
    });
    return out;
  }

  /** Starts every replica of every runnable component and waits until each is healthy. */
  async start(opts: { healthTimeoutMs: number; events: InstanceEvents; signal?: AbortSignal; logsDir: string }): Promise<{ ok: true } | { ok: false; reason: string }> {
    if (this.runnable().some((c) => c.deploy?.mode === 'container')) {
      try {
        this.engine = await detectEngine({ need: 'run' });
      } catch (err) {
        return { ok: false, reason: (err as Error).message };
      }
    }
    for (const c of this.runnable()) {
      const replicas = c.scale?.minReplicas ?? 1;
      for (let r = 1; r <= replicas; r++) {
        const port = c.kind === 'worker' ? undefined : await freePort();
        const instanceId = randomUUID();
        const env = this.componentEnv(c, {
          ...(port !== undefined ? { PORT: String(port) } : {}),
          SLIPWAY_REPLICA: String(r),
          SLIPWAY_INSTANCE: instanceId,
        });
        const instance = new Instance(
          {
            instanceId,
            release: this.id,
            component: c.name,
            replica: r,
            command: this.commandFor(c, instanceId, port),
            cwd: this.componentDir(c),
            env,
            ...(port !== undefined ? { port } : {}),
            logFile: join(opts.logsDir, `${c.name}-${r}.log`),
            masker: this.masker,
          },
          {
            onRestart: () => opts.events.onChange(),
            onCrash: (i, e) => opts.events.log(`${c.name}#${i.spec.replica} of ${this.id} exited (${e.signal ?? `code ${e.code}`}); restarting`),
            afterRestart: async (i) => {
              const h = await this.health(i, c, 60_000);
              if (h.ok && i.upstream) i.upstream.up = true;
            },
          },
        );
        instance.start();
        this.instances.push(instance);
      }
    }
    opts.events.onChange();
    const results = await Promise.all(this.instances.map((i) => this.health(i, this.componentOf(i), opts.healthTimeoutMs, opts.signal)));
    const failed = results.findIndex((r) => !r.ok);
    if (failed >= 0) {
      const i = this.instances[failed]!;
      const r = results[failed] as { ok: false; reason: string };
      const tail = i.lastLines().slice(-5);
      return { ok: false, reason: `${i.spec.component}#${i.spec.replica}: ${r.reason}${tail.length ? `; last output: ${tail.join(' ⏎ ')}` : ''}` };
    }
    for (const i of this.instances) {
      if (i.upstream) i.upstream.up = true;
      i.supervise();
    }
    return { ok: true };
  }

  async stop(graceMs: number): Promise<void> {
    await Promise.all(this.instances.map((i) => i.stop(graceMs)));
    // --rm removes a container that stopped; one whose engine client was killed is removed here.
    const engine = this.engine;
    if (engine) await Promise.all([...this.containers.values()].map((name) => removeContainer(engine, name).catch(() => undefined)));
  }

  private commandFor(c: Component, instanceId: string, port: number | undefined): string {
    if (c.deploy?.mode !== 'container') return c.commands.start!;
    const app = this.stored.manifest.spec.name;
    const name = `${app.startsWith('slipway-') ? app : `slipway-${app}`}-${this.env}-${instanceId.slice(0, 8)}`;
    this.containers.set(instanceId, name);
    // In the container the app listens on its own port (components[].port); the host side is private.
    const containerPort = c.port ?? port;
    const appEnv = { ...this.stored.config, SLIPWAY_RELEASE: this.id, SLIPWAY_ENV: this.env, SLIPWAY_COMPONENT: c.name, ...(containerPort ? { PORT: String(containerPort) } : {}) };
    return containerCommand({
      engineBin: this.engine!.bin,
      name,
      image: this.stored.manifest.images[c.name]!,
      ...(port !== undefined ? { hostPort: port, containerPort: containerPort! } : {}),
      env: appEnv,
      envFile: join(this.stored.dir, `container-${instanceId.slice(0, 8)}.env`),
      labels: { 'slipway.instance': instanceId, 'slipway.release': this.id },
    });
  }

  private componentOf(i: Instance): Component {
    return this.stored.manifest.spec.components.find((c) => c.name === i.spec.component)!;
  }

  private async health(i: Instance, c: Component, timeoutMs: number, signal?: AbortSignal): Promise<{ ok: true } | { ok: false; reason: string }> {
    const exited = (): string | null => (i.exit ? (i.exit.signal ?? `exit code ${i.exit.code}`) : null);
    if (i.spec.port === undefined) {
      await new Promise((r) => setTimeout(r, WORKER_SETTLE_MS));
      const gone = exited();
      return gone ? { ok: false, reason: `the process exited during startup (${gone})` } : { ok: true };
    }
    return waitHealthy({ port: i.spec.port, ...(c.healthcheck ? { path: c.healthcheck } : {}), timeoutMs, exited, ...(signal ? { signal } : {}) });
  }
}
