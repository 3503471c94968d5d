import type { AnalyzeContext } from '../../provider.js';
import type { RepoView } from '../../repo.js';

export interface GoSource {
  file: string;
  /** Path relative to the module directory. */
  rel: string;
  text: string;
  lines: string[];
  /** Directory of the package, relative to the module ("." for the root package). */
  pkg: string;
  isMain: boolean;
}

const NOT_APP_CODE = /(^|\/)(testdata|vendor|examples?|docs?|third_party|node_modules|\.\w+)\//;
const MAX_FILES = 300;
const MAX_BYTES = 48 * 1024;

/** The module's non-test Go files outside nested modules and components, shallow first. */
export function goSources(repo: RepoView, dir: string, ctx: AnalyzeContext): GoSource[] {
  const prefix = dir === '.' ? '' : `${dir}/`;
  const nested = [...ctx.componentDirs.filter((d) => d !== dir && (dir === '.' || d.startsWith(prefix)))];
  const nestedModules = repo.files().filter((f) => f.startsWith(prefix) && f.endsWith('/go.mod') && f !== `${prefix}go.mod`).map((f) => f.slice(0, -'go.mod'.length - 1));
  const excluded = [...nested, ...nestedModules].map((d) => `${d}/`);
  const files = repo
    .files()
    .filter((f) => f.startsWith(prefix) && f.endsWith('.go') && !f.endsWith('_test.go') && !excluded.some((e) => f.startsWith(e)))
    .map((f) => ({ file: f, rel: f.slice(prefix.length) }))
    .filter((f) => !NOT_APP_CODE.test(f.rel))
    .sort((a, b) => a.rel.split('/').length - b.rel.split('/').length || a.rel.localeCompare(b.rel))
    .slice(0, MAX_FILES);
  const out: GoSource[] = [];
  for (const f of files) {
    const text = repo.read(f.file, MAX_BYTES);
    if (text === null) continue;
    const pkg = f.rel.includes('/') ? f.rel.slice(0, f.rel.lastIndexOf('/')) : '.';
    out.push({ ...f, text, lines: text.split('\n'), pkg, isMain: /^package\s+main\b/m.test(text) && /^func\s+main\s*\(\s*\)/m.test(text) });
  }
  return out;
}
