import { posix } from 'node:path';
import type { RepoView } from '../../repo.js';
import type { CodeBlock, ReadmeDoc } from './markdown.js';

/** One command written in a README code block, continuation lines joined. */
export interface ShellLine {
  text: string;
  line: number;
  section: string;
  /** Directory the command runs in (repository path), after the block's `cd`s. */
  cwd: string;
}

const SHELL_LANGS = new Set(['', 'sh', 'bash', 'shell', 'zsh', 'console', 'shellsession', 'sh-session', 'terminal', 'powershell', 'ps1', 'ps', 'cmd', 'bat', 'fish', 'text', 'txt', 'plaintext', 'plain', 'none', 'docker', 'dockerfile-run']);
/** First words that make an untyped block line a command (and not output or prose). */
const COMMAND_WORD = /^(sudo\s+)?(npm|npx|yarn|pnpm|pnpx|bun|bunx|node|nodemon|deno|docker|podman|git|cd|python3?|pip3?|pipenv|poetry|uv|gunicorn|uvicorn|flask|django-admin|celery|fastapi|bundle|bin\/rails|rails|ruby|rake|rackup|php|composer|java|mvn|\.\/mvnw|mvnw|gradle|\.\/gradlew|gradlew|go|dotnet|cargo|make|export|brew|apt|apt-get|apk|yum|dnf|createdb|psql|redis-server|mongod|cp|mv|mkdir|curl|wget|source|\.\/[\w./-]+)(\s|$)/;
const PROMPT = /^\s*(\$|%|>|PS [^>]*>)\s+/;

/** Every command line of the README's shell-like code blocks, with the directory it runs in. */
export function shellLines(doc: ReadmeDoc, repo: RepoView): ShellLine[] {
  const base = posix.dirname(doc.file);
  const out: ShellLine[] = [];
  for (const block of doc.codeBlocks) {
    if (!SHELL_LANGS.has(block.lang)) continue;
    out.push(...blockLines(block, base, repo));
  }
  return out;
}

function blockLines(block: CodeBlock, base: string, repo: RepoView): ShellLine[] {
  const prompted = block.lines.some((l) => PROMPT.test(l.text));
  const loose = !['sh', 'bash', 'shell', 'zsh', 'console', 'shellsession', 'sh-session', 'terminal', 'fish', 'powershell', 'ps1'].includes(block.lang);
  const out: ShellLine[] = [];
  let cwd = base;
  let cloned: string | undefined;
  let pending: { text: string; line: number } | undefined;
  for (const l of block.lines) {
    let text = l.text;
    if (!pending) {
      if (prompted) {
        if (!PROMPT.test(text)) continue;
        text = text.replace(PROMPT, '');
      }
      if (/^\s*(#|\/\/|rem\s)/i.test(text) || !text.trim()) continue;
    }
    text = text.replace(/\\\s+#.*$/, '\\');
    const joined = pending ? `${pending.text} ${text.trim()}` : text.trim();
    if (/\\$/.test(joined)) {
      pending = { text: joined.replace(/\\$/, '').trim(), line: pending?.line ?? l.line };
      continue;
    }
    const line = pending?.line ?? l.line;
    pending = undefined;
    if (loose && !COMMAND_WORD.test(joined)) continue;
    for (const part of joined.split(/\s*&&\s*(?=cd\s)|(?<=^cd\s+\S+)\s*&&\s*/)) {
      const cd = /^cd\s+(['"]?)([^'"\s;&]+)\1\s*$/.exec(part);
      const clone = /^git\s+clone\s+(?:-\S+\s+)*(\S+)(?:\s+(\S+))?/.exec(part);
      if (clone) cloned = clone[2] ?? posix.basename(clone[1]!).replace(/\.git$/, '');
      if (cd) {
        cwd = changeDir(cwd, cd[2]!, base, cloned, repo);
        continue;
      }
      out.push({ text: part, line, section: block.section, cwd });
    }
  }
  return out;
}

function changeDir(cwd: string, target: string, base: string, cloned: string | undefined, repo: RepoView): string {
  if (target === cloned) return base;
  if (target.startsWith('/') || target.startsWith('~') || target.includes('$')) return cwd;
  const next = posix.normalize(posix.join(cwd, target));
  if (next.startsWith('..')) return cwd;
  const exists = next === '.' || repo.files().some((f) => f.startsWith(`${next}/`));
  return exists ? next : cwd;
}
