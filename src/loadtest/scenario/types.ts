import type { Extraction } from './extract.js';

/**
 * A scenario as plain data (it crosses into worker threads): the requests one iteration
 * makes, in order. Strings may hold `{{name}}` placeholders.
 */
export interface ScenarioRequest {
  name: string;
  method: string;
  /** Path and query, relative to the target URL. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** `json` bodies escape substituted values as JSON string content. */
  bodyKind: 'text' | 'json';
  /** Statuses that count as success; null = any 2xx or 3xx. */
  expectStatus: number[] | null;
  extract: Extraction[];
  /** Pause after this request, before the next one (closed model: before the next iteration too). */
  thinkMs: number;
  timeoutMs?: number;
}

export interface Scenario {
  name: string;
  /** The file it came from, for reports. */
  file?: string;
  requests: ScenarioRequest[];
  /** Static values: `vars:` from the file and `env.NAME` values read from the environment. */
  vars: Record<string, string>;
  /** Names of vars whose values come from the environment: never printed. */
  secretVars: string[];
}

/** The scenario when none is given: GET the target URL's path. */
export function defaultScenario(path: string): Scenario {
  return {
    name: 'GET',
    requests: [{ name: `GET ${path}`, method: 'GET', path, headers: {}, bodyKind: 'text', expectStatus: null, extract: [], thinkMs: 0 }],
    vars: {},
    secretVars: [],
  };
}
