import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { ErrorKind } from '../metrics/errors.js';
import { extractValue, type Extraction } from '../scenario/extract.js';
import { compileTemplate, isStatic, renderTemplate, type Escape, type Template } from '../scenario/template.js';
import type { Scenario } from '../scenario/types.js';

/** One scenario request, compiled once per worker: templates parsed, fixed options prebuilt. */
export interface CompiledRequest {
  name: string;
  method: string;
  path: Template;
  headers: [string, Template][];
  body?: Template;
  bodyEscape: Escape;
  expect: Set<number> | null;
  extract: Extraction[];
  /** The body is read only when a value must be extracted from it. */
  needsBody: boolean;
  thinkMs: number;
  timeoutMs: number;
  /** Set when nothing is templated: the same options object serves every request. */
  fixed?: Dispatcher.DispatchOptions;
}

export interface IterationState {
  vars: Record<string, string>;
  vu: number;
  iteration: number;
}

export interface Response {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Verdict = { ok: true } | { ok: false; kind: ErrorKind; cause: string };

export function compileScenario(scenario: Scenario, defaultTimeoutMs: number): CompiledRequest[] {
  return scenario.requests.map((r) => {
    const compiled: CompiledRequest = {
      name: r.name,
      method: r.method,
      path: compileTemplate(r.path),
      headers: Object.entries(r.headers).map(([k, v]) => [k, compileTemplate(v)]),
      ...(r.body !== undefined ? { body: compileTemplate(r.body) } : {}),
      bodyEscape: r.bodyKind === 'json' ? 'json' : 'none',
      expect: r.expectStatus ? new Set(r.expectStatus) : null,
      extract: r.extract,
      needsBody: r.extract.some((x) => x.from !== 'header'),
      thinkMs: r.thinkMs,
      timeoutMs: r.timeoutMs ?? defaultTimeoutMs,
    };
    const allStatic = isStatic(compiled.path) && compiled.headers.every(([, t]) => isStatic(t)) && (!compiled.body || isStatic(compiled.body));
    if (allStatic) compiled.fixed = buildOptions(compiled, () => '');
    return compiled;
  });
}

export function dispatchOptions(req: CompiledRequest, state: IterationState): Dispatcher.DispatchOptions {
  if (req.fixed) return req.fixed;
  const lookup = (name: string): string => {
    if (name === 'vu') return String(state.vu);
    if (name === 'iteration') return String(state.iteration);
    if (name === 'uuid') return randomUUID();
    if (name === 'timestamp') return String(Date.now());
    return state.vars[name] ?? '';
  };
  return buildOptions(req, lookup);
}

function buildOptions(req: CompiledRequest, lookup: (name: string) => string): Dispatcher.DispatchOptions {
  const headers: Record<string, string> = {};
  for (const [k, t] of req.headers) headers[k] = renderTemplate(t, lookup);
  return {
    path: renderTemplate(req.path, lookup, 'url'),
    method: req.method as Dispatcher.HttpMethod,
    headers,
    ...(req.body ? { body: renderTemplate(req.body, lookup, req.bodyEscape) } : {}),
    headersTimeout: req.timeoutMs,
    bodyTimeout: req.timeoutMs,
  };
}

/** Decides success and stores extracted values in the iteration's vars. */
export function judge(req: CompiledRequest, res: Response, state: IterationState): Verdict {
  const expected = req.expect ? req.expect.has(res.status) : res.status >= 200 && res.status < 400;
  if (!expected) return { ok: false, kind: 'status', cause: String(res.status) };
  let json: unknown;
  let parsed = false;
  const parseJson = (): unknown => {
    if (!parsed) {
      parsed = true;
      try {
        json = JSON.parse(res.body);
      } catch {
        json = undefined;
      }
    }
    return json;
  };
  for (const x of req.extract) {
    const value = extractValue(x, res, parseJson);
    if (value === null) return { ok: false, kind: 'response', cause: `no ${x.var}` };
    state.vars[x.var] = value;
  }
  return { ok: true };
}
