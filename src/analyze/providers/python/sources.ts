import type { AnalyzeContext } from '../../provider.js';
import type { RepoView } from '../../repo.js';

/** Paths inside a component that hold no application code worth scanning. */
const NOT_APP_CODE = /(^|\/)(tests?|testing|__tests__|migrations|alembic|docs?|examples?|scripts|fixtures|node_modules|site-packages|build|dist|vendor|vendored|_vendor|third_party|thirdparty)\/|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$|(^|\/)(bottle|six)\.py$/;
const MAX_FILES = 300;
/** Read bound per source file: application modules past it are rare, and scanning is evidence. */
const MAX_BYTES = 48 * 1024;

export interface PythonSource {
  /** Repository-relative path. */
  file: string;
  /** Path relative to the component directory. */
  rel: string;
  text: string;
  /** The text split once into lines (every scanner walks them). */
  lines: string[];
}

/**
 * The component's Python files, shallow ones first, without tests, migrations and nested
 * components; bounded so a large monolith stays fast (scanning is evidence, not a parser).
 */
export function pythonSources(repo: RepoView, dir: string, ctx: AnalyzeContext): PythonSource[] {
  const prefix = dir === '.' ? '' : `${dir}/`;
  const nested = ctx.componentDirs.filter((d) => d !== dir && (dir === '.' || d.startsWith(prefix))).map((d) => `${d}/`);
  const files = repo
    .files()
    .filter((f) => f.endsWith('.py') && f.startsWith(prefix) && !nested.some((n) => f.startsWith(n)))
    .map((f) => ({ file: f, rel: f.slice(prefix.length) }))
    .filter((f) => !NOT_APP_CODE.test(f.rel))
    .map((f) => ({ ...f, depth: depth(f.rel) }))
    .sort((a, b) => a.depth - b.depth || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
    .slice(0, MAX_FILES);
  const out: PythonSource[] = [];
  for (const f of files) {
    const text = repo.read(f.file, MAX_BYTES);
    if (text !== null) out.push({ file: f.file, rel: f.rel, text, lines: text.split('\n') });
  }
  return out;
}

function depth(p: string): number {
  return p.split('/').length;
}

/** "saleor/asgi/__init__.py" → "saleor.asgi"; "src/app/main.py" → "app.main" (src layout). */
export function moduleOf(rel: string): { module: string; srcLayout: boolean } {
  const srcLayout = rel.startsWith('src/');
  const path = (srcLayout ? rel.slice(4) : rel).replace(/\.py$/, '').replace(/\/__init__$/, '');
  return { module: path.split('/').join('.'), srcLayout };
}

/** Each line with its 1-based number, for line-oriented evidence scanning. */
export function* linesOf(s: Pick<PythonSource, 'lines'>): Generator<[number, string]> {
  for (let i = 0; i < s.lines.length; i++) yield [i + 1, s.lines[i]!];
}

export function hasMainGuard(text: string): boolean {
  return /^if\s+__name__\s*==\s*["']__main__["']\s*:/m.test(text);
}
