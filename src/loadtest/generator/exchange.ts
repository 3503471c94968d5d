import { randomUUID } from 'node:crypto';
import type { ErrorKind } from '../metrics/errors.js';
import { compileExtraction, extractValue, type CompiledExtraction, type ResponseView } from '../scenario/extract.js';
import { compileTemplate, isStatic, renderTemplate, type Escape, type Template } from '../scenario/template.js';
import type { Scenario } from '../scenario/types.js';
import type { RequestOptions } from './http/connection.js';
import { encodeRequest } from './http/request-bytes.js';

/** One scenario request, compiled once per worker: templates parsed, fixed options prebuilt. */
export interface CompiledRequest {
  name: string;
  method: string;
  path: Template;
  headers: [string, Template][];
  body?: Template;
  bodyEscape: Escape;
  expect: Set<number> | null;
  extract: CompiledExtraction[];
  thinkMs: number;
  timeoutMs: number;
  /** HEAD or not; headers and body are kept only when values are extracted from them. */
  options: RequestOptions;
  /** Set when nothing is templated: the same bytes serve every request. */
  fixed?: Buffer;
}

export interface IterationState {
  vars: Record<string, string>;
  vu: number;
  iteration: number;
}

export type Verdict = { ok: true } | { ok: false; kind: ErrorKind; cause: string };

/** Compiles each request once per worker; `host` is the target's host header value. */
export function compileScenario(scenario: Scenario, defaultTimeoutMs: number, host: string): CompiledRequest[] {
  return scenario.requests.map((r) => {
    const timeoutMs = r.timeoutMs ?? defaultTimeoutMs;
    const compiled: CompiledRequest = {
      name: r.name,
      method: r.method,
      path: compileTemplate(r.path),
      headers: Object.entries(r.headers).map(([k, v]) => [k, compileTemplate(v)]),
      ...(r.body !== undefined ? { body: compileTemplate(r.body) } : {}),
      bodyEscape: r.bodyKind === 'json' ? 'json' : 'none',
      expect: r.expectStatus ? new Set(r.expectStatus) : null,
      extract: r.extract.map(compileExtraction),
      thinkMs: r.thinkMs,
      timeoutMs,
      options: {
        noBody: r.method === 'HEAD',
        captureHeaders: r.extract.some((x) => x.from === 'header'),
        captureBody: r.extract.some((x) => x.from !== 'header'),
        timeoutMs,
      },
    };
    const allStatic = isStatic(compiled.path) && compiled.headers.every(([, t]) => isStatic(t)) && (!compiled.body || isStatic(compiled.body));
    if (allStatic) compiled.fixed = requestBytes(compiled, host, () => '');
    return compiled;
  });
}

/** The bytes of one request; throws InvalidRequestError when a substituted value cannot be sent. */
export function renderRequest(req: CompiledRequest, state: IterationState, host: string): Buffer {
  if (req.fixed) return req.fixed;
  const lookup = (name: string): string => {
    if (name === 'vu') return String(state.vu);
    if (name === 'iteration') return String(state.iteration);
    if (name === 'uuid') return randomUUID();
    if (name === 'timestamp') return String(Date.now());
    return state.vars[name] ?? '';
  };
  return requestBytes(req, host, lookup);
}

function requestBytes(req: CompiledRequest, host: string, lookup: (name: string) => string): Buffer {
  const headers = req.headers.map(([k, t]) => [k, renderTemplate(t, lookup)] as const);
  const body = req.body ? renderTemplate(req.body, lookup, req.bodyEscape) : undefined;
  return encodeRequest(host, req.method, renderTemplate(req.path, lookup, 'url'), headers, body);
}

const OK: Verdict = { ok: true };

/** The verdict on the status alone: expected ones, or any 2xx/3xx. */
export function judgeStatus(req: CompiledRequest, status: number): Verdict {
  const expected = req.expect ? req.expect.has(status) : status >= 200 && status < 400;
  return expected ? OK : { ok: false, kind: 'status', cause: String(status) };
}

/** After an expected status: stores the extracted values in the iteration's vars; a missing one fails the request. */
export function extractInto(req: CompiledRequest, res: ResponseView, state: IterationState): Verdict {
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
  return OK;
}
