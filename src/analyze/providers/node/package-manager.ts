import type { FactSheet } from '../../facts.js';
import { repoPath, type RepoView } from '../../repo.js';
import { keyLine, type PackageManifest } from './package-json.js';
import { ancestors } from './workspaces.js';

export type NodePackageManager = 'npm' | 'yarn' | 'pnpm' | 'bun';

export interface PackageManagerChoice {
  pm: NodePackageManager;
  version?: string;
  /** Repository path of the lockfile, when there is one. */
  lockfile?: string;
  /** Yarn 2+ ("berry"): `--immutable` instead of `--frozen-lockfile`. */
  berry: boolean;
}

const LOCKFILES: readonly [string, NodePackageManager][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['yarn.lock', 'yarn'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/**
 * Adds package-manager candidates: the `packageManager` field (corepack) and the nearest
 * lockfile (the component directory, then its ancestors: workspaces keep one at the root).
 * Returns the choice the install and script commands are written for.
 */
export function choosePackageManager(repo: RepoView, dir: string, m: PackageManifest | null, facts: FactSheet): PackageManagerChoice {
  const field = parseField(m?.pkg.packageManager);
  if (field && m) {
    facts.add('packageManager', field.pm, { source: 'manifest', file: m.file, ...keyLine(m, 'packageManager'), reason: 'package.json > packageManager' });
    if (field.version) facts.add('packageManagerVersion', field.version, { source: 'manifest', file: m.file, ...keyLine(m, 'packageManager'), reason: 'package.json > packageManager' });
  }
  const lock = findLockfile(repo, dir);
  if (lock) facts.add('packageManager', lock.pm, { source: 'lockfile', file: lock.file, reason: `${lock.file.split('/').pop()} is ${lock.pm}'s lockfile` });
  const pm = field?.pm ?? lock?.pm ?? 'npm';
  if (!field && !lock) facts.add('packageManager', 'npm', { source: 'convention', reason: 'no lockfile and no packageManager field: npm, the default' });
  const lockfile = lock?.pm === pm ? lock.file : undefined;
  const berry = pm === 'yarn' && isBerry(repo, lockfile, field?.version, lock?.dir ?? dir);
  return { pm, ...(field?.version ? { version: field.version } : {}), ...(lockfile ? { lockfile } : {}), berry };
}

export function installCommand(c: PackageManagerChoice): string {
  const locked = c.lockfile !== undefined;
  switch (c.pm) {
    case 'npm':
      return locked ? 'npm ci' : 'npm install';
    case 'yarn':
      return locked ? (c.berry ? 'yarn install --immutable' : 'yarn install --frozen-lockfile') : 'yarn install';
    case 'pnpm':
      return locked ? 'pnpm install --frozen-lockfile' : 'pnpm install';
    case 'bun':
      return locked ? 'bun install --frozen-lockfile' : 'bun install';
  }
}

/** How the package manager runs a package.json script. */
export function runScriptCommand(pm: NodePackageManager, script: string): string {
  if (script === 'test' && pm !== 'bun') return `${pm} test`;
  if (script === 'start' && pm !== 'bun') return `${pm} start`;
  return pm === 'npm' || pm === 'bun' ? `${pm} run ${script}` : `${pm} ${script}`;
}

function parseField(value: string | undefined): { pm: NodePackageManager; version?: string } | undefined {
  const m = /^(npm|yarn|pnpm|bun)(?:@(\d+(?:\.\d+){0,2}[^+\s]*))?/.exec(value ?? '');
  if (!m) return undefined;
  return { pm: m[1] as NodePackageManager, ...(m[2] ? { version: m[2] } : {}) };
}

function findLockfile(repo: RepoView, dir: string): { pm: NodePackageManager; file: string; dir: string } | undefined {
  for (const d of [dir, ...ancestors(dir)]) {
    for (const [name, pm] of LOCKFILES) {
      const file = repoPath(d, name);
      if (repo.has(file)) return { pm, file, dir: d };
    }
  }
  return undefined;
}

function isBerry(repo: RepoView, lockfile: string | undefined, version: string | undefined, dir: string): boolean {
  if (version) return Number(version.split('.')[0]) >= 2;
  if (repo.has(repoPath(dir, '.yarnrc.yml'))) return true;
  return lockfile ? (repo.read(lockfile, 4096) ?? '').includes('__metadata:') : false;
}
