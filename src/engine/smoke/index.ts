import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadEnvironmentConfig } from '../../deploy/config.js';
import { maskerFor, secretValuesOf, type SecretMasker } from '../../masking/index.js';
import { EXIT, UserError } from '../../errors.js';
import { containerPort } from '../../render/docker/layout.js';
import type { AppSpec } from '../../spec/app-spec.js';
import type { Component, Service } from '../../spec/component.js';
import { containerLogs, containerState, createNetwork, removeContainer, removeNetwork, runContainer, runHealthcheck, stopContainer, type StopResult } from '../container.js';
import { imageUser } from '../image.js';
import { LogFile } from '../log-file.js';
import type { Engine, LineSink } from '../types.js';
import { startService, wiredEnv, type StartedService } from './backing-services.js';
import { freePort, portIsFree } from '../../net/free-port.js';
import { waitReady } from './wait-ready.js';

export interface SmokeOptions {
  projectDir: string;
  spec: AppSpec;
  engine: Engine;
  /** Environment whose config the containers get (config/<env>.env …). */
  env: string;
  /** Image per component name. */
  images: Record<string, string>;
  components?: string[];
  /** Seconds between the stop signal and SIGKILL (docker's default is 10). */
  graceSeconds?: number;
  /** How long a component may take to answer. */
  readyTimeoutMs?: number;
  /** Container name prefix ("slipway-smoke"); tests use "slipway-test". */
  namePrefix?: string;
  processEnv?: NodeJS.ProcessEnv;
  /** Progress lines (secrets masked). */
  onLine?: LineSink;
}

export interface ComponentSmoke {
  component: string;
  image: string;
  ok: boolean;
  /** Where it answered on this machine. */
  url?: string;
  status?: number;
  reason?: string;
  /** The image's own HEALTHCHECK, run inside the container once the app answered. */
  healthcheck?: 'healthy' | 'unhealthy' | 'starting' | 'none';
  /** The user the image runs as ("" = root). */
  user?: string;
  /** The container's last log lines when it failed (secrets masked). */
  lastLogs: string[];
  stop?: StopResult;
}

export interface SmokeResult {
  ok: boolean;
  components: ComponentSmoke[];
  services: StartedService[];
  skipped: { component: string; why: string }[];
  log: string;
}

/**
 * `slipway smoke`: runs each web component's image with the environment's config and its
 * backing services, waits for the health endpoint (or an HTTP answer on the port), runs
 * the image's HEALTHCHECK, then stops it and reports how the stop went. Everything it
 * starts is removed, whatever happens.
 */
export async function smokeTest(opts: SmokeOptions): Promise<SmokeResult> {
  const { engine, spec } = opts;
  if (!engine.canRun) throw new UserError(`${engine.name} builds images but cannot run containers`, EXIT.failure, 'install podman or docker for `slipway smoke`');
  const config = loadEnvironmentConfig(opts.projectDir, spec, opts.env, opts.processEnv ?? process.env);
  const masker = maskerFor(secretValuesOf(config.values, config.secretKeys));
  const log = new LogFile(opts.projectDir, `smoke-${opts.env}`, (l) => masker.mask(l));
  const say = (line: string) => {
    log.line(line);
    opts.onLine?.(masker.mask(line));
  };
  const prefix = `${opts.namePrefix ?? 'slipway-smoke'}-${spec.name}-${randomBytes(3).toString('hex')}`.slice(0, 60);
  const network = `${prefix}-net`;
  const selected = spec.components.filter((c) => !opts.components || opts.components.includes(c.name));
  const testable = selected.filter((c) => c.kind === 'web' || c.kind === 'static');
  const skipped = selected.filter((c) => !testable.includes(c)).map((c) => ({ component: c.name, why: `${c.kind}: no port to probe` }));
  const containers: string[] = [];
  const started: { started: StartedService; password: string }[] = [];
  const results: ComponentSmoke[] = [];
  let networkCreated = false;
  try {
    const services = uniqueServices(testable);
    if (services.length) {
      await createNetwork(engine, network);
      networkCreated = true;
    }
    for (const s of services) {
      const svc = await startService(engine, s, testable, config.values, { network, prefix, env: opts.env }, say);
      if (svc.started.container) containers.push(svc.started.container);
      started.push(svc);
    }
    const hostNetwork = started.some((s) => s.started.onHostLoopback);
    for (const c of testable) {
      const image = opts.images[c.name];
      if (!image) throw new UserError(`no image for component ${c.name}`, EXIT.failure, 'run `slipway build` first');
      const result = await smokeOne(c, image, { ...opts, config: config.values, wired: wiredEnv(c, started), network: networkCreated ? network : undefined, hostNetwork, prefix, say, masker, containers });
      results.push(result);
    }
  } finally {
    for (const name of containers.reverse()) await removeContainer(engine, name);
    if (networkCreated) await removeNetwork(engine, network);
    log.close();
  }
  return { ok: results.every((r) => r.ok), components: results, services: started.map((s) => s.started), skipped, log: log.path };
}

interface OneContext extends SmokeOptions {
  config: Record<string, string>;
  wired: Record<string, string>;
  network: string | undefined;
  hostNetwork: boolean;
  prefix: string;
  say: LineSink;
  masker: SecretMasker;
  containers: string[];
}

async function smokeOne(c: Component, image: string, o: OneContext): Promise<ComponentSmoke> {
  const { engine } = o;
  const port = containerPort(c);
  if (port === undefined) return { component: c.name, image, ok: false, reason: `no port in slipway.yaml (components.${c.name}.port)`, lastLogs: [] };
  const name = `${o.prefix}-${c.name}`.slice(0, 63);
  let hostPort = port;
  if (o.hostNetwork) {
    if (!(await portIsFree(port))) throw new UserError(`port ${port} is in use on this machine`, EXIT.failure, `the configured service address is on localhost, so ${c.name} shares the host network and needs port ${port}`);
  } else {
    hostPort = await freePort();
  }
  o.say(`${c.name}: starting ${image}${o.hostNetwork ? ' on the host network' : ` on 127.0.0.1:${hostPort}`}`);
  await runContainer(engine, {
    image,
    name,
    env: { ...o.config, ...o.wired },
    ...(o.hostNetwork ? { hostNetwork: true } : { ports: [{ host: hostPort, container: port }], ...(o.network ? { network: o.network } : {}) }),
    labels: { 'io.slipway.smoke': o.env },
  });
  o.containers.push(name);
  const alive = async () => (await containerState(engine, name)).running;
  const ready = await waitReady({ port: hostPort, ...(c.healthcheck ? { path: c.healthcheck } : {}) }, Date.now() + (o.readyTimeoutMs ?? 120_000), alive);
  const result: ComponentSmoke = { component: c.name, image, ok: ready.ok, url: `http://127.0.0.1:${hostPort}${c.healthcheck ?? '/'}`, lastLogs: [] };
  if (ready.ok) {
    result.status = ready.status;
    result.healthcheck = await imageHealth(engine, name);
    if (result.healthcheck === 'unhealthy') {
      result.ok = false;
      result.reason = "the app answers, but the image's HEALTHCHECK reports unhealthy";
    }
  } else {
    result.reason = ready.reason;
    if (ready.lastStatus) result.status = ready.lastStatus;
  }
  result.user = await imageUser(engine, image);
  if (!result.ok) result.lastLogs = (await containerLogs(engine, name, 30)).map((l) => o.masker.mask(l));
  o.say(`${c.name}: ${result.ok ? 'answers' : `FAILED: ${result.reason}`}`);
  const state = await containerState(engine, name);
  if (state.running) {
    result.stop = await stopContainer(engine, name, o.graceSeconds ?? 10);
    o.say(`${c.name}: stopped in ${(result.stop.ms / 1000).toFixed(2)} s (exit ${result.stop.exitCode}${result.stop.killed ? ', killed after the grace period' : ''})`);
  }
  return result;
}

/** The HEALTHCHECK may need a moment after the first answer (start period); a few tries. */
async function imageHealth(engine: Engine, name: string): Promise<ComponentSmoke['healthcheck']> {
  let last: ComponentSmoke['healthcheck'] = 'none';
  for (let i = 0; i < 5; i++) {
    last = await runHealthcheck(engine, name);
    if (last === 'healthy' || last === 'none') return last;
    await sleep(1000);
  }
  return last;
}

function uniqueServices(components: Component[]): Service[] {
  const byType = new Map<string, Service>();
  for (const c of components) for (const s of c.services) if (!byType.has(s.type)) byType.set(s.type, s);
  return [...byType.values()];
}
