import { isSecretName } from '../../component-builder.js';
import { parseEnvFile } from '../env-file.js';
import { serviceFromEnv } from '../env-services.js';
import { parseShell } from '../commands/shell.js';
import { parseDockerRun, serviceOfImage } from './docker-run.js';
import { readmeOrigin, type ReadmeContext } from './types.js';

/** An environment variable name as READMEs write them: upper case with an underscore. */
const ENV_NAME = /^[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]$/;
/** A few single-word names are variables only when the text says so. */
const BARE_ENV_NAME = /^(PORT|HOST|HOSTNAME|DEBUG|TZ|ORIGIN|URL|ENV|SECRET|LOG_LEVEL)$/;
const ENV_CONTEXT = /\b(env(ironment)?( var(iable)?s?)?|variables?|settings?|set|export|configure|config)\b/i;
const SET_IN_PROSE = /\b(?:set|export|define|provide|configure)\s+(?:the\s+)?(?:`)?([A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9])\b/g;
/** A list item defining a setting: "* `NAME`: what it does". */
const LIST_DEFINITION = /^\s*([-*+]|\d+\.)\s+`[^`]+`\s*[:=—–-]/;
const NOT_ENV = /^(HTTP_\d+|UTF_8|ISO_\d+|[A-Z]_[A-Z])$/;
const DOTENV_LANGS = new Set(['env', 'dotenv', 'ini', 'properties', 'conf', 'sh', 'bash', 'shell', '', 'text', 'txt']);

/** Environment variables the README documents: `export X=`, `-e X=`, .env snippets, tables, "set `X`". */
export function addReadmeEnv(ctx: ReadmeContext): void {
  const { facts, view } = ctx;
  const add = (name: string, line: number, excerpt: string, reason: string, value?: string, description?: string) => {
    if (NOT_ENV.test(name) || !/^[A-Z][A-Z0-9_]*$/.test(name)) return; // lower-case names are shell variables
    const usable = value !== undefined && value !== '' && !/^<.*>$|^\$|your|change|replace|xxx|\.\.\./i.test(value);
    facts.addEnv(name, {
      ...(usable && !isSecretName(name) ? { default: value } : {}),
      ...(description ? { description } : {}),
    }, readmeOrigin(view, line, excerpt, reason));
    const service = serviceFromEnv(name, value);
    if (service && value !== undefined) facts.addService(service, readmeOrigin(view, line, excerpt, `README: ${name} points at ${service}`, 0.5));
  };
  for (const l of view.shell) {
    const run = parseDockerRun(l.text);
    // Variables given to a database or broker container configure that service, not the app.
    if (!run || !serviceOfImage(run.image)) for (const e of run?.env ?? []) add(e.name, l.line, l.text, 'README passes it to docker run', e.value);
    for (const c of parseShell(l.text).commands) {
      for (const [name, value] of Object.entries(c.env)) add(name, l.line, l.text, 'README sets it on the command line', value);
      if (c.argv[0] === 'export' || c.argv[0] === 'set' || c.argv[0] === 'setx') {
        for (const a of c.argv.slice(1)) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(a);
          if (m) add(m[1]!, l.line, l.text, 'README exports it', m[2]);
        }
      }
    }
  }
  for (const b of view.otherBlocks) {
    if (!DOTENV_LANGS.has(b.lang)) continue;
    const entries = parseEnvFile(b.text).filter((e) => !e.commented);
    const lines = b.text.split('\n').filter((t) => t.trim() && !t.trim().startsWith('#')).length;
    // In a shell block every line must be a bare assignment (`PORT=4100 pnpm start` is a command).
    const shellish = !/^(env|dotenv|ini|properties|conf)$/.test(b.lang);
    if (entries.length === 0 || entries.length < (shellish ? lines : lines / 2)) continue;
    if (shellish && entries.some((e) => /\s/.test(e.value) && !/^(['"]).*\1$/.test(b.text.split('\n')[e.line - 1]!.split('=').slice(1).join('=').trim()))) continue;
    for (const e of entries) add(e.name, b.line + e.line - 1, `${e.name}=${e.value}`, 'README .env snippet', e.value, e.description);
  }
  for (const c of view.inline) {
    const table = /^\s*\|/.test(c.context);
    const name = c.value.trim().replace(/^\$/, '');
    const listed = LIST_DEFINITION.test(c.context) && c.context.includes(`${'`'}${c.value}${'`'}`);
    const strong = ENV_NAME.test(name) && (table || listed || ENV_CONTEXT.test(c.context) || ENV_CONTEXT.test(c.section));
    const bare = BARE_ENV_NAME.test(name) && /\b(env(ironment)? var|environment|variable)/i.test(c.context);
    if (!strong && !bare) continue;
    const cells = table ? c.context.split('|').map((s) => s.trim()).filter(Boolean) : [];
    const description = cells.length > 1 ? cells[1]!.replace(/`/g, '').slice(0, 200) : undefined;
    add(name, c.line, c.context, table ? 'README table of settings' : 'README names it as a setting', undefined, description);
  }
  for (const p of view.prose) {
    for (const m of p.text.matchAll(SET_IN_PROSE)) add(m[1]!, p.line, p.text, 'README asks to set it');
  }
}
