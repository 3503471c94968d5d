import { readJson } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';
import type { NodeFramework } from './frameworks/index.js';
import { hasDependency, type PackageManifest } from './package-json.js';
import { MONOREPO_RUNNERS } from '../../collectors/commands/start-command.js';
import { resolveCommandLine } from './scripts.js';
import type { Workspace } from './workspaces.js';

/**
 * Why a package is not something to deploy (a workspace root, a library, an editor or browser
 * extension, a desktop app), or undefined when it is.
 */
export function notDeployableReason(
  repo: RepoView, dir: string, m: PackageManifest, frameworks: readonly NodeFramework[], hasPlan: boolean, ws: Workspace | undefined,
): string | undefined {
  const pkg = m.pkg;
  if (pkg.engines.vscode) return 'a VS Code extension (engines.vscode)';
  const browserManifest = readJson<{ manifest_version?: unknown }>(repo, repoPath(dir, 'manifest.json'))?.value;
  if (browserManifest && typeof browserManifest === 'object' && 'manifest_version' in browserManifest) return 'a browser extension (manifest.json manifest_version)';
  if (hasDependency(pkg, 'electron', 'react-native', 'expo', '@capacitor/core', '@tauri-apps/api')) return 'a desktop or mobile app (electron, react-native, expo, capacitor or tauri)';
  const start = pkg.scripts.start !== undefined ? resolveCommandLine(pkg.scripts.start, pkg.scripts, 0, ['start']) : undefined;
  const startsItself = start !== undefined && !start.opaque && !MONOREPO_RUNNERS.test(start.command.argv[0] ?? '') && !/(^|\s)(-w|--workspace|--filter|-r|--recursive)\b/.test(pkg.scripts.start ?? '');
  if (ws && ws.root === dir && !startsItself) return `the root of a workspace (${ws.file}): its members are the components`;
  if (startsItself || hasPlan) return undefined;
  if (frameworks.some((f) => f.role === 'server')) return undefined;
  if (repo.has(repoPath(dir, 'server.js')) || repo.has(repoPath(dir, 'Procfile'))) return undefined;
  return 'a library or tool: no start script, no web framework, no server.js';
}
