import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import type { FactSheet } from '../../facts.js';
import { findLine, lineText } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';
import type { PackageManifest } from './package-json.js';

const BUILTIN = new Set(builtinModules);
/** require('x'), import … from 'x', import('x'): bare package names only. */
const IMPORTS = /(?:require\(\s*|from\s+|import\(\s*|import\s+)['"]([^'"./][^'"]*)['"]/g;

/**
 * An app whose start file requires a package listed only in devDependencies crashes in a
 * production install (`npm ci --omit=dev`). Only the entry file is read (bounded): a direct
 * `require` there is the common case (body-parser, dotenv …) and needs no module graph.
 */
export function addDevDependencyUse(repo: RepoView, dir: string, m: PackageManifest, facts: FactSheet): void {
  const argv = facts.best('commands.start')?.split(/\s+/) ?? [];
  if (argv[0] !== 'node') return;
  const entry = argv.slice(1).find((a) => !a.startsWith('-'));
  if (!entry || entry.includes('$')) return;
  const file = [entry, `${entry}.js`, `${entry}.cjs`, `${entry}.mjs`].map((e) => repoPath(dir, posix.normalize(e))).find((f) => repo.has(f));
  const text = file ? repo.read(file, 128 * 1024) : null;
  if (!file || text === null) return;
  const dev = m.pkg.devDependencies;
  const needed = new Map<string, number | undefined>();
  for (const match of text.matchAll(IMPORTS)) {
    const spec = match[1]!;
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
    if (BUILTIN.has(name) || name.startsWith('node:') || !(name in dev) || name in m.pkg.dependencies || needed.has(name)) continue;
    needed.set(name, findLine(text, match[0]));
  }
  if (needed.size === 0) return;
  const [first, line] = [...needed][0]!;
  const names = [...needed.keys()].join(', ');
  facts.add('installDevDependencies', true, {
    source: 'source', file, ...(line ? { line } : {}), excerpt: lineText(text, line),
    reason: `${file} requires ${first}, which package.json lists only in devDependencies`,
  });
  facts.note({
    level: 'warn', file: m.file,
    message: `the start file ${file} requires ${names}, listed only in devDependencies: a production install leaves ${needed.size > 1 ? 'them' : 'it'} out`,
    hint: `move ${names} to "dependencies"; until then the image installs devDependencies too (installDevDependencies: true)`,
  });
}
