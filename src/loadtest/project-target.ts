import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { loadProject } from '../project/load.js';
import type { AppSpec } from '../spec/app-spec.js';
import type { Component } from '../spec/component.js';
import { environmentNames, environmentUrl } from '../spec/environments.js';
import { SPEC_FILE } from '../spec/io.js';

export interface ResolvedTarget {
  url: URL;
  env?: string;
  /** The project's App Spec when there is one (slipway.yaml, or analysis for --env). */
  spec?: AppSpec;
}

/**
 * `<url>` or `--env ENV`: an environment resolves to the local target's public URL for it
 * (src/spec/environments.ts), read from the project's App Spec. `wantSpec`: load the App
 * Spec for a URL too (sizing).
 */
export function resolveTarget(dir: string, url: string | undefined, env: string | undefined, wantSpec: boolean): ResolvedTarget {
  if (url && env) throw new UserError('give a URL or --env, not both', EXIT.usage);
  if (!url && !env) throw new UserError('what should be load-tested?', EXIT.usage, 'pass a URL (slipway loadtest http://127.0.0.1:7100/) or an environment (--env dev)');
  const hasSpec = existsSync(join(dir, SPEC_FILE));
  if (env) {
    const spec = loadProject(dir).spec;
    let resolved: string;
    try {
      resolved = environmentUrl(spec, env);
    } catch (err) {
      throw new UserError(`--env ${env}: ${(err as Error).message}`, EXIT.usage, `environments: ${environmentNames(spec).join(', ')}`);
    }
    return { url: new URL(resolved), env, spec };
  }
  let parsed: URL;
  try {
    parsed = new URL(url as string);
  } catch {
    throw new UserError(`"${url}" is not a URL`, EXIT.usage, 'write it in full, e.g. http://127.0.0.1:8080/');
  }
  // A URL needs the App Spec only to size a component: a broken slipway.yaml elsewhere in
  // the directory must not stop a plain load test.
  return { url: parsed, ...(hasSpec && wantSpec ? { spec: loadProject(dir).spec } : {}) };
}

/** The component a sizing applies to: --component, or the only web component. */
export function pickComponent(spec: AppSpec, name: string | undefined): Component {
  if (name) {
    const found = spec.components.find((c) => c.name === name);
    if (!found) throw new UserError(`--component ${name}: not in ${SPEC_FILE}`, EXIT.usage, `components: ${spec.components.map((c) => c.name).join(', ')}`);
    return found;
  }
  const web = spec.components.filter((c) => c.kind === 'web' || c.kind === 'static');
  const only = web.length === 1 ? web[0] : spec.components.length === 1 ? spec.components[0] : undefined;
  if (!only) {
    throw new UserError(`${SPEC_FILE} has ${web.length} web components: which one did this run measure?`, EXIT.usage, `pass --component (${web.map((c) => c.name).join(', ')})`);
  }
  return only;
}
