// Writes schema/slipway.schema.json from the zod App Spec, for editor completion.
// `npm run schema` regenerates it; test/schema.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appSpecJsonSchema } from '../src/spec/schema.js';

const target = fileURLToPath(new URL('../schema/slipway.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(appSpecJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
