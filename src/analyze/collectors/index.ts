import type { EvidenceCollector } from '../provider.js';
import { composeCollector } from './compose.js';
import { dockerfileCollector } from './dockerfile.js';
import { envFileCollector } from './env-file.js';
import { nginxCollector } from './nginx.js';
import { procfileCollector } from './procfile.js';
import { readmeCollector } from './readme/index.js';
import { sourceCollector } from './source/index.js';

/**
 * Evidence collectors, run in this order on every component after its provider. Order
 * matters only where a collector asks what is known so far: the README and nginx collectors
 * look at the kind (static sites ignore dev-server ports), the source collector at the start
 * command (to read its entry file first).
 */
export const COLLECTORS: readonly EvidenceCollector[] = [
  procfileCollector, dockerfileCollector, composeCollector, envFileCollector, readmeCollector, sourceCollector, nginxCollector,
];
