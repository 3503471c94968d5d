import { readFileSync } from 'node:fs';
import { AppSpec, type AppSpecInput } from '../../../spec/app-spec.js';
import { parseSpec } from '../../../spec/io.js';

/** The shop fixture: public web, internal API, worker, static front end, six backing services. */
export function shopSpec(): AppSpec {
  const parsed = parseSpec(readFileSync(new URL('./shop.slipway.yaml', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.spec;
}

/** A one-component spec through the schema (defaults filled), with overrides. */
export function oneComponent(component: Partial<AppSpecInput['components'][number]> = {}): AppSpec {
  return AppSpec.parse({
    version: 1,
    name: 'solo',
    components: [{ name: 'api', kind: 'web', language: 'javascript', runtime: 'node', port: 3000, healthcheck: '/healthz', ...component }],
  });
}
