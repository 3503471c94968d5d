import { Component, type ServiceType } from '../spec/component.js';
import type { FieldEvidence } from '../spec/evidence.js';
import { toEvidence, weightOf, type Candidate, type EnvAttrs, type FactSheet, type Field } from './facts.js';
import type { Unresolved } from './notes.js';
import { decide } from './resolve.js';

const SCALAR_FIELDS: readonly Field[] = [
  'kind', 'language', 'runtime', 'runtimeVersion', 'packageManager', 'packageManagerVersion', 'framework',
  'commands.install', 'commands.build', 'commands.test', 'commands.start', 'commands.release',
  'port', 'healthcheck', 'staticDir', 'tier', 'installDevDependencies',
];

/** Secret-looking names are never given values in rendered config. */
const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|PASS$|TOKEN|API_?KEY|PRIVATE_KEY|CREDENTIAL|ACCESS_KEY|_KEY$|DSN$|DATABASE_URL|_URI$|CONNECTION_STRING)/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export interface BuiltComponent {
  component: Component;
  unresolved: Unresolved[];
}

/** Turns a fact sheet into a component: decides each field and records how. */
export function buildComponent(facts: FactSheet, name: string, index: number, startHelp: string): BuiltComponent {
  const values: Record<string, unknown> = {};
  const evidence: Record<string, FieldEvidence> = {};
  for (const field of SCALAR_FIELDS) {
    const d = decide(facts.candidates[field] ?? ([] as Candidate<unknown>[]));
    if (!d) continue;
    setPath(values, field, d.value);
    evidence[field] = d.evidence;
  }
  if (values.kind === undefined) {
    const commands = values.commands as Record<string, string> | undefined;
    values.kind = values.staticDir && !commands?.start ? 'static' : 'web';
  }
  const env = [...facts.env.entries()].map(([envName, cands]) => {
    evidence[`env.${envName}`] = groupEvidence(cands);
    return { name: envName, ...mergeEnv(envName, cands) };
  });
  const services = [...facts.services.entries()].filter(([type, cands]) => !onlyOptional(facts, type, cands)).map(([type, cands]) => {
    evidence[`services.${type}`] = groupEvidence(cands);
    const version = cands.map((c) => c.value.version).find(Boolean);
    return { type: type satisfies ServiceType, ...(version ? { version } : {}) };
  });
  const draft = { name, path: facts.dir, ...values, env, services, evidence };
  const parsed = Component.safeParse(draft);
  if (!parsed.success) {
    // A provider produced a value outside the schema: a bug, reported with the field.
    throw new Error(`analyzer produced an invalid component ${name}: ${parsed.error.message}`);
  }
  return { component: parsed.data, unresolved: unresolvedOf(parsed.data, index, startHelp) };
}

/** Sources that only show the app *can* talk to a service (a client library, the code itself). */
const CAPABILITY_SOURCES = new Set(['manifest', 'lockfile', 'source']);

/** A service whose connection the code guards with a variable, and that nothing else asks for. */
function onlyOptional(facts: FactSheet, type: ServiceType, cands: Candidate<unknown>[]): boolean {
  return facts.optionalServices.has(type) && cands.every((c) => CAPABILITY_SOURCES.has(c.source));
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) target[head] = value;
  else target[head] = { ...((target[head] as object | undefined) ?? {}), [tail]: value };
}

function mergeEnv(name: string, cands: Candidate<EnvAttrs>[]): EnvAttrs {
  const sorted = [...cands].sort((a, b) => weightOf(b) - weightOf(a));
  const secret = isSecretName(name) || sorted.some((c) => c.value.secret);
  const out: EnvAttrs = { required: sorted.some((c) => c.value.required), secret };
  const def = sorted.find((c) => c.value.default !== undefined)?.value.default;
  if (def !== undefined && !secret) out.default = def;
  const description = sorted.find((c) => c.value.description)?.value.description;
  if (description) out.description = description;
  return out;
}

function groupEvidence(cands: Candidate<unknown>[]): FieldEvidence {
  const best = Math.max(...cands.map(weightOf));
  const sources = new Set(cands.map((c) => `${c.source}:${c.file ?? ''}`)).size;
  const confidence = Math.round(Math.min(best >= 1 ? 1 : 0.99, best + 0.05 * (sources - 1)) * 100) / 100;
  const evidence = [...cands].sort((a, b) => weightOf(b) - weightOf(a)).map((c) => toEvidence(c));
  return { confidence, evidence };
}

function unresolvedOf(c: Component, index: number, startHelp: string): Unresolved[] {
  const key = (field: string) => `components[${index}].${field}`;
  const out: Unresolved[] = [];
  const needsStart = c.kind === 'web' || c.kind === 'worker' || c.kind === 'job';
  if (needsStart && !c.commands.start) {
    out.push({ component: c.name, field: 'commands.start', why: 'not-found', hint: `set ${key('commands.start')} in slipway.yaml. ${startHelp}` });
  }
  if (c.kind === 'web' && !c.port) {
    out.push({ component: c.name, field: 'port', why: 'not-found', hint: `set ${key('port')} in slipway.yaml to the port the app listens on, e.g. 8080` });
  }
  if (c.kind === 'static' && !c.staticDir) {
    out.push({ component: c.name, field: 'staticDir', why: 'not-found', hint: `set ${key('staticDir')} in slipway.yaml to the build output directory, e.g. dist` });
  }
  return out;
}
