import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import type { ParseProblem, SourceText } from './source.js';
import { splitImageRef } from './image-ref.js';

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export interface DfInstruction {
  keyword: string;
  /** Arguments as Docker sees them: continuations joined, embedded comment lines dropped. */
  args: string;
  /** Arguments split like the shell would, quotes removed (for pattern checks). */
  words: string[];
  /** JSON (exec) form: the array, else null. */
  json: string[] | null;
  line: number;
  column: number;
  endLine: number;
  /** Offsets into the file text: the whole instruction, for text edits. */
  start: number;
  end: number;
  stage: number;
  flags: Record<string, string | null>;
}

export interface DfStage {
  index: number;
  /** `AS name`, lower-cased as Docker does. */
  name: string | null;
  /** The image after resolving ARG defaults (`${BASE}` → `node:20`); null for `FROM scratch`. */
  image: string;
  imageName: string;
  tag: string | null;
  digest: string | null;
  /** FROM names an earlier stage rather than an image. */
  fromStage: boolean;
  from: DfInstruction;
  instructions: DfInstruction[];
}

export interface DockerfileDoc {
  source: SourceText;
  stages: DfStage[];
  instructions: DfInstruction[];
  /** ARGs before the first FROM. */
  globalArgs: DfInstruction[];
}

export type DockerfileParse = { ok: true; doc: DockerfileDoc } | { ok: false; problem: ParseProblem };

/**
 * Parses a Dockerfile with dockerfile-ast. dockerfile-ast accepts anything, so the checks
 * Docker's own parser would make (unknown instruction, no FROM, an instruction before the
 * first FROM) turn into a parse problem here.
 */
export function parseDockerfile(source: SourceText): DockerfileParse {
  const { path } = source;
  const ast = DockerfileParser.parse(source.text);
  const instructions: DfInstruction[] = [];
  const globalArgs: DfInstruction[] = [];
  const stages: DfStage[] = [];
  for (const raw of ast.getInstructions()) {
    const keyword = raw.getKeyword().toUpperCase();
    const range = raw.getRange();
    const line = range.start.line + 1;
    if (!KEYWORDS.has(keyword)) {
      return problem(path, line, range.start.character + 1, `unknown instruction "${raw.getInstruction()}"`);
    }
    const ins = toInstruction(raw, keyword, source, Math.max(0, stages.length - 1));
    if (keyword === 'FROM') {
      ins.stage = stages.length;
      stages.push(toStage(ins, stages, globalArgs));
    } else if (stages.length === 0) {
      if (keyword !== 'ARG') return problem(path, line, 1, `${keyword} before the first FROM`);
      globalArgs.push(ins);
      instructions.push(ins);
      continue;
    }
    instructions.push(ins);
    if (keyword !== 'FROM') stages[stages.length - 1]!.instructions.push(ins);
  }
  if (stages.length === 0) return problem(path, 1, 1, 'no FROM instruction');
  return { ok: true, doc: { source, stages, instructions, globalArgs } };
}

function problem(file: string, line: number, column: number, message: string): DockerfileParse {
  return { ok: false, problem: { file, line, column, message: `malformed Dockerfile: ${message}` } };
}

function toInstruction(raw: Instruction, keyword: string, source: SourceText, stage: number): DfInstruction {
  const range = raw.getRange();
  const start = source.lineStarts[range.start.line]! + range.start.character;
  const end = source.lineStarts[range.end.line]! + range.end.character;
  // The text after the keyword, flags included (dockerfile-ast leaves COPY/ADD flags out of its arguments).
  const rawArgs = source.text.slice(start, end).replace(/^\s*\S+/, '');
  const args = rawArgs
    .split('\n')
    .filter((l, i) => i === 0 || !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\r?\n/g, ' ')
    .trim();
  const { flags, rest } = splitFlags(args);
  return {
    keyword,
    args: rest,
    words: shellWords(rest),
    json: jsonForm(rest),
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    start,
    end,
    stage,
    flags,
  };
}

/** Leading `--flag=value` options (COPY --from, RUN --mount, FROM --platform …). */
function splitFlags(args: string): { flags: Record<string, string | null>; rest: string } {
  const flags: Record<string, string | null> = {};
  let rest = args;
  for (;;) {
    const m = /^--([A-Za-z-]+)(?:=(\S*))?\s*/.exec(rest);
    if (!m) break;
    const prev = flags[m[1]!];
    flags[m[1]!] = prev ? `${prev} ${m[2] ?? ''}` : (m[2] ?? null);
    rest = rest.slice(m[0].length);
  }
  return { flags, rest };
}

function toStage(from: DfInstruction, earlier: DfStage[], globalArgs: DfInstruction[]): DfStage {
  const [imageWord = '', as, name] = from.words;
  const image = resolveArgs(imageWord, globalArgs);
  const lower = image.toLowerCase();
  const fromStage = earlier.some((s) => s.name === lower);
  const ref = splitImageRef(image);
  return {
    index: earlier.length,
    name: as?.toUpperCase() === 'AS' && name ? name.toLowerCase() : null,
    image,
    imageName: ref.name,
    tag: ref.tag,
    digest: ref.digest,
    fromStage,
    from,
    instructions: [],
  };
}

/** `${BASE}` / `$BASE` from ARG defaults declared before the first FROM. */
function resolveArgs(word: string, globalArgs: DfInstruction[]): string {
  return word.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}?/g, (all, name: string, fallback?: string) => {
    for (const arg of globalArgs) {
      const [k, v] = (arg.words[0] ?? '').split('=');
      if (k === name && v !== undefined) return v;
    }
    return fallback ?? all;
  });
}

function jsonForm(args: string): string[] | null {
  if (!args.startsWith('[')) return null;
  try {
    const v: unknown = JSON.parse(args);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
  } catch {
    return null;
  }
}

/** A small shell-word splitter: quotes group, backslashes escape; enough for pattern checks. */
export function shellWords(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has || cur) out.push(cur);
  return out;
}
