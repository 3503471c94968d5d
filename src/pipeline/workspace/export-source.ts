import { cpSync, lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HEAVY_DIRS } from '../cache/file-tree.js';
import { archiveInto, git, isGitRepo, isGitUrl, redactGitUrl } from './git.js';

/** Where a run's code comes from. */
export type RunSource =
  | { kind: 'worktree'; dir: string }
  | { kind: 'commit'; repo: string; ref?: string | undefined }
  | { kind: 'remote'; url: string; branch?: string | undefined };

export interface ExportedSource {
  commit: string | null;
  branch: string | null;
  /** The working tree had uncommitted changes (worktree sources). */
  dirty: boolean;
  /** One line for the log and `slipway runs`. */
  description: string;
}

/**
 * Decides the source of a run: an explicit --source (URL or path), else the project directory:
 * its HEAD commit (or --branch) when it is a git checkout, its files as they are otherwise.
 */
export async function resolveSource(dir: string, opts: { source?: string | undefined; branch?: string | undefined; worktree?: boolean }): Promise<RunSource> {
  if (opts.worktree) return { kind: 'worktree', dir: resolve(dir) };
  if (opts.source && isGitUrl(opts.source)) return { kind: 'remote', url: opts.source, branch: opts.branch };
  const repo = resolve(opts.source ?? dir);
  if (await isGitRepo(repo)) return { kind: 'commit', repo, ref: opts.branch };
  if (opts.source || opts.branch) throw new Error(`${repo} is not a git repository${opts.branch ? ` (needed for --branch ${opts.branch})` : ''}`);
  return { kind: 'worktree', dir: repo };
}

export function describeSource(s: RunSource): string {
  if (s.kind === 'worktree') return `${s.dir} (working tree)`;
  if (s.kind === 'commit') return `${s.repo}${s.ref ? ` @ ${s.ref}` : ''}`;
  return `${redactGitUrl(s.url)}${s.branch ? ` @ ${s.branch}` : ''}`;
}

/** Fills the (empty) workspace directory with the source's files; never runs repository code. */
export async function exportSource(source: RunSource, workspace: string): Promise<ExportedSource> {
  mkdirSync(workspace, { recursive: true });
  const exported = source.kind === 'remote' ? await exportRemote(source.url, source.branch, workspace) : source.kind === 'commit' ? await exportCommit(source.repo, source.ref, workspace) : await exportWorktree(source.dir, workspace);
  // Slipway state committed by mistake is never source.
  rmSync(join(workspace, '.slipway'), { recursive: true, force: true });
  return exported;
}

async function exportCommit(repo: string, ref: string | undefined, workspace: string): Promise<ExportedSource> {
  const commit = (await git(['rev-parse', '--verify', '--quiet', `${ref ?? 'HEAD'}^{commit}`], repo).catch(() => '')).trim();
  if (!commit) throw new Error(ref ? `no branch or commit "${ref}" in ${repo}` : `${repo} has no commit yet (commit your files, or use \`slipway up\` for the working tree)`);
  const prefix = (await git(['rev-parse', '--show-prefix'], repo)).trim();
  await archiveInto(repo, prefix ? `${commit}:${prefix}` : commit, workspace);
  const branch = ref ?? ((await git(['rev-parse', '--abbrev-ref', 'HEAD'], repo)).trim() || null);
  return { commit, branch: branch === 'HEAD' ? null : branch, dirty: false, description: `${repo} @ ${commit.slice(0, 12)}${branch && branch !== 'HEAD' ? ` (${branch})` : ''}` };
}

async function exportRemote(url: string, branch: string | undefined, workspace: string): Promise<ExportedSource> {
  const args = ['clone', '--quiet', '--depth', '1', '--single-branch', '--no-tags', ...(branch ? ['--branch', branch] : []), url, workspace];
  await git(args);
  const commit = (await git(['rev-parse', 'HEAD'], workspace)).trim();
  const actual = branch ?? (await git(['rev-parse', '--abbrev-ref', 'HEAD'], workspace)).trim();
  rmSync(join(workspace, '.git'), { recursive: true, force: true });
  return { commit, branch: actual, dirty: false, description: `${redactGitUrl(url)} @ ${commit.slice(0, 12)} (${actual})` };
}

async function exportWorktree(dir: string, workspace: string): Promise<ExportedSource> {
  if (await isGitRepo(dir)) {
    // Tracked and untracked files, minus what .gitignore excludes (node_modules, .slipway …).
    const files = (await git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], dir)).split('\0').filter(Boolean);
    for (const f of files) {
      if (f.split('/').includes('.slipway')) continue;
      const st = lstatSync(join(dir, f), { throwIfNoEntry: false });
      if (!st || st.isDirectory()) continue; // deleted in the working tree, or a submodule
      mkdirSync(join(workspace, f, '..'), { recursive: true });
      cpSync(join(dir, f), join(workspace, f), { verbatimSymlinks: true, preserveTimestamps: true });
    }
    const commit = (await git(['rev-parse', '--verify', '--quiet', 'HEAD'], dir).catch(() => '')).trim() || null;
    const dirty = (await git(['status', '--porcelain', '--', '.'], dir)).trim() !== '';
    const branch = commit ? (await git(['rev-parse', '--abbrev-ref', 'HEAD'], dir)).trim() : null;
    return { commit, branch: branch === 'HEAD' ? null : branch, dirty, description: `${dir} (working tree${commit ? ` on ${commit.slice(0, 12)}${dirty ? '+changes' : ''}` : ''})` };
  }
  copyTree(dir, workspace);
  return { commit: null, branch: null, dirty: true, description: `${dir} (working tree)` };
}

/** Copies a directory that is not a git checkout, leaving out dependencies and Slipway state. */
function copyTree(from: string, to: string): void {
  for (const name of readdirSync(from)) {
    if (HEAVY_DIRS.includes(name)) continue;
    cpSync(join(from, name), join(to, name), { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  }
}
