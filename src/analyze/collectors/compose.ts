import { filesIn } from './dir-index.js';
import { posix } from 'node:path';
import type { ServiceType } from '../../spec/component.js';
import type { FactSheet, Origin } from '../facts.js';
import { findLine } from '../parse/manifest.js';
import { readYaml } from '../parse/manifest.js';
import type { EvidenceCollector } from '../provider.js';
import type { RepoView } from '../repo.js';
import { interpretStart } from './commands/start-command.js';
import { serviceOfImage } from './readme/docker-run.js';
import { isSoleComponent } from './scope.js';

const COMPOSE_FILE = /^((docker-)?compose|[\w.-]*compose[\w.-]*|docker-stack|stack)\.ya?ml$/i;
const COMPOSE_DIRS = ['', 'docker/', 'deploy/', '.docker/', 'deployments/'];

export interface ComposeService {
  image?: unknown;
  build?: unknown;
  ports?: unknown;
  environment?: unknown;
  command?: unknown;
  depends_on?: unknown;
  links?: unknown;
}

/**
 * Existing compose files (and swarm stack files, same format): the service built from the
 * component's directory gives its container port, variables and command; the services it
 * depends on that run a known image (postgres, redis …) are its backing services.
 */
export const composeCollector: EvidenceCollector = {
  id: 'compose',
  collect(repo, facts, ctx) {
    for (const file of composeFiles(repo, facts)) {
      if (repo.isGenerated(file)) continue;
      const services = composeServices(repo, file);
      if (!services || typeof services !== 'object') continue;
      const text = repo.read(file) ?? '';
      const origin = (name: string, reason: string): Origin => ({ source: 'compose', file, line: findLine(text, new RegExp(`^\\s*${name}\\s*:`)) ?? 1, reason });
      const entries = Object.entries(services).filter(([, s]) => s && typeof s === 'object');
      const backing = new Map(entries.map(([n, s]) => [n, serviceOfImage(typeof s.image === 'string' ? s.image : '')]).filter((e): e is [string, { type: ServiceType; version?: string }] => Boolean(e[1])));
      const own = posix.dirname(file) === facts.dir || posix.dirname(file).startsWith(`${facts.dir === '.' ? '' : `${facts.dir}/`}`) || isSoleComponent(facts, ctx);
      const app = appService(entries, file, facts, backing, own);
      const addBacking = (names: string[]) => {
        for (const n of names) {
          const b = backing.get(n);
          if (b) facts.addService(b.type, { ...origin(n, `${file} runs ${services[n]!.image as string}${app ? ` for ${app[0]}` : ''}`), ...(b.version ? { version: b.version } : {}) });
        }
      };
      if (!app) {
        if (own) addBacking([...backing.keys()]);
        continue;
      }
      const [name, svc] = app;
      const deps = dependsOn(svc);
      addBacking(deps.length ? deps : own ? [...backing.keys()] : []);
      for (const p of list(svc.ports)) {
        const port = containerPort(p);
        if (port) facts.add('port', port, origin(name, `${file}: service ${name} publishes container port ${port}`));
      }
      for (const [envName, value] of envOf(svc.environment)) facts.addEnv(envName, value !== undefined && !value.includes('${') ? { default: value } : {}, origin(name, `${file}: service ${name} sets ${envName}`));
      const command = Array.isArray(svc.command) ? svc.command.map(String).join(' ') : typeof svc.command === 'string' ? svc.command : undefined;
      const meaning = command ? interpretStart(command, repo, facts.dir) : undefined;
      // A compose command that is a development server (a dev compose file) says less about production.
      if (meaning?.start) facts.add('commands.start', meaning.start, { ...origin(name, `${file}: service ${name} runs it${meaning.development ? ` (${meaning.reason})` : ''}`), ...(meaning.development ? { weight: 0.5 } : {}) });
    }
  },
};

/** The `services` of a compose file, parsed once per analysis (every component looks at the root ones). */
function composeServices(repo: RepoView, file: string): Record<string, ComposeService> | undefined {
  return repo.memo(`compose:${file}`, () => readYaml<{ services?: Record<string, ComposeService> }>(repo, file)?.value?.services);
}

function composeFiles(repo: RepoView, facts: FactSheet): string[] {
  const dirs = new Set([facts.dir, '.']);
  const out: string[] = [];
  for (const d of dirs) {
    for (const sub of COMPOSE_DIRS) {
      const dir = posix.normalize(`${d === '.' ? '' : `${d}/`}${sub}`) .replace(/\/$/, '') || '.';
      out.push(...filesIn(repo, dir).filter((f) => COMPOSE_FILE.test(f) && !/\b(test|ci)\b/.test(f)).map((f) => (dir === '.' ? f : `${dir}/${f}`)));
    }
  }
  return [...new Set(out)];
}

/** The service that runs this component: built from its directory, else named after it. */
function appService(
  entries: [string, ComposeService][], file: string, facts: FactSheet, backing: Map<string, unknown>, own: boolean,
): [string, ComposeService] | undefined {
  const base = posix.dirname(file);
  const built = entries.find(([, s]) => {
    const ctxDir = typeof s.build === 'string' ? s.build : (s.build as { context?: unknown } | undefined)?.context;
    return typeof ctxDir === 'string' && posix.normalize(posix.join(base, ctxDir)) === posix.normalize(facts.dir);
  });
  if (built) return built;
  const names = [posix.basename(facts.dir), facts.name].filter((n): n is string => Boolean(n && n !== '.'));
  const named = entries.find(([n, s]) => !backing.has(n) && names.some((x) => n === x || (typeof s.image === 'string' && s.image.split(':')[0]!.split('/').pop() === x)));
  if (named) return named;
  const apps = entries.filter(([n]) => !backing.has(n));
  return own && apps.length === 1 ? apps[0] : undefined;
}

function dependsOn(s: ComposeService): string[] {
  const d = s.depends_on;
  const names = Array.isArray(d) ? d.map(String) : d && typeof d === 'object' ? Object.keys(d) : [];
  return [...names, ...list(s.links).map((l) => String(l).split(':')[0]!)];
}

/** The container side of a `ports:` entry: `8080`, `"3000:8080"`, `127.0.0.1:3000:8080/tcp`, `{ target: 8080 }`. */
export function containerPort(p: unknown): number | undefined {
  const port = /(?:^|:)(\d{2,5})(?:\/\w+)?$/.exec(String(typeof p === 'object' && p ? (p as { target?: unknown }).target ?? '' : p))?.[1];
  return port ? Number(port) : undefined;
}

/** `environment:` as a list (`- KEY=value`) or a map, as name/value pairs. */
export function envOf(env: unknown): [string, string | undefined][] {
  if (Array.isArray(env)) return env.map((e) => String(e).split('=')).map(([k, ...v]) => [k!, v.length ? v.join('=') : undefined]);
  if (env && typeof env === 'object') return Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? undefined : String(v)]);
  return [];
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
