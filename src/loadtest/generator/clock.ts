import { performance } from 'node:perf_hooks';

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across worker threads. */
export const now = (): number => performance.timeOrigin + performance.now();
