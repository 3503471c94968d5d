import { posix } from 'node:path';
import { findLine, lineText, readToml } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';

export interface CargoDependency {
  name: string;
  features: string[];
  line?: number;
}

export interface CargoPackage {
  file: string;
  text: string;
  name: string;
  rustVersion: { value: string; line?: number } | undefined;
  bins: { name: string; path: string; line?: number }[];
  dependencies: CargoDependency[];
  /** Directory of the workspace root when the package is a member of one. */
  workspaceRoot: string | undefined;
}

const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * A Cargo package: its binaries ([[bin]] targets, src/main.rs, src/bin/*.rs), dependencies
 * with their features (sqlx's "postgres" feature names the database), rust-version.
 */
export function readCargo(repo: RepoView, dir: string): CargoPackage | null {
  const file = repoPath(dir, 'Cargo.toml');
  const parsed = readToml(repo, file);
  if (!parsed) return null;
  const doc = parsed.value;
  const pkg = rec(doc.package);
  if (typeof pkg.name !== 'string') return null;
  const text = parsed.text;
  const workspaceRoot = findWorkspaceRoot(repo, dir);
  const bins: CargoPackage['bins'] = [];
  for (const b of Array.isArray(doc.bin) ? doc.bin.map(rec) : []) {
    if (typeof b.name === 'string') bins.push({ name: b.name, path: typeof b.path === 'string' ? b.path : `src/bin/${b.name}.rs`, line: findLine(text, `"${b.name}"`) });
  }
  if (repo.has(repoPath(dir, 'src/main.rs')) && !bins.some((b) => b.path === 'src/main.rs')) bins.unshift({ name: pkg.name, path: 'src/main.rs' });
  for (const f of repo.glob(repoPath(dir, 'src/bin/*.rs'))) {
    const name = f.split('/').pop()!.replace(/\.rs$/, '');
    if (!bins.some((b) => b.name === name)) bins.push({ name, path: `src/bin/${name}.rs` });
  }
  const dependencies: CargoDependency[] = Object.entries(rec(doc.dependencies)).map(([name, spec]) => ({
    name,
    features: Array.isArray(rec(spec).features) ? (rec(spec).features as unknown[]).filter((x): x is string => typeof x === 'string') : [],
    line: findLine(text, new RegExp(`^\\s*${name.replace(/[-]/g, '[-_]')}\\s*=`)),
  }));
  const rv = typeof pkg['rust-version'] === 'string' ? pkg['rust-version'] : undefined;
  const rvLine = rv ? findLine(text, /^\s*rust-version\s*=/) : undefined;
  return { file, text, name: pkg.name, rustVersion: rv ? { value: rv, line: rvLine } : undefined, bins, dependencies, workspaceRoot };
}

/** The nearest ancestor Cargo.toml with a [workspace] table: builds share its target/ dir. */
function findWorkspaceRoot(repo: RepoView, dir: string): string | undefined {
  const parts = dir === '.' ? [] : dir.split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    const folder = i === 0 ? '.' : parts.slice(0, i).join('/');
    const text = repo.read(repoPath(folder, 'Cargo.toml'), 64 * 1024);
    if (text && /^\[workspace\]/m.test(text)) return folder;
  }
  return undefined;
}

/** rust-toolchain(.toml) channel, when it is a version number. */
export function toolchainVersion(repo: RepoView, dir: string): { value: string; file: string; line?: number; excerpt?: string } | undefined {
  for (const name of ['rust-toolchain.toml', 'rust-toolchain']) {
    const file = repoPath(dir, name);
    const text = repo.has(file) ? repo.read(file, 4096) : null;
    const m = text ? /(?:channel\s*=\s*["'])?(\d+\.\d+(?:\.\d+)?)/.exec(text) : null;
    if (m) {
      const line = findLine(text!, m[1]!);
      return { value: m[1]!, file, line, excerpt: lineText(text!, line) };
    }
  }
  return undefined;
}

/** Path from the package directory to the target/ directory Cargo writes into. */
export function targetDir(pkg: CargoPackage, dir: string): string {
  if (!pkg.workspaceRoot) return 'target';
  const up = posix.relative(dir === '.' ? '' : dir, pkg.workspaceRoot === '.' ? '' : pkg.workspaceRoot);
  return up ? `${up}/target` : 'target';
}
