export type * from './types.js';
export { DONE_STEP_STATUSES, FINISHED_RUN_STATUSES, RUN_STATUSES, STEP_STATUSES } from './types.js';
export { openStore, redactUrl, sqlitePath } from './open.js';
export { currentOwner, isOwnerAlive, processStartTime, sameOwner } from './owner.js';
