import type { Note } from '../../analyze/notes.js';
import { UserError, EXIT } from '../../errors.js';
import type { AppSpec } from '../../spec/app-spec.js';
import { SERVICE_TYPES, TIERS, type Component, type EnvVar, type ServiceType, type Tier } from '../../spec/component.js';
import { SpecIncompleteError, type RendererId } from '../renderer.js';
import { containerPort, servedByNginx } from '../docker/layout.js';
import { BACKING_SERVICES } from './backing/catalog.js';

/**
 * A component as the cluster and the cloud see it: the spec's values checked, defaults
 * applied with a note, env split into config / secret / backing-service connections.
 * Shared by the k8s and terraform renderers so both name things the same way.
 */
export interface Workload {
  component: Component;
  /** Index in spec.components, for slipway.yaml keys in messages. */
  index: number;
  name: string;
  kind: Component['kind'];
  tier: Tier;
  /** Listening port; undefined for workers and jobs that serve nothing. */
  port: number | undefined;
  /** Served by the nginx image of the docker renderer (runs as nginx's uid). */
  nginx: boolean;
  healthPath: string | undefined;
  public: boolean;
  config: EnvVar[];
  secrets: EnvVar[];
  /** Env var name → backing service it connects to. */
  connections: { env: string; service: ServiceType }[];
  services: ServiceType[];
}

export function planWorkloads(spec: AppSpec, renderer: RendererId): { workloads: Workload[]; notes: Note[] } {
  const notes: Note[] = [];
  const missing: { key: string; why: string }[] = [];
  const workloads = spec.components.map((c, index) => planOne(c, index, renderer, notes, missing));
  if (missing.length) throw new SpecIncompleteError(renderer, missing);
  return { workloads, notes };
}

function planOne(c: Component, index: number, renderer: RendererId, notes: Note[], missing: { key: string; why: string }[]): Workload {
  const key = (field: string) => `components[${index}].${field}`;
  const tier = resolveTier(c, key('tier'), notes);
  for (const [i, s] of c.services.entries()) {
    if (!(SERVICE_TYPES as readonly string[]).includes(s.type)) {
      throw new UserError(
        `${renderer}: slipway.yaml ${key(`services[${i}].type`)}: unknown service type "${String(s.type)}"`,
        EXIT.usage,
        `use one of: ${SERVICE_TYPES.join(', ')}`,
      );
    }
  }
  // The Dockerfile decides where the container listens (nginx and Apache have fixed ports).
  const port = containerPort(c);
  if (c.kind === 'web' && port === undefined) {
    missing.push({ key: key('port'), why: `component "${c.name}" is kind: web and needs the port it listens on, e.g. port: 8080` });
  }
  const isPublic = c.public ?? (c.kind === 'web' || c.kind === 'static');
  if (isPublic && port === undefined) {
    missing.push({ key: key('port'), why: `component "${c.name}" is public: true and needs a port to route to` });
  }
  if ((c.kind === 'web' || c.kind === 'static') && !c.healthcheck && !servedByNginx(c) && port !== undefined) {
    notes.push({ level: 'warn', message: `${c.name}: no health path, probes check that port ${port} accepts connections`, hint: `set ${key('healthcheck')}, e.g. /healthz` });
  }
  const services = [...new Set(c.services.map((s) => s.type))];
  const connections: Workload['connections'] = [];
  const config: EnvVar[] = [];
  const secrets: EnvVar[] = [];
  for (const v of c.env) {
    const svc = services.find((t) => BACKING_SERVICES[t].envPattern.test(v.name) && !connections.some((x) => x.service === t));
    if (svc) connections.push({ env: v.name, service: svc });
    else if (v.secret) secrets.push(v);
    else config.push(v);
  }
  for (const t of services) {
    if (connections.some((x) => x.service === t)) continue;
    const env = BACKING_SERVICES[t].envVar;
    if (c.env.some((v) => v.name === env)) continue;
    connections.push({ env, service: t });
    notes.push({ level: 'info', message: `${c.name}: ${t} connection passed as ${env} (no declared env var matched)`, hint: `declare the variable the app reads under ${key('env')}` });
  }
  return {
    component: c, index, name: c.name, kind: c.kind, tier, port, nginx: servedByNginx(c), healthPath: c.healthcheck ?? (servedByNginx(c) ? '/healthz' : undefined),
    public: isPublic, config, secrets, connections, services,
  };
}

/**
 * Tier from slipway.yaml. Absent means medium, with a note. The schema fills in medium
 * before renderers see the spec, so "medium without evidence" is treated as unset too.
 */
function resolveTier(c: Component, key: string, notes: Note[]): Tier {
  const raw: unknown = c.tier;
  if (raw === undefined || (raw === 'medium' && !c.evidence?.['tier'])) {
    notes.push({ level: 'info', message: `${c.name}: sized as tier medium, the default (docs/tiers.md)`, hint: `set ${key}: low | medium | high to choose` });
    return 'medium';
  }
  if (typeof raw !== 'string' || !(TIERS as readonly string[]).includes(raw)) {
    throw new UserError(`slipway.yaml ${key}: unknown tier "${String(raw)}"`, EXIT.usage, `use one of: ${TIERS.join(', ')} (docs/tiers.md)`);
  }
  return raw as Tier;
}
