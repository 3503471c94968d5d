import { posix } from 'node:path';
import { toProduction } from '../../src/analyze/collectors/commands/dev-to-prod/index.js';
import { dropInit } from '../../src/analyze/collectors/dockerfile.js';
import { MIGRATION } from '../../src/analyze/collectors/commands/start-command.js';
import { joinArgv, parseShell } from '../../src/analyze/collectors/commands/shell.js';
import { resolveCommandLine, scriptCall } from '../../src/analyze/providers/node/scripts.js';
import type { RepoView } from '../../src/analyze/repo.js';

/**
 * Start-command equivalence (bench/analyze/README.md): two commands are equal when they run
 * the same program on the same target, whatever the wrapping. Both sides are reduced to a
 * canonical form — program plus operands, flags and their values dropped — after:
 *  1. `nginx -g 'daemon off;'` (the nginx images' stock CMD) ≡ a static component;
 *  2. `sh -c '…'`, `exec`, init wrappers (`tini --`, `dumb-init`) and `VAR=value` prefixes removed;
 *  3. an entrypoint script of the repository that ends in `exec "$@"` is a pass-through;
 *     any other script stands for its last command (`exec node main` in docker/entrypoint.sh);
 *  4. package scripts followed (`npm run start` → `prisma migrate deploy && node server.js`),
 *     migrations chained before the server dropped (the analyzer makes them the release step);
 *  5. `npx`, `bundle exec`, `poetry|pipenv|uv run` prefixes removed; `python -m server` is that
 *     server, `python -m pkg.main` is `python pkg/main.py`; words that are only a variable
 *     (`${JVM_OPTS}`) are option bags, not operands;
 *  6. a development command on the truth side also counts as its production mapping (the
 *     analyzer's documented table: `mvn spring-boot:run` ≡ `java -jar target/…jar`);
 *  7. operands compared as paths: `./` and the .js/.mjs/.cjs extension ignored; equal when one
 *     path ends with the other or both end with the same two segments (images copy the build
 *     into another WORKDIR: `/app/server/index.mjs` ≡ `.output/server/index.mjs`);
 *  8. any `-jar X.jar` ≡ any other (images rename the jar), and two built binaries of a Go or
 *     Rust app (`/app/main` ≡ `./bin/simplebank`) are the same program.
 * Bind addresses and port numbers are not operands: the port is scored on its own.
 */
export interface EquivalenceContext {
  repo: RepoView;
  appDir: string;
  scripts: Record<string, string>;
  language: string;
  /** Container path → repository paths, from the truth Dockerfile's COPY lines (dockerfile-copies.ts). */
  copies?: Map<string, string[]>;
}

type Form = { program: string; operands: string[] } | 'static';

export function startEquivalent(predicted: { start?: string; kind: string }, truth: string, ctx: EquivalenceContext): boolean {
  const mine: Form[] = predicted.kind === 'static' ? ['static'] : predicted.start ? forms(predicted.start, ctx, 0, false) : [];
  const theirs = forms(truth, ctx, 0, true);
  return mine.some((a) => theirs.some((b) => same(a, b, ctx.language)));
}

/** Canonical forms of a command line (several when a development command also maps to production). */
export function forms(cmd: string, ctx: EquivalenceContext, depth: number, mapDev: boolean): Form[] {
  if (depth > 5) return [];
  if (/^\s*nginx\b.*daemon\s+off/.test(cmd)) return ['static'];
  const parsed = parseShell(cmd);
  const commands = parsed.commands.filter((c) => c.argv.length);
  if (!commands.length) return [];
  let argv = commands.at(-1)!.argv;
  for (let guard = 0; guard < 10; guard++) {
    const next = unwrap(argv, ctx, depth, mapDev);
    if (Array.isArray(next) && next.every((x) => typeof x === 'string')) {
      if (joinArgv(next as string[]) === joinArgv(argv)) break;
      argv = next as string[];
      continue;
    }
    return next as Form[];
  }
  const out: Form[] = [canonical(argv)];
  if (mapDev) {
    const prod = toProduction(argv, { repo: ctx.repo, dir: ctx.appDir });
    if (prod?.staticDir) out.push('static');
    if (prod?.start) out.push(...forms(prod.start, ctx, depth + 1, false));
  }
  return out;
}

/** One unwrapping step: a shorter argv, or the forms of what a script/shell string runs. */
function unwrap(argv: string[], ctx: EquivalenceContext, depth: number, mapDev: boolean): string[] | Form[] {
  const [head = '', ...rest] = argv;
  const base = posix.basename(head);
  if (head === 'exec') return rest;
  if (/^(tini|dumb-init)$/.test(base)) return dropInit(argv);
  if (/^(sh|bash|ash|dash)$/.test(base) && rest[0] === '-c' && rest[1]) return forms(rest[1].replace(/"?\$@"?/g, ''), ctx, depth + 1, mapDev);
  if (head === 'npx' || head === 'bunx') return rest.filter((a, i) => !(a.startsWith('-') && i === 0));
  if (base === 'bundle' && rest[0] === 'exec') return rest.slice(1);
  if (/^(poetry|pipenv|uv)$/.test(head) && rest[0] === 'run') return rest.slice(1);
  if (/^(gosu|su-exec)$/.test(base) && rest.length > 1) return rest.slice(1); // user switch, like an init wrapper
  if (/^python[\d.]*$/.test(base) && rest[0] === '-m' && rest[1]) {
    // `python -m gunicorn …` is gunicorn; `python -m pkg.main` runs the file pkg/main.py.
    if (KNOWN_PROGRAMS.has(rest[1])) return rest.slice(1);
    return [head, `${rest[1].replace(/\./g, '/')}.py`, ...rest.slice(2)];
  }
  const call = scriptCall(argv, ctx.scripts);
  if (call && !call.bin && ctx.scripts[call.script] !== undefined) {
    const resolved = resolveCommandLine(joinArgv(argv), ctx.scripts);
    if (resolved && !resolved.opaque) return resolved.command.argv;
  }
  if (call?.bin) return [call.script, ...call.extra];
  const script = scriptFile(head, ctx);
  if (script !== undefined) {
    if (/exec\s+"?\$@"?|exec\s+"\$\{@\}"/.test(script)) return rest;
    return finalCommands(script).flatMap((c) => forms(c, ctx, depth + 1, mapDev));
  }
  return argv;
}

/** The text of a repository script a command names (`/ghostfolio/entrypoint.sh` → docker/entrypoint.sh). */
function scriptFile(head: string, ctx: EquivalenceContext): string | undefined {
  if (!/\//.test(head) && !/\.sh$/.test(head)) return undefined;
  const name = posix.basename(head);
  if (!name || /^(node|python\d*|java|ruby|php|dotnet|bundle|nginx|gunicorn|uvicorn|celery|puma)$/.test(name)) return undefined;
  const copied = [...(ctx.copies?.entries() ?? [])].find(([dest]) => dest === head || (!head.startsWith('/') && dest.endsWith(`/${head.replace(/^\.\//, '')}`)))?.[1];
  const files = ctx.repo.files().filter((f) => posix.basename(f) === name);
  const best = copied?.find((f) => ctx.repo.has(f)) ?? files.find((f) => head.endsWith(f)) ?? files.find((f) => /docker|scripts?|bin/.test(f)) ?? files[0];
  if (!best) return undefined;
  const text = ctx.repo.read(best, 64 * 1024);
  return text !== null && (/^#!/.test(text) || /\.sh$/.test(name)) ? text : undefined;
}

/**
 * What a non-pass-through script finally runs: every `exec <command>` (branches of an if are
 * alternatives), else its last command line that is not control flow, output or a migration.
 */
function finalCommands(script: string): string[] {
  const lines = script.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const execs = lines.filter((l) => /^exec\s+[^<>\d\s]/.test(l));
  if (execs.length) return execs;
  const last = [...lines].reverse().find((l) => !/^(fi|done|esac|\}|then|else|elif|do|set |echo |if |for |while |case |trap |wait|exit|export |exec\s)/.test(l) && !MIGRATION.test(l) && !/^[A-Za-z_]\w*=/.test(l));
  return last ? [last] : [];
}

const VALUE_FLAGS = new Set([
  '-b', '--bind', '-w', '--workers', '-k', '--worker-class', '--host', '--port', '-p', '-C', '--config', '-c', '--log-level', '-e', '--env',
  '--dir', '--chdir', '-t', '--timeout', '--threads', '-P', '--pidfile', '--access-logfile', '--error-logfile', '-A', '--app', '--urls',
  '--listen', '-l', '-r', '--require', '--environment', '--max-requests',
]);

function canonical(argv: string[]): Form {
  const program = posix.basename(argv[0] ?? '').replace(/^python[\d.]*$/, 'python');
  const operands: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (/^(<|>|>>|>&|<&|&>|\||\()$/.test(a)) break; // redirections end the command's own words
    if (/^\d$/.test(a) && /^[<>]/.test(argv[i + 1] ?? '')) break;
    if (a === '--' || /^"?\$@"?$/.test(a)) continue;
    if (/^"?\$\{?[A-Za-z_]\w*\}?"?$/.test(a)) continue; // an option bag (`${JVM_OPTS}`), not an operand
    if (a === '-jar') {
      operands.push('<jar>');
      i++;
      continue;
    }
    if (a.startsWith('-')) {
      // Known value flags, and Go-style single-dash words (`-config file`), take the next word.
      const goStyle = /^-[a-zA-Z][a-zA-Z-]+$/.test(a) && !(argv[i + 1] ?? '-').startsWith('-');
      if ((VALUE_FLAGS.has(a) || goStyle) && argv[i + 1] !== undefined) i++;
      continue;
    }
    if (/^([\w.-]*:)?\d{2,5}$|^(\d+\.){3}\d+(:\d+)?$|^\[?::\]?:\d+$/.test(a)) continue; // bind address or port
    operands.push(a.replace(/^['"]|['"]$/g, '').replace(/^\.\//, '').replace(/\.((m|c)?js|py)$/, ''));
  }
  return { program, operands: program === 'node' ? operands.slice(0, 1) : operands };
}

function same(a: Form, b: Form, language: string): boolean {
  if (a === 'static' || b === 'static') return a === b;
  const builtBinary = (f: { program: string; operands: string[] }) => f.operands.length === 0 && !KNOWN_PROGRAMS.has(f.program);
  if (a.program !== b.program) return (language === 'go' || language === 'rust') && builtBinary(a) && builtBinary(b);
  return a.operands.length === b.operands.length && a.operands.every((x, i) => samePath(x, b.operands[i]!));
}

const KNOWN_PROGRAMS = new Set(['node', 'python', 'java', 'ruby', 'php', 'dotnet', 'gunicorn', 'uvicorn', 'puma', 'celery', 'nginx', 'npm', 'yarn', 'pnpm', 'go', 'cargo']);

function samePath(x: string, y: string): boolean {
  if (x === y) return true;
  const sx = x.replace(/^\/+/, '').split('/');
  const sy = y.replace(/^\/+/, '').split('/');
  const [short, long] = sx.length <= sy.length ? [sx, sy] : [sy, sx];
  const tail = (s: string[], n: number) => s.slice(-n).join('/');
  if (tail(long, short.length) === short.join('/')) return true;
  return short.length >= 2 && tail(sx, 2) === tail(sy, 2);
}
