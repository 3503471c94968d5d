import type { SpecProblem } from '../../spec/errors.js';
import { parseDuration } from '../duration.js';
import { FIELD_VALUE, TOKEN } from '../generator/http/bytes.js';
import { LIMITS } from '../limits.js';
import { parseJsonPath, type Extraction } from './extract.js';
import type { ScenarioFile } from './schema.js';
import { BUILTIN_VARS, placeholders } from './template.js';
import type { Scenario, ScenarioRequest } from './types.js';

type At = (path: (string | number)[]) => SpecProblem;

/**
 * Checks what the schema cannot (durations, JSON paths, regular expressions, placeholders
 * that name a value defined earlier) and turns the file into plain scenario data.
 */
export function toScenario(file: ScenarioFile, source: string, env: NodeJS.ProcessEnv, at: At): { scenario: Scenario; problems: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  const fail = (path: (string | number)[], message: string): void => void problems.push({ ...at(path), message });
  const ms = (value: string | number | undefined, path: (string | number)[]): number | undefined => {
    if (value === undefined) return undefined;
    const parsed = typeof value === 'number' ? value * 1000 : parseDuration(value);
    if (parsed === null) fail(path, `"${value}" is not a duration such as 250ms, 2s or 1m`);
    return parsed ?? undefined;
  };
  const vars: Record<string, string> = { ...file.vars };
  const secretVars: string[] = [];
  const known = new Set<string>([...BUILTIN_VARS, ...Object.keys(file.vars)]);
  const defaultThink = ms(file.defaults.think, ['defaults', 'think']) ?? 0;
  const defaultTimeout = ms(file.defaults.timeout, ['defaults', 'timeout']);

  const checkPlaceholders = (text: string, path: (string | number)[]): void => {
    for (const name of placeholders(text)) {
      if (name.startsWith('env.')) {
        const value = env[name.slice(4)];
        if (value === undefined) fail(path, `{{${name}}}: the environment variable ${name.slice(4)} is not set`);
        else if (!(name in vars)) {
          vars[name] = value;
          secretVars.push(name);
        }
      } else if (!known.has(name)) {
        fail(path, `{{${name}}} is not defined: declare it under vars, or extract it in an earlier request`);
      }
    }
  };

  const requests = file.requests.map((r, i): ScenarioRequest => {
    const base = ['requests', i];
    checkPlaceholders(r.path, [...base, 'path']);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...file.defaults.headers, ...r.headers })) {
      const path = k in r.headers ? [...base, 'headers', k] : ['defaults', 'headers', k];
      checkPlaceholders(v, path);
      const problem = headerProblem(k, v);
      if (problem) fail(path, problem);
      headers[k.toLowerCase()] = v;
    }
    let body = r.body;
    let bodyKind: ScenarioRequest['bodyKind'] = 'text';
    if (r.json !== undefined) {
      body = JSON.stringify(r.json);
      bodyKind = 'json';
      headers['content-type'] ??= 'application/json';
    }
    if (body !== undefined) checkPlaceholders(body, [...base, r.json !== undefined ? 'json' : 'body']);
    const extract = Object.entries(r.extract).flatMap(([name, x]): Extraction[] => {
      const path = [...base, 'extract', name];
      if ('header' in x) return [{ var: name, from: 'header', name: x.header }];
      if ('regex' in x) {
        try {
          new RegExp(x.regex);
        } catch (err) {
          fail(path, `not a regular expression: ${(err as Error).message}`);
          return [];
        }
        return [{ var: name, from: 'regex', pattern: x.regex }];
      }
      const jsonPath = parseJsonPath(x.json);
      if (!jsonPath) fail(path, `"${x.json}" is not a JSON path such as data.items[0].id`);
      return jsonPath ? [{ var: name, from: 'json', path: jsonPath }] : [];
    });
    for (const x of extract) known.add(x.var);
    const expect = r.expect === undefined ? null : Array.isArray(r.expect) ? r.expect : [r.expect];
    const timeoutMs = ms(r.timeout, [...base, 'timeout']) ?? defaultTimeout;
    if (timeoutMs !== undefined && timeoutMs > LIMITS.maxTimeoutMs) fail([...base, 'timeout'], `at most ${LIMITS.maxTimeoutMs / 1000}s`);
    return {
      name: r.name ?? `${r.method} ${r.path}`,
      method: r.method,
      path: r.path,
      headers,
      ...(body !== undefined ? { body } : {}),
      bodyKind,
      expectStatus: expect,
      extract,
      thinkMs: ms(r.think, [...base, 'think']) ?? defaultThink,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    };
  });
  const scenario: Scenario = { name: file.name ?? source, file: source, requests, vars, secretVars };
  return { scenario, problems };
}

/** What the generator would refuse to send, said at load time with the file and line. */
function headerProblem(name: string, value: string): string | null {
  if (!TOKEN.test(name)) return `"${name}" is not a valid header name`;
  const lower = name.toLowerCase();
  if (lower === 'content-length' || lower === 'transfer-encoding') return `Slipway frames the body itself (content-length from the body): remove ${lower}`;
  if (!FIELD_VALUE.test(value)) return 'a header value cannot hold line breaks or control characters';
  return null;
}
