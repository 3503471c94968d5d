import { posix } from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import { repoPath, type RepoView } from '../../repo.js';

export interface TsConfig {
  file: string;
  outDir?: string;
  rootDir?: string;
  include?: string[];
  exclude?: string[];
}

/** The build config tsc uses for production: tsconfig.build.json (NestJS and others), else tsconfig.json. */
export function readTsConfig(repo: RepoView, dir: string): TsConfig | undefined {
  for (const name of ['tsconfig.build.json', 'tsconfig.json']) {
    const cfg = readOne(repo, repoPath(dir, name), dir, 0);
    if (cfg) return cfg;
  }
  return undefined;
}

/**
 * The file tsc writes for a TypeScript source (component-relative paths): outDir plus the
 * source's path below rootDir (given, or the common directory of the compiled sources, as tsc
 * computes it). `src/main.ts` with outDir dist → `dist/main.js`.
 */
export function compiledPath(repo: RepoView, dir: string, source: string, cfg = readTsConfig(repo, dir)): string {
  const js = source.replace(/^\.\//, '').replace(/\.tsx?$/, '.js').replace(/\.mts$/, '.mjs').replace(/\.cts$/, '.cjs');
  if (!cfg?.outDir) return js;
  const rootDir = cfg.rootDir ?? inferRootDir(repo, dir, cfg);
  const rel = rootDir === '.' ? js : posix.relative(rootDir, js);
  return posix.join(cfg.outDir, rel.startsWith('..') ? js : rel);
}

function inferRootDir(repo: RepoView, dir: string, cfg: TsConfig): string {
  const prefix = dir === '.' ? '' : `${dir}/`;
  const include = picomatch((cfg.include ?? ['**/*']).map(globOf), { dot: false });
  const exclude = picomatch([...(cfg.exclude ?? []).map(globOf), `${cfg.outDir}/**`, 'node_modules/**'], { dot: true });
  const dirs: string[][] = [];
  for (const f of repo.files()) {
    if (!f.startsWith(prefix)) continue;
    const rel = f.slice(prefix.length);
    if (!/\.(ts|tsx|mts|cts)$/.test(rel) || rel.endsWith('.d.ts') || !include(rel) || exclude(rel)) continue;
    dirs.push(rel.split('/').slice(0, -1));
    if (dirs.length > 2000) break;
  }
  if (dirs.length === 0) return '.';
  let common = dirs[0]!;
  for (const d of dirs) {
    let i = 0;
    while (i < common.length && i < d.length && common[i] === d[i]) i++;
    common = common.slice(0, i);
  }
  return common.length ? common.join('/') : '.';
}

/** tsconfig `include`/`exclude` entries are directories or globs. */
function globOf(p: string): string {
  const clean = p.replace(/^\.\//, '').replace(/\/+$/, '');
  return /[*?{]/.test(clean) || /\.[a-z]+$/i.test(clean) ? clean : `${clean}/**`;
}

function readOne(repo: RepoView, file: string, dir: string, depth: number): TsConfig | undefined {
  const text = repo.read(file);
  if (text === null) return undefined;
  const errors: ParseError[] = [];
  const raw = parseJsonc(text, errors, { allowTrailingComma: true }) as Record<string, unknown> | undefined;
  if (!raw || typeof raw !== 'object') return undefined;
  const opts = (raw.compilerOptions ?? {}) as Record<string, unknown>;
  const base = typeof raw.extends === 'string' && raw.extends.startsWith('.') && depth < 3
    ? readOne(repo, posix.normalize(posix.join(posix.dirname(file), raw.extends.endsWith('.json') ? raw.extends : `${raw.extends}.json`)), dir, depth + 1)
    : undefined;
  const rel = (p: unknown) => (typeof p === 'string' ? posix.normalize(p).replace(/^\.\//, '').replace(/\/+$/, '') || '.' : undefined);
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
  const outDir = rel(opts.outDir) ?? base?.outDir;
  const rootDir = rel(opts.rootDir) ?? base?.rootDir;
  const include = list(raw.include) ?? list(raw.files) ?? base?.include;
  const exclude = list(raw.exclude) ?? base?.exclude;
  return { file, ...(outDir ? { outDir } : {}), ...(rootDir ? { rootDir } : {}), ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) };
}
