import type { GateResult } from '../gate.js';
import type { ReviewResult } from '../review.js';
import { summarize, TOOL } from './summary.js';

/** A stable JSON document (version 1) for scripts and the dashboard. */
export function formatJson(result: ReviewResult, gate?: GateResult): string {
  return `${JSON.stringify(
    {
      version: 1,
      tool: TOOL,
      root: result.root,
      files: result.files,
      scores: result.scores,
      summary: summarize(result.findings),
      gate: gate ?? null,
      findings: result.findings,
      notes: result.notes,
    },
    null,
    2,
  )}\n`;
}
