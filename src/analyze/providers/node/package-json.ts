import { findLine, lineText, readJson } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';

/** The fields of package.json the analyzer uses, each checked for its type. */
export interface PackageJson {
  name?: string;
  main?: string;
  type?: string;
  private?: boolean;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  engines: Record<string, string>;
  packageManager?: string;
  /** `workspaces` as an array, or `workspaces.packages`. */
  workspaces?: string[];
  volta?: Record<string, string>;
  /** Library markers: a published package exposes these. */
  exports?: unknown;
  module?: string;
  types?: string;
  bin?: unknown;
}

export interface PackageManifest {
  /** Repository path of the package.json. */
  file: string;
  pkg: PackageJson;
  text: string;
}

/**
 * Reads `<dir>/package.json`; null when absent or malformed (RepoView notes the line). Parsed
 * once per analysis: the provider, start-command interpretation and collectors all ask.
 */
export function readPackageJson(repo: RepoView, dir: string): PackageManifest | null {
  const file = repoPath(dir, 'package.json');
  return repo.memo(`package.json:${file}`, () => {
    const parsed = readJson<unknown>(repo, file);
    if (!parsed || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) return null;
    return { file, pkg: toPackageJson(parsed.value as Record<string, unknown>), text: parsed.text };
  });
}

function toPackageJson(raw: Record<string, unknown>): PackageJson {
  const ws = raw.workspaces;
  const workspaces = stringList(ws) ?? stringList((ws as { packages?: unknown } | undefined)?.packages);
  return {
    ...(str(raw.name) !== undefined ? { name: str(raw.name) } : {}),
    ...(str(raw.main) !== undefined ? { main: str(raw.main) } : {}),
    ...(str(raw.type) !== undefined ? { type: str(raw.type) } : {}),
    ...(typeof raw.private === 'boolean' ? { private: raw.private } : {}),
    scripts: stringMap(raw.scripts),
    dependencies: stringMap(raw.dependencies),
    devDependencies: stringMap(raw.devDependencies),
    engines: stringMap(raw.engines),
    ...(str(raw.packageManager) !== undefined ? { packageManager: str(raw.packageManager) } : {}),
    ...(workspaces ? { workspaces } : {}),
    ...(raw.volta && typeof raw.volta === 'object' ? { volta: stringMap(raw.volta) } : {}),
    ...(raw.exports !== undefined ? { exports: raw.exports } : {}),
    ...(str(raw.module) !== undefined ? { module: str(raw.module) } : {}),
    ...(str(raw.types ?? raw.typings) !== undefined ? { types: str(raw.types ?? raw.typings) } : {}),
    ...(raw.bin !== undefined ? { bin: raw.bin } : {}),
  };
}

/** True when the package depends (in any section) on one of `names` (exact, or a RegExp). */
export function hasDependency(pkg: PackageJson, ...names: (string | RegExp)[]): boolean {
  return names.some((n) => dependencyNames(pkg).some((d) => (typeof n === 'string' ? d === n : n.test(d))));
}

export function dependencyNames(pkg: PackageJson): string[] {
  return [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
}

/** Evidence position of a key inside package.json text: `"<key>"`, searched after `"<section>"`. */
export function keyLine(m: PackageManifest, key: string, section?: string): { line?: number; excerpt?: string } {
  const from = section ? findLine(m.text, `"${section}"`) ?? 1 : 1;
  const line = findLine(m.text, `"${key}"`, from);
  const excerpt = lineText(m.text, line);
  return { ...(line ? { line } : {}), ...(excerpt ? { excerpt } : {}) };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function stringMap(v: unknown): Record<string, string> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}
