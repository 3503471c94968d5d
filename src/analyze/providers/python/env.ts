import type { EnvAttrs, FactSheet } from '../../facts.js';
import { linesOf, type PythonSource } from './sources.js';

const NAME = '([A-Z][A-Z0-9_]*)';

/**
 * Ways Python code reads the environment. `required` when there is no fallback; a literal
 * fallback becomes the default (never for secret-looking names: the builder drops those).
 */
const READS: { re: RegExp; kind: 'required' | 'optional' | 'unless-default' }[] = [
  { re: new RegExp(`\\bos\\.environ\\[\\s*["']${NAME}["']\\s*\\]`, 'g'), kind: 'required' },
  { re: new RegExp(`\\b(?:os\\.environ\\.get|os\\.getenv|os\\.environ\\.setdefault)\\(\\s*["']${NAME}["']\\s*(?:,\\s*([^)]*))?\\)`, 'g'), kind: 'optional' },
  // django-environ (env("X"), env.bool("X", default=…)) and python-decouple (config("X")).
  { re: new RegExp(`\\b(?:env(?:\\.(?:str|bool|int|float|list|tuple|dict|json|url|db|db_url|cache|cache_url|email|email_url|search_url|path))?|config)\\(\\s*["']${NAME}["']\\s*(?:,\\s*([^)]*))?\\)`, 'g'), kind: 'unless-default' },
];

/** `from os import environ, getenv`: the bare names then read the process environment. */
const BARE_READ = new RegExp(`(?<![\\w.])(?:environ\\.get|getenv)\\(\\s*["']${NAME}["']\\s*(?:,\\s*([^)]*))?\\)`, 'g');
/** CGI/WSGI request variables: read from a request's environ, never from the process. */
const REQUEST_VARIABLE = /^(PATH_INFO|SCRIPT_NAME|QUERY_STRING|REQUEST_METHOD|CONTENT_(TYPE|LENGTH)|SERVER_(NAME|PORT|PROTOCOL|SOFTWARE)|REMOTE_(ADDR|USER|HOST)|HTTP_[A-Z_]+)$/;

const PYDANTIC_FIELD = /^\s{4}([A-Z][A-Z0-9_]*)\s*:\s*[^=]+?(?:=\s*(.+))?$/;

export function addEnvFromSource(sources: readonly PythonSource[], facts: FactSheet): void {
  for (const s of sources) {
    const t = s.text;
    if (!(t.includes('environ') || t.includes('getenv') || t.includes('env(') || t.includes('env.') || t.includes('config(') || t.includes('BaseSettings'))) continue;
    const settingsClasses = pydanticSettingsClasses(s.text);
    const reads = /^from\s+os\s+import\s+[^\n]*\b(environ|getenv)\b/m.test(s.text) ? [...READS, { re: BARE_READ, kind: 'optional' as const }] : READS;
    let inSettings = false;
    for (const [line, text] of linesOf(s)) {
      if (!inSettings && !/env|config\(|^class\s/.test(text)) continue;
      if (text.trimStart().startsWith('#')) continue;
      const origin = { source: 'source' as const, file: s.file, line, excerpt: text.trim().slice(0, 200) };
      for (const { re, kind } of reads) {
        for (const m of text.matchAll(re)) {
          if (REQUEST_VARIABLE.test(m[1]!)) continue;
          const attrs: EnvAttrs = { required: kind === 'required' || (kind === 'unless-default' && m[2] === undefined) };
          const def = literal(m[2]);
          if (def !== undefined) attrs.default = def;
          facts.addEnv(m[1]!, attrs, { ...origin, reason: 'read from the environment' });
        }
      }
      // pydantic BaseSettings: every upper-case field is an environment variable.
      const cls = /^class\s+(\w+)\s*\(/.exec(text);
      if (cls) inSettings = settingsClasses.has(cls[1]!);
      else if (inSettings && /^\S/.test(text)) inSettings = false;
      const field = inSettings ? PYDANTIC_FIELD.exec(text) : null;
      if (field) {
        const def = literal(field[2]?.trim());
        facts.addEnv(field[1]!, { required: field[2] === undefined, ...(def !== undefined ? { default: def } : {}) }, { ...origin, reason: 'pydantic settings field' });
      }
    }
  }
}

/** Classes deriving, directly or through another class of the file, from BaseSettings. */
function pydanticSettingsClasses(text: string): Set<string> {
  const out = new Set<string>();
  if (!text.includes('BaseSettings')) return out;
  const decls = [...text.matchAll(/^class\s+(\w+)\s*\(([^)]*)\)/gm)].map((m) => ({ name: m[1]!, bases: m[2]!.split(',').map((b) => b.trim()) }));
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of decls) {
      if (!out.has(d.name) && d.bases.some((b) => b === 'BaseSettings' || b.endsWith('.BaseSettings') || out.has(b))) {
        out.add(d.name);
        grew = true;
      }
    }
  }
  return out;
}

/** A plain literal default ("8000", 8000, True), or undefined for expressions. */
function literal(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const v = raw.replace(/^default\s*=\s*/, '').trim();
  const str = /^(["'])(.*)\1$/.exec(v);
  if (str) return str[2];
  if (/^-?\d+(\.\d+)?$/.test(v) || v === 'True' || v === 'False') return v;
  return undefined;
}
