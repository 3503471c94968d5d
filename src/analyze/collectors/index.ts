import type { EvidenceCollector } from '../provider.js';

/** Evidence collectors, run in this order on every component after its provider. */
export const COLLECTORS: readonly EvidenceCollector[] = [];
