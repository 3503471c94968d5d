import type { FactSheet } from '../../facts.js';
import { findLine, lineText } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';
import type { PythonManifests } from './dependencies.js';

const VERSION = /(\d+\.\d+(?:\.\d+)?)/;

const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * Python version requests, most explicit first: .python-version and runtime.txt pin a
 * version; .tool-versions (asdf) too; requires-python and Poetry's python constraint give a
 * lower bound, which is what we take (weighted lower).
 */
export function addRuntimeVersion(repo: RepoView, dir: string, m: PythonManifests, facts: FactSheet): void {
  const pin = (file: string, pattern: RegExp, reason: string, weight?: number) => {
    const path = repoPath(dir, file);
    const text = repo.read(path, 4096);
    if (!text) return;
    const line = findLine(text, pattern);
    const v = line ? VERSION.exec(text.split('\n')[line - 1]!)?.[1] : undefined;
    if (v) facts.add('runtimeVersion', v, { source: 'manifest', file: path, line, excerpt: lineText(text, line), reason, ...(weight ? { weight } : {}) });
  };
  pin('.python-version', /^\s*\d/, '.python-version');
  pin('runtime.txt', /python-\d/, 'runtime.txt');
  pin('.tool-versions', /^python\s+\d/, '.tool-versions (asdf)');

  const text = m.pyprojectText;
  const file = repoPath(dir, 'pyproject.toml');
  const lowerBound = (constraint: unknown, pattern: RegExp, reason: string) => {
    if (typeof constraint !== 'string' || !text) return;
    const v = minimumVersion(constraint);
    if (!v) return;
    const line = findLine(text, pattern);
    facts.add('runtimeVersion', v, { source: 'manifest', file, line, excerpt: lineText(text, line), reason, weight: 0.7 });
  };
  lowerBound(rec(m.pyproject?.project)['requires-python'], /requires-python/, 'pyproject.toml > project > requires-python (lower bound)');
  lowerBound(rec(rec(rec(m.pyproject?.tool).poetry).dependencies).python, /^\s*python\s*=/, 'pyproject.toml > tool.poetry.dependencies > python (lower bound)');

  const pipfile = repoPath(dir, 'Pipfile');
  const pipText = repo.read(pipfile);
  const pipLine = pipText ? findLine(pipText, /python_(full_)?version\s*=/) : undefined;
  const pipVersion = pipLine ? VERSION.exec(pipText!.split('\n')[pipLine - 1]!)?.[1] : undefined;
  if (pipVersion) facts.add('runtimeVersion', pipVersion, { source: 'manifest', file: pipfile, line: pipLine, excerpt: lineText(pipText!, pipLine), reason: 'Pipfile > requires > python_version' });

  const setup = repoPath(dir, 'setup.py');
  const setupText = repo.read(setup);
  const req = setupText ? /python_requires\s*=\s*["']([^"']+)["']/.exec(setupText) : null;
  const setupVersion = req ? minimumVersion(req[1]!) : undefined;
  if (setupVersion) {
    const line = findLine(setupText!, 'python_requires');
    facts.add('runtimeVersion', setupVersion, { source: 'manifest', file: setup, line, excerpt: lineText(setupText!, line), reason: 'setup.py python_requires (lower bound)', weight: 0.6 });
  }
}

/** ">=3.12,<3.13" → "3.12"; "^3.10" → "3.10"; "~=3.11.2" → "3.11"; "==3.11.*" → "3.11". */
export function minimumVersion(constraint: string): string | undefined {
  const parts = constraint.split(',').map((p) => p.trim());
  const lower = parts.find((p) => /^(>=|\^|~=|~|==|===)?\s*\d/.test(p) && !p.startsWith('<') && !p.startsWith('!='));
  const m = lower ? /(\d+)\.(\d+)/.exec(lower) : null;
  return m ? `${m[1]}.${m[2]}` : undefined;
}
