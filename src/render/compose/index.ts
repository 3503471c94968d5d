import { Document, isScalar, visit } from 'yaml';
import type { Note } from '../../analyze/notes.js';
import type { AppSpec } from '../../spec/app-spec.js';
import type { Component, Service } from '../../spec/component.js';
import { containerPort, dockerLayout, type DockerLayout } from '../docker/layout.js';
import { startArgv } from '../docker/start-command.js';
import { configFile, secretsFile } from '../env/index.js';
import { GENERATED_MARKER, type Renderer, type RenderOptions, type RenderResult } from '../renderer.js';
import { COMPOSE_PASSWORD, SERVICES, serviceWiring } from './services.js';

/** The environment compose.yaml runs locally. */
const LOCAL_ENV = 'dev';

/**
 * `slipway generate compose`: compose.yaml for local use — each component built from its
 * Dockerfile, the spec's backing services from official images with healthchecks and named
 * volumes, connection variables wired, ports on 127.0.0.1 only, and a one-shot service for
 * the release (migration) command that the app waits for.
 */
export const composeRenderer: Renderer = {
  id: 'compose',
  description: 'compose.yaml for local use: components, backing services with healthchecks and volumes, wired env',
  render(spec: AppSpec, opts: RenderOptions): RenderResult {
    const notes: Note[] = [];
    const components = spec.components.filter((c) => !opts.components || opts.components.includes(c.name));
    const services = uniqueServices(components);
    const out: Record<string, unknown> = {};
    const volumes: Record<string, Record<string, never>> = {};

    for (const s of services) {
      const recipe = SERVICES[s.type];
      const svc: Record<string, unknown> = { image: recipe.image(s.version) };
      if (recipe.command) svc['command'] = recipe.command;
      const env = recipe.env(COMPOSE_PASSWORD);
      if (Object.keys(env).length) svc['environment'] = env;
      if (recipe.dataDir) {
        volumes[`${s.type}-data`] = {};
        svc['volumes'] = [`${s.type}-data:${recipe.dataDir}`];
      }
      if (recipe.ready) svc['healthcheck'] = { test: ['CMD', ...recipe.ready.map(escapeDollar)], interval: '5s', timeout: '5s', retries: 20, start_period: '10s' };
      svc['restart'] = 'unless-stopped';
      out[s.type] = svc;
    }

    for (const c of components) {
      const layout = dockerLayout(spec, c);
      const wired = wiring(c);
      const dependsOn: Record<string, { condition: string }> = {};
      for (const s of c.services) dependsOn[s.type] = { condition: SERVICES[s.type].ready ? 'service_healthy' : 'service_started' };

      if (c.commands.release) {
        out[`${c.name}-release`] = {
          ...appBase(layout, wired),
          command: startArgv(c.commands.release).argv,
          restart: 'no',
          ...(Object.keys(dependsOn).length ? { depends_on: dependsOn } : {}),
        };
        dependsOn[`${c.name}-release`] = { condition: 'service_completed_successfully' };
      }
      const svc: Record<string, unknown> = { ...appBase(layout, wired) };
      const port = containerPort(c);
      if (port !== undefined && c.kind !== 'worker' && c.kind !== 'job') {
        const host = c.port ?? port;
        svc['ports'] = [`127.0.0.1:${host}:${port}`];
      }
      if (Object.keys(dependsOn).length) svc['depends_on'] = dependsOn;
      svc['restart'] = c.kind === 'job' ? 'no' : 'unless-stopped';
      out[c.name] = svc;
    }
    if (components.some((c) => c.env.some((v) => v.secret && v.required))) {
      notes.push({ level: 'info', message: `compose.yaml reads secrets from ${secretsFile(LOCAL_ENV)} (gitignored); create it before \`docker compose up\`` });
    }

    const doc = new Document({ name: spec.name, services: out, ...(Object.keys(volumes).length ? { volumes } : {}) });
    // Short lists of scalars read better inline: test: [CMD, pg_isready, …]
    visit(doc, {
      Seq(_key, node) {
        if (node.items.every((i) => isScalar(i)) && JSON.stringify(node.toJSON()).length < 90 && node.items.length > 1) node.flow = true;
      },
    });
    doc.commentBefore = [
      ` ${GENERATED_MARKER} (slipway generate compose) from slipway.yaml: local development.`,
      ' Edit freely: once this line is gone, Slipway leaves the file alone.',
      ` Run: docker compose up --build   (podman compose works too). Config: ${configFile(LOCAL_ENV)}, secrets: ${secretsFile(LOCAL_ENV)}.`,
      ' Backing-service passwords are local defaults; override with SLIPWAY_LOCAL_DB_PASSWORD.',
    ].join('\n');
    return { files: [{ path: 'compose.yaml', content: doc.toString({ lineWidth: 0 }) }], notes };
  },
};

function appBase(layout: DockerLayout, environment: Record<string, string>): Record<string, unknown> {
  const base: Record<string, unknown> = {
    build: layout.dockerfile === 'Dockerfile' && layout.context === '.' ? '.' : { context: layout.context, dockerfile: layout.dockerfile.slice(layout.context === '.' ? 0 : layout.context.length + 1) },
    image: `${layout.image}:dev`,
    env_file: [{ path: configFile(LOCAL_ENV), required: false }, { path: secretsFile(LOCAL_ENV), required: false }],
  };
  if (Object.keys(environment).length) base['environment'] = environment;
  // Hardening that costs nothing: the images run as non-root on unprivileged ports.
  base['security_opt'] = ['no-new-privileges:true'];
  base['cap_drop'] = ['ALL'];
  return base;
}

function wiring(c: Component): Record<string, string> {
  const names = c.env.map((v) => v.name);
  const out: Record<string, string> = {};
  for (const s of c.services) Object.assign(out, serviceWiring(SERVICES[s.type], s.type, COMPOSE_PASSWORD, names));
  return out;
}

function uniqueServices(components: Component[]): Service[] {
  const byType = new Map<string, Service>();
  for (const c of components) for (const s of c.services) if (!byType.has(s.type) || (s.version && !byType.get(s.type)!.version)) byType.set(s.type, s);
  return [...byType.values()];
}

/** `$` in a healthcheck is for the container's shell, not compose interpolation. */
function escapeDollar(arg: string): string {
  return arg.replace(/\$/g, '$$$$');
}
