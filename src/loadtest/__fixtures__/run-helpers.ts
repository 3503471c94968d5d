import { runLoadTest, type RunData } from '../run.js';
import { defaultScenario, type Scenario } from '../scenario/types.js';
import { resolveSettings, type LoadTestSettings, type RawSettings } from '../settings.js';
import { buildReport } from '../report/build.js';
import type { LoadTestReport } from '../report/types.js';

/** Runs a load test in-process (worker threads and all) and returns its data and report. */
export async function runAgainst(
  url: string,
  raw: Omit<RawSettings, 'url' | 'scenario'> & { scenario?: Scenario },
): Promise<{ settings: LoadTestSettings; data: RunData; report: LoadTestReport }> {
  const target = new URL(url);
  const settings = resolveSettings({ workers: 1, ...raw, url: target, scenario: raw.scenario ?? defaultScenario(target.pathname) });
  const data = await runLoadTest(settings);
  return { settings, data, report: buildReport(settings, data, { id: 'lt-test' }) };
}
