import { PILLARS, PILLAR_TITLES } from '../model.js';
import type { GateResult } from '../gate.js';
import type { ReviewResult } from '../review.js';
import { openBySeverity, summarize } from './summary.js';

const ICON = { critical: '🟣', high: '🔴', medium: '🟠', low: '⚪' } as const;

/** A Markdown report for pull-request comments and job summaries. */
export function formatMarkdown(result: ReviewResult, gate?: GateResult): string {
  const sum = summarize(result.findings);
  const out: string[] = [];
  const overall = result.scores.overall === null ? 'n/a' : `${result.scores.overall}/100`;
  out.push(`## Slipway review: ${overall}${gate ? (gate.passed ? ' ✅ gate passed' : ' ❌ gate failed') : ''}`, '');
  if (gate && !gate.passed) out.push(`> ${gate.reasons.join('; ')}`, '');
  out.push('| Pillar | Score | Checks | Failing |', '| --- | ---: | ---: | ---: |');
  for (const p of PILLARS) {
    const s = result.scores.pillars[p];
    out.push(`| ${PILLAR_TITLES[p]} | ${s.score ?? '–'} | ${s.checks} | ${s.failed} |`);
  }
  out.push('', `${sum.openTotal} open findings (${openBySeverity(sum.open)}), ${sum.suppressed} suppressed, ${sum.fixable} fixable with \`slipway review --fix\`.`, '');
  const open = result.findings.filter((f) => !f.suppressed);
  if (open.length) {
    out.push('| | Rule | Where | Finding |', '| --- | --- | --- | --- |');
    for (const f of open) out.push(`| ${ICON[f.severity]} ${f.severity} | \`${f.ruleId}\` | \`${f.location.file}:${f.location.line}\` | ${escape(f.message)} |`);
    const rules = new Map(open.map((f) => [f.ruleId, f]));
    out.push('', '<details><summary>How to fix</summary>', '');
    for (const [id, f] of rules) out.push(`- **${id}** ${escape(f.title)}: ${escape(f.fixHint)}`);
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
}

function escape(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
