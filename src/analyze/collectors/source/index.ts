import type { FactSheet, Origin } from '../../facts.js';
import type { EvidenceCollector } from '../../provider.js';
import { MAX_SOURCE_BYTES, sourceFiles } from './files.js';
import { serviceFromEnv } from '../env-services.js';
import { BUILTIN_ENV, ENV_DESTRUCTURE, ENV_GUARDS, ENV_READS, HEALTH_HINT, HEALTH_ROUTE, hasAnchor, PORT_DEFAULTS, PORT_LITERALS } from './patterns.js';

/** Default ports of databases and brokers: a number next to them is not the app's port. */
const SERVICE_PORTS = new Set([5432, 6379, 27017, 3306, 5672, 15672, 9200, 9300, 11211, 2181, 9092, 1025, 587, 465, 25, 443]);
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * Application source as evidence (bounded: the likely entry files first, at most 25 files, read
 * as text): environment variables the code reads, the port it listens on or defaults to, its
 * health route. JavaScript/TypeScript, Python, Ruby, Go, PHP, Java/Kotlin and C# patterns.
 */
export const sourceCollector: EvidenceCollector = {
  id: 'source',
  collect(repo, facts) {
    for (const file of sourceFiles(repo, facts)) {
      const text = repo.read(file, MAX_SOURCE_BYTES);
      if (text) scan(facts, file, text);
    }
  },
};

function scan(facts: FactSheet, file: string, text: string): void {
  const at = lineIndex(text);
  const origin = (index: number, reason: string, weight?: number): Origin => {
    const { line, excerpt } = at(index);
    return { source: 'source', file, line, excerpt, reason, ...(weight ? { weight } : {}) };
  };
  const env = new Map<string, number>();
  for (const { anchor, re } of ENV_READS) if (hasAnchor(text, anchor)) for (const m of text.matchAll(re)) if (!env.has(m[1]!)) env.set(m[1]!, m.index);
  if (text.includes('process.env')) for (const m of text.matchAll(ENV_DESTRUCTURE)) {
    for (const part of m[1]!.split(',')) {
      const name = part.split(/[:=]/)[0]!.trim();
      if (name && !env.has(name)) env.set(name, m.index);
    }
  }
  for (const [name, index] of env) {
    if (ENV_NAME.test(name) && !BUILTIN_ENV.has(name)) facts.addEnv(name, {}, origin(index, 'the code reads it'));
  }
  const seen = new Set<string>();
  const port = (value: number, o: Origin) => {
    const key = `${value}@${o.line}`;
    if (!seen.has(key)) addPort(facts, value, o);
    seen.add(key);
  };
  for (const { anchor, re, reason } of PORT_LITERALS) {
    if (hasAnchor(text, anchor)) for (const m of text.matchAll(re)) port(Number(m[1]), origin(m.index, reason));
  }
  for (const { anchor, re } of PORT_DEFAULTS) {
    if (!hasAnchor(text, anchor)) continue;
    for (const m of text.matchAll(re)) {
      const numbers = [...new Set([...(m[1] ?? '').matchAll(/(?<![\w.])(\d{2,5})(?![\w.])/g)].map((n) => Number(n[1])))];
      for (const n of numbers) port(n, origin(m.index, numbers.length > 1 ? 'one of the default ports in the code' : 'the port the code defaults to', numbers.length > 1 ? 0.5 : 0.65));
    }
  }
  for (const { anchor, re } of ENV_GUARDS) {
    if (!hasAnchor(text, anchor)) continue;
    for (const m of text.matchAll(re)) {
      const service = serviceFromEnv(m[1]!);
      if (service) facts.markOptionalService(service, m[1]!, origin(m.index, `the code connects to ${service} only when ${m[1]} is set`));
    }
  }
  if (HEALTH_HINT.test(text)) for (const m of text.matchAll(HEALTH_ROUTE)) {
    facts.add('healthcheck', `/${m[1]}`, origin(m.index, 'a health route in the code'));
  }
}

function addPort(facts: FactSheet, port: number, origin: Origin): void {
  if (port >= 80 && port <= 65535 && !SERVICE_PORTS.has(port)) facts.add('port', port, origin);
}

/** Maps a character index to its 1-based line and that line's text (line starts computed once). */
function lineIndex(text: string): (index: number) => { line: number; excerpt: string } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    const end = lo + 1 < starts.length ? starts[lo + 1]! - 1 : text.length;
    return { line: lo + 1, excerpt: text.slice(starts[lo], Math.min(end, starts[lo]! + 400)).trim().slice(0, 160) };
  };
}
