import { z } from 'zod';
import { AppSpec } from './app-spec.js';

/** JSON Schema (draft 2020-12) of slipway.yaml, generated from the zod definition. */
export function appSpecJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(AppSpec, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://raw.githubusercontent.com/slipway-dev/slipway/main/schema/slipway.schema.json',
    title: 'Slipway App Spec (slipway.yaml)',
  };
}
