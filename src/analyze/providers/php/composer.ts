import { findLine, lineText, readJson } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';

export interface Composer {
  file: string;
  text: string;
  require: Record<string, string>;
  requireDev: Record<string, string>;
  platformPhp: string | undefined;
  name: string | undefined;
}

const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const strings = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(rec(v)).filter((e): e is [string, string] => typeof e[1] === 'string'));

export function readComposer(repo: RepoView, dir: string): Composer | null {
  const file = repoPath(dir, 'composer.json');
  const parsed = readJson(repo, file);
  if (!parsed) return null;
  const v = parsed.value;
  const platform = rec(rec(v.config).platform).php;
  return {
    file, text: parsed.text,
    require: strings(v.require), requireDev: strings(v['require-dev']),
    platformPhp: typeof platform === 'string' ? platform : undefined,
    name: typeof v.name === 'string' ? v.name.split('/').pop() : undefined,
  };
}

/** Where a package is required, for evidence. */
export function requireOrigin(c: Composer, pkg: string) {
  const line = findLine(c.text, `"${pkg}"`);
  return { source: 'manifest' as const, file: c.file, line, excerpt: lineText(c.text, line), reason: `requires ${pkg}` };
}

export function requires(c: Composer, ...pkgs: string[]): string | undefined {
  return pkgs.find((p) => p in c.require);
}
