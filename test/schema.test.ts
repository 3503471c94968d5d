import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { appSpecJsonSchema } from '../src/spec/schema.js';
import { REPO_ROOT } from './helpers/cli.js';

it('schema/slipway.schema.json is up to date (run `npm run schema`)', () => {
  const committed = JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'slipway.schema.json'), 'utf8')) as unknown;
  expect(committed).toEqual(appSpecJsonSchema());
});
