import { posix } from 'node:path';
import type { FactSheet } from '../../facts.js';
import type { RepoView } from '../../repo.js';

/** At most this many source files are read per component, each up to MAX_SOURCE_BYTES. */
export const MAX_SOURCE_FILES = 25;
export const MAX_SOURCE_BYTES = 64 * 1024;

const SOURCE = /\.(js|mjs|cjs|ts|mts|cts|jsx|tsx|py|rb|go|php|java|kt|cs)$/;
const NOT_APP_SOURCE = /(^|\/)(tests?|__tests__|spec|specs|e2e|cypress|fixtures?|mocks?|__mocks__|dist|build|out|coverage|vendor|node_modules|migrations|public|static|assets|docs?|examples?|scripts|storybook|\.[^/]+)\/|\.(test|spec|stories|d)\.[a-z]+$|\.min\.js$|\.config\.[cm]?[jt]s$/;
const ENTRY_NAMES = /^(server|app|index|main|wsgi|asgi|settings|config|application|program|startup|puma|www)\.[a-z]+$|^www$/;
const PRIORITY_NAME = /(config|env|settings|server|app|main|index|bootstrap|startup|http|api|routes?|health)/i;
const SOURCE_DIRS = /^(src|server|app|lib|config|api|cmd|internal|pkg|bin|backend|routes|controllers|core|[a-z_]+)\//;

/**
 * The files most likely to show how the component starts and what it reads: the entry file
 * of the decided start command (its TypeScript source when the command runs compiled output),
 * conventional entry names, then other application sources, configuration-like names first.
 * Tests, build output, vendored code and migrations are never read.
 */
export function sourceFiles(repo: RepoView, facts: FactSheet): string[] {
  const prefix = facts.dir === '.' ? '' : `${facts.dir}/`;
  const own = repo.files().filter((f) => f.startsWith(prefix) && SOURCE.test(f) && !NOT_APP_SOURCE.test(f.slice(prefix.length)));
  const picked = new Set<string>();
  for (const entry of entryFromStart(facts.best('commands.start'))) {
    for (const candidate of [entry, ...sourcesOfCompiled(entry)]) {
      const f = prefix + candidate;
      if (repo.has(f)) picked.add(f);
    }
  }
  const ranked = own.map((f) => ({ f, score: score(f, prefix), depth: f.split('/').length }));
  ranked.sort((a, b) => a.score - b.score || a.depth - b.depth || (a.f < b.f ? -1 : 1));
  for (const { f } of ranked) {
    if (picked.size >= MAX_SOURCE_FILES) break;
    picked.add(f);
  }
  return [...picked].slice(0, MAX_SOURCE_FILES);
}

function score(f: string, prefix: string): number {
  const rel = f.slice(prefix.length);
  const name = posix.basename(rel);
  if (ENTRY_NAMES.test(name) && rel.split('/').length <= 3) return 0;
  if (PRIORITY_NAME.test(name)) return 1;
  if (!rel.includes('/') || SOURCE_DIRS.test(rel)) return 2;
  return 3;
}

/** `node dist/main.js` → dist/main.js; `gunicorn app.wsgi:application` → app/wsgi.py; `python app.py` → app.py. */
function entryFromStart(start: string | undefined): string[] {
  if (!start) return [];
  const words = start.split(/\s+/);
  const out: string[] = [];
  for (const w of words.slice(1)) {
    if (SOURCE.test(w)) out.push(w.replace(/^\.\//, ''));
    const mod = /^([A-Za-z_][\w.]*):[A-Za-z_]\w*(\(\))?$/.exec(w);
    if (mod) out.push(`${mod[1]!.replace(/\./g, '/')}.py`);
  }
  if (words[0] === 'node' && words[1] && !SOURCE.test(words[1]) && !words[1].startsWith('-')) out.push(words[1].replace(/^\.\//, ''), `${words[1].replace(/^\.\//, '')}.js`, `${words[1].replace(/^\.\//, '')}/index.js`);
  return out;
}

/** The TypeScript sources a compiled file may come from: dist/main.js → src/main.ts, main.ts. */
function sourcesOfCompiled(file: string): string[] {
  const m = /^(?:dist|build|out|lib)\/(.+)\.(m?js|cjs)$/.exec(file);
  if (!m) return [];
  const rest = m[1]!.replace(/^src\//, '');
  return [`src/${rest}.ts`, `${rest}.ts`, `src/${rest}.tsx`, `server/${rest}.ts`];
}
