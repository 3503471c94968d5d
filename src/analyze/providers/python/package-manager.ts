import type { PackageManager } from '../../../spec/component.js';
import type { FactSheet, Origin } from '../../facts.js';
import { findLine, lineText } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';
import type { PythonManifests } from './dependencies.js';

export interface PythonPackageManager {
  id: Extract<PackageManager, 'pip' | 'poetry' | 'pipenv' | 'uv'>;
  /** Prefix that runs a tool inside the project's environment ("poetry run "), empty for pip. */
  run: string;
}

const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * The package manager, from lockfiles first (they say what the team actually runs), then
 * manifest tables, then requirements files. Adds packageManager, its version and the
 * install command; returns what later steps need to build commands.
 */
export function addPackageManager(repo: RepoView, dir: string, m: PythonManifests, facts: FactSheet): PythonPackageManager {
  const at = (f: string) => repoPath(dir, f);
  const tool = rec(m.pyproject?.tool);
  const pick = (): { id: PythonPackageManager['id']; origin: Origin } => {
    if (repo.has(at('uv.lock'))) return { id: 'uv', origin: { source: 'lockfile', file: at('uv.lock'), reason: 'uv.lock present' } };
    if (repo.has(at('poetry.lock'))) return { id: 'poetry', origin: { source: 'lockfile', file: at('poetry.lock'), reason: 'poetry.lock present' } };
    if (repo.has(at('Pipfile.lock'))) return { id: 'pipenv', origin: { source: 'lockfile', file: at('Pipfile.lock'), reason: 'Pipfile.lock present' } };
    if (repo.has(at('Pipfile'))) return { id: 'pipenv', origin: { source: 'manifest', file: at('Pipfile'), reason: 'Pipfile present' } };
    const file = at('pyproject.toml');
    if (tool.poetry && rec(rec(tool.poetry).dependencies).python !== undefined) {
      return { id: 'poetry', origin: pyprojectOrigin(m, file, /^\[tool\.poetry/, 'pyproject.toml > tool.poetry') };
    }
    if (tool.uv) return { id: 'uv', origin: pyprojectOrigin(m, file, /^\[tool\.uv/, 'pyproject.toml > tool.uv') };
    const req = repo.glob([at('requirements.txt'), at('requirements/*.txt')])[0];
    if (req) return { id: 'pip', origin: { source: 'manifest', file: req, reason: 'requirements file present' } };
    return { id: 'pip', origin: { source: 'convention', file: m.pyproject ? file : undefined, reason: 'no lockfile: pip installs the project' } };
  };
  // A dependency-free app (stdlib only): nothing to install, no package manager to name.
  if (!m.pyproject && m.dependencies.length === 0 && !['setup.py', 'Pipfile', 'requirements.txt'].some((f) => repo.has(at(f)))) return { id: 'pip', run: '' };
  const { id, origin } = pick();
  facts.add('packageManager', id, origin);
  const version = lockfileVersion(repo, dir, id);
  if (version) facts.add('packageManagerVersion', version.value, version.origin);
  facts.add('commands.install', installCommand(repo, dir, id, m, version?.value), { ...origin, reason: `install with ${id}` });
  return { id, run: id === 'pip' ? '' : `${id} run ` };
}

function pyprojectOrigin(m: PythonManifests, file: string, pattern: RegExp, reason: string): Origin {
  const line = m.pyprojectText ? findLine(m.pyprojectText, pattern) : undefined;
  return { source: 'manifest', file, ...(line ? { line, excerpt: lineText(m.pyprojectText!, line) } : {}), reason };
}

function installCommand(repo: RepoView, dir: string, id: PythonPackageManager['id'], m: PythonManifests, version: string | undefined): string {
  switch (id) {
    case 'uv':
      return repo.has(repoPath(dir, 'uv.lock')) ? 'uv sync --locked --no-dev' : 'uv sync --no-dev';
    case 'poetry':
      // --only arrived in Poetry 1.2; older lockfiles need --no-dev.
      return version && /^(0\.|1\.[01]\.)/.test(version) ? 'poetry install --no-dev --no-root' : 'poetry install --only main --no-root';
    case 'pipenv':
      return repo.has(repoPath(dir, 'Pipfile.lock')) ? 'pipenv install --deploy' : 'pipenv install';
    case 'pip': {
      const req = productionRequirements(repo, dir);
      if (req) return `pip install -r ${req}`;
      return m.pyproject || repo.has(repoPath(dir, 'setup.py')) ? 'pip install .' : 'pip install -r requirements.txt';
    }
  }
}

/** requirements.txt, or the production file of a requirements/ folder. */
function productionRequirements(repo: RepoView, dir: string): string | undefined {
  const candidates = ['requirements.txt', 'requirements/production.txt', 'requirements/prod.txt', 'requirements/base.txt', 'requirements/default.txt', 'requirements/common.txt', 'requirements/main.txt'];
  return candidates.find((c) => repo.has(repoPath(dir, c)));
}

function lockfileVersion(repo: RepoView, dir: string, id: PythonPackageManager['id']): { value: string; origin: Origin } | undefined {
  if (id !== 'poetry') return undefined;
  const file = repoPath(dir, 'poetry.lock');
  const text = repo.read(file, 4096);
  const m = text && /generated by Poetry ([\d.]+)/.exec(text);
  if (!m) return undefined;
  return { value: m[1]!, origin: { source: 'lockfile', file, line: 1, excerpt: lineText(text!, 1), reason: 'poetry.lock header' } };
}
