import { basename } from 'node:path';
import { AppSpec, SPEC_VERSION } from '../spec/app-spec.js';
import type { Component } from '../spec/component.js';
import { COLLECTORS } from './collectors/index.js';
import { buildComponent, type BuiltComponent } from './component-builder.js';
import { FactSheet, type Candidate } from './facts.js';
import { decide } from './resolve.js';
import type { Note, Unresolved } from './notes.js';
import type { AnalyzeContext, Provider } from './provider.js';
import { PROVIDERS } from './providers/index.js';
import { RepoView, type RepoViewOptions } from './repo.js';

export interface AnalyzeOptions extends RepoViewOptions {
  providers?: readonly Provider[];
}

export interface AnalyzeResult {
  /** True when at least one deployable component was found. */
  ok: boolean;
  spec: AppSpec | undefined;
  notes: Note[];
  unresolved: Unresolved[];
  /** What was looked at, for the "nothing deployable" message. */
  looked: string[];
}

/** Directories whose contents are never the app itself. */
const NOT_COMPONENT_DIR = /(^|\/)(tests?|spec|__tests__|__fixtures__|fixtures?|e2e|cypress|docs?|\.github|\.circleci|examples?|samples?|benchmarks?|scripts)(\/|$)/;
const MAX_COMPONENT_DEPTH = 3;

/**
 * analyze: repository → App Spec. Pure reads through RepoView; nothing is executed.
 * Throws RepoPathError only when the directory itself cannot be opened.
 */
export function analyze(dir: string, opts: AnalyzeOptions = {}): AnalyzeResult {
  const repo = RepoView.open(dir, opts);
  return analyzeRepo(repo, opts.providers ?? PROVIDERS);
}

export function analyzeRepo(repo: RepoView, providers: readonly Provider[]): AnalyzeResult {
  const owners = findComponentDirs(repo, providers);
  const ctx: AnalyzeContext = { repo, componentDirs: [...owners.keys()] };
  const notes: Note[] = [];
  const built: BuiltComponent[] = [];
  const names = new Set<string>();
  const appName = dnsName(basename(repo.root)) || 'app';

  for (const [dir, provider] of owners) {
    const facts = new FactSheet(dir, provider.id);
    provider.analyze(repo, dir, facts, ctx);
    for (const c of COLLECTORS) c.collect(repo, facts, ctx);
    notes.push(...facts.notes);
    if (!facts.deployable) continue;
    const name = uniqueName(names, dnsName(dir === '.' ? (facts.name ?? appName) : basename(dir)) || appName);
    const main = buildComponent(facts, name, built.length, provider.startHelp);
    built.push(main);
    for (const proc of facts.processes) built.push(workerFrom(main.component, proc, names));
  }

  notes.push(...repo.notes);
  const looked = [...owners.keys()].length ? [...owners.keys()] : lookedAt(repo);
  if (built.length === 0) return { ok: false, spec: undefined, notes, unresolved: [], looked };
  const rootName = built.length === 1 ? built[0]!.component.name : appName;
  const spec = AppSpec.parse({ version: SPEC_VERSION, name: rootName, components: built.map((b) => b.component) });
  return { ok: true, spec, notes, unresolved: built.flatMap((b) => b.unresolved), looked };
}

/** Every directory (up to depth 3) with a manifest, mapped to the provider that owns it. */
function findComponentDirs(repo: RepoView, providers: readonly Provider[]): Map<string, Provider> {
  const dirs = new Set<string>(['.']);
  const seen = new Set<string>();
  for (const f of repo.files()) {
    const slash = f.lastIndexOf('/');
    if (slash < 0) continue;
    const dir = f.slice(0, slash);
    // Files come sorted, so a directory's files are consecutive: test each directory once.
    if (seen.has(dir)) continue;
    seen.add(dir);
    if (dir.split('/').length > MAX_COMPONENT_DEPTH || NOT_COMPONENT_DIR.test(dir)) continue;
    dirs.add(dir);
  }
  const owners = new Map<string, Provider>();
  for (const dir of [...dirs].sort()) {
    const detected = providers.filter((p) => p.detect(repo, dir).length > 0);
    const superseded = new Set(detected.flatMap((p) => p.supersedes ?? []));
    const owner = detected.find((p) => !superseded.has(p.id));
    if (owner) owners.set(dir, owner);
  }
  return owners;
}

/** A non-web process of a component (Procfile `worker:`): same build, its own start, no port. */
function workerFrom(parent: Component, proc: Candidate<{ type: string; command: string }>, names: Set<string>): BuiltComponent {
  const name = uniqueName(names, dnsName(`${parent.name}-${proc.value.type}`));
  const { port: _port, healthcheck: _health, evidence: _evidence, ...rest } = parent;
  const start = decide([{ ...proc, value: proc.value.command }])!;
  const component: Component = {
    ...rest,
    name,
    kind: 'worker',
    // The release step (migrations) runs once per deploy, with the web process, not per worker.
    commands: { ...withoutRelease(parent.commands), start: proc.value.command },
    evidence: { 'commands.start': start.evidence },
  };
  return { component, unresolved: [] };
}

function withoutRelease(commands: Component['commands']): Component['commands'] {
  const { release: _release, ...rest } = commands;
  return rest;
}

function uniqueName(names: Set<string>, base: string): string {
  let name = base;
  for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
  names.add(name);
  return name;
}

/** A DNS-1123 label: it names images, Kubernetes objects and compose services. */
export function dnsName(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/^@[^/]+\//, '')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

function lookedAt(repo: RepoView): string[] {
  const files = repo.files();
  return files.length === 0 ? ['(the directory is empty)'] : files.filter((f) => !f.includes('/')).slice(0, 20);
}
