import { SLIPWAY_VERSION } from '../../version.js';
import { SEVERITIES, type Finding, type Severity } from '../model.js';

/** Open findings per severity, and how many are suppressed. */
export function summarize(findings: readonly Finding[]): { open: Record<Severity, number>; openTotal: number; suppressed: number; fixable: number } {
  const open = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let suppressed = 0;
  let fixable = 0;
  for (const f of findings) {
    if (f.suppressed) suppressed++;
    else {
      open[f.severity]++;
      if (f.fixable) fixable++;
    }
  }
  return { open, openTotal: SEVERITIES.reduce((n, s) => n + open[s], 0), suppressed, fixable };
}

/** "2 critical, 1 high, 0 medium, 3 low": the open findings, most severe first. */
export function openBySeverity(open: Record<Severity, number>): string {
  return [...SEVERITIES].reverse().map((s) => `${open[s]} ${s}`).join(', ');
}

export const TOOL = { name: 'Slipway', version: SLIPWAY_VERSION, informationUri: 'https://github.com/slipway-dev/slipway' } as const;

/** Where a rule is documented (generated from the rule metadata, docs/review/<target>.md). */
export function ruleDocUrl(target: string, id: string): string {
  return `${TOOL.informationUri}/blob/main/docs/review/${target}.md#${id.toLowerCase()}`;
}
