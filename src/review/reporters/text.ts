import pc from 'picocolors';
import { PILLARS, PILLAR_TITLES, type Finding, type Severity } from '../model.js';
import type { ReviewResult } from '../review.js';
import type { GateResult } from '../gate.js';
import { openBySeverity, summarize } from './summary.js';

const PAINT: Record<Severity, (s: string) => string> = { critical: pc.magenta, high: pc.red, medium: pc.yellow, low: pc.dim };

/** The terminal report: findings grouped by file, then scores and the gate verdict. */
export function formatText(result: ReviewResult, gate?: GateResult): string {
  const out: string[] = [];
  const open = result.findings.filter((f) => !f.suppressed);
  const byFile = new Map<string, Finding[]>();
  for (const f of open) {
    const list = byFile.get(f.location.file);
    if (list) list.push(f);
    else byFile.set(f.location.file, [f]);
  }
  out.push(pc.bold(`Slipway review: ${result.files.length} files, ${result.rules.length} rules`), '');
  for (const [file, fs] of byFile) {
    out.push(pc.underline(file));
    for (const f of fs) {
      const where = `${f.location.line}:${f.location.column}`.padEnd(8);
      out.push(`  ${pc.dim(where)}${PAINT[f.severity](f.severity.padEnd(9))}${f.ruleId.padEnd(14)} ${f.message}`);
      out.push(`  ${' '.repeat(31)}${pc.dim(`${f.fixable ? 'fixable with --fix: ' : 'fix: '}${f.fixHint}`)}`);
    }
    out.push('');
  }
  const suppressed = result.findings.filter((f) => f.suppressed);
  if (suppressed.length) {
    out.push(pc.dim(`${suppressed.length} suppressed:`));
    for (const f of suppressed) out.push(pc.dim(`  ${f.location.file}:${f.location.line}  ${f.ruleId}  (${f.suppressed!.by}: ${f.suppressed!.reason})`));
    out.push('');
  }
  for (const n of result.notes) out.push(pc.dim(`note: ${n}`));
  if (result.notes.length) out.push('');
  out.push(pc.bold('Scores'));
  for (const p of PILLARS) {
    const s = result.scores.pillars[p];
    const value = s.score === null ? pc.dim('  –') : String(s.score).padStart(3);
    out.push(`  ${PILLAR_TITLES[p].padEnd(24)} ${value}  ${pc.dim(`${s.checks} checks, ${s.failed} failing`)}`);
  }
  out.push(`  ${pc.bold('Overall'.padEnd(24))} ${pc.bold(result.scores.overall === null ? '  –' : String(result.scores.overall).padStart(3))}`);
  const sum = summarize(result.findings);
  out.push('', `${sum.openTotal} open (${openBySeverity(sum.open)}), ${sum.suppressed} suppressed, ${sum.fixable} fixable with --fix`);
  if (gate) out.push(gate.passed ? pc.green('gate: passed') : pc.red(`gate: failed: ${gate.reasons.join('; ')}`));
  return `${out.join('\n')}\n`;
}
