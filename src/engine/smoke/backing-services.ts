import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { EXIT, UserError } from '../../errors.js';
import { SERVICES, serviceWiring, type ServiceRecipe } from '../../render/compose/services.js';
import { secretsFile } from '../../render/env/index.js';
import type { Component, Service } from '../../spec/component.js';
import { execInContainer, runContainer } from '../container.js';
import { imageExists, pullImage, qualifiedRef } from '../image.js';
import type { Engine, LineSink } from '../types.js';

export interface StartedService {
  type: Service['type'];
  /** Container name, or undefined when the configuration points at a running server. */
  container?: string;
  /** Where the app reaches it (configured URL host, or the service name on the smoke network). */
  via: 'container' | 'configured';
  /** The configured address is on this machine's loopback: the app needs host networking. */
  onHostLoopback: boolean;
}

const READY_TIMEOUT_MS = 90_000;

/**
 * A backing service for a smoke run: the value already configured for it (config/<env>.env,
 * its secrets file or the environment) when there is one, else a throwaway container from
 * the official image on the smoke network.
 */
export async function startService(
  engine: Engine,
  service: Service,
  components: Component[],
  config: Record<string, string>,
  net: { network: string; prefix: string; env: string },
  log: LineSink,
): Promise<{ started: StartedService; password: string }> {
  const recipe = SERVICES[service.type];
  const appVars = components.flatMap((c) => c.env.map((v) => v.name));
  const configured = appVars.filter((n) => recipe.wiring.some((w) => w.pattern.test(n)) && config[n]);
  if (configured.length) {
    const onHostLoopback = configured.some((n) => /(^|[/@:])(localhost|127\.\d+\.\d+\.\d+)([:/]|$)/.test(config[n]!));
    log(`${service.type}: using the configured ${configured.join(', ')}`);
    return { started: { type: service.type, via: 'configured', onHostLoopback }, password: '' };
  }
  const image = qualifiedRef(recipe.image(service.version));
  if (!(await imageExists(engine, image))) {
    try {
      await pullImage(engine, image, { onLine: log, timeoutMs: 300_000 });
    } catch (err) {
      throw new UserError(
        `backing service ${service.type}: image ${image} is not available here (${err instanceof Error ? err.message : String(err)})`,
        EXIT.failure,
        `set ${recipe.defaultVar} (or the variable your app reads) in ${secretsFile(net.env)} or the environment to use a running ${service.type} instead`,
      );
    }
  }
  const password = randomBytes(12).toString('hex');
  const name = `${net.prefix}-${service.type}`;
  await runContainer(engine, { image, name, env: recipe.env(password), network: net.network, alias: service.type, ...(recipe.command ? { command: recipe.command } : {}) });
  await waitServiceReady(engine, name, recipe);
  log(`${service.type}: ${image} ready`);
  return { started: { type: service.type, container: name, via: 'container', onHostLoopback: false }, password };
}

async function waitServiceReady(engine: Engine, name: string, recipe: ServiceRecipe): Promise<void> {
  if (!recipe.ready) return;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await execInContainer(engine, name, recipe.ready)).code === 0) return;
    await sleep(500);
  }
  throw new UserError(`backing service ${recipe.type} did not become ready in ${READY_TIMEOUT_MS / 1000} s`, EXIT.failure);
}

/** Connection variables for a component, for services started as containers. */
export function wiredEnv(component: Component, started: { started: StartedService; password: string }[]): Record<string, string> {
  const names = component.env.map((v) => v.name);
  const out: Record<string, string> = {};
  for (const s of started) {
    if (s.started.via !== 'container' || !component.services.some((x) => x.type === s.started.type)) continue;
    Object.assign(out, serviceWiring(SERVICES[s.started.type], s.started.type, s.password, names));
  }
  return out;
}
