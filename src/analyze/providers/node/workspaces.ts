import { posix } from 'node:path';
import picomatch from 'picomatch';
import { readYaml } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';
import { readPackageJson } from './package-json.js';

export interface Workspace {
  /** Directory holding the workspace root package.json / pnpm-workspace.yaml. */
  root: string;
  /** Member globs, relative to the root. */
  patterns: string[];
  /** The file that declares them. */
  file: string;
}

/** The workspace declared in `dir` itself (package.json `workspaces` or pnpm-workspace.yaml). */
export function workspaceAt(repo: RepoView, dir: string): Workspace | undefined {
  const pnpmFile = repoPath(dir, 'pnpm-workspace.yaml');
  const pnpm = readYaml<{ packages?: unknown }>(repo, pnpmFile)?.value;
  if (pnpm && Array.isArray(pnpm.packages)) {
    return { root: dir, patterns: pnpm.packages.filter((p): p is string => typeof p === 'string'), file: pnpmFile };
  }
  const workspaces = readPackageJson(repo, dir)?.pkg.workspaces;
  if (workspaces?.length) return { root: dir, patterns: workspaces, file: repoPath(dir, 'package.json') };
  return undefined;
}

/** The workspace that `dir` is a member of, looking at its ancestors. */
export function enclosingWorkspace(repo: RepoView, dir: string): Workspace | undefined {
  for (const parent of ancestors(dir)) {
    const ws = workspaceAt(repo, parent);
    if (ws && isMember(ws, dir)) return ws;
  }
  return undefined;
}

export function isMember(ws: Workspace, dir: string): boolean {
  const rel = ws.root === '.' ? dir : posix.relative(ws.root, dir);
  const include = ws.patterns.filter((p) => !p.startsWith('!')).map(clean);
  const exclude = ws.patterns.filter((p) => p.startsWith('!')).map((p) => clean(p.slice(1)));
  return picomatch.isMatch(rel, include) && !(exclude.length && picomatch.isMatch(rel, exclude));
}

/** Parent directories of `dir`, nearest first, ending with the repository root ("."). */
export function ancestors(dir: string): string[] {
  if (dir === '.' || dir === '') return [];
  const parts = dir.split('/');
  const out: string[] = [];
  for (let i = parts.length - 1; i > 0; i--) out.push(parts.slice(0, i).join('/'));
  out.push('.');
  return out;
}

function clean(p: string): string {
  return p.replace(/^\.\//, '').replace(/\/+$/, '');
}
