/**
 * `slipway loadtest`: load, stress, spike and soak tests with capacity sizing (docs/loadtest.md).
 * The public surface: the command, the engine, the stored reports (for the dashboard) and
 * the sizing formula.
 */
export { loadtestCommand, type LoadTestFlags } from './command.js';
export { runLoadTest, type RunData } from './run.js';
export { resolveSettings, PROFILES, type LoadTestSettings, type Profile } from './settings.js';
export { buildReport } from './report/build.js';
export { renderHtmlReport } from './report/html.js';
export { listReports, LOADTESTS_DIR } from './report/store.js';
export type { LoadTestReport } from './report/types.js';
export { recommendSizing, type SizingRecommendation } from './sizing/sizing.js';
