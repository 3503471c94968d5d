import { runRules } from './engine.js';
import type { TextEdit } from './fix/text-edit.js';
import type { ReviewInput } from './input.js';
import { EXPIRED_SUPPRESSION, PARSE_ERROR, UNREASONED_SUPPRESSION } from './meta-rules.js';
import type { Finding, Location, RuleMeta } from './model.js';
import type { AnyRule } from './rule.js';
import { computeScores, type CheckTally, type Scores } from './score.js';
import { findSuppression, type Suppressible, type SuppressionSources } from './suppress/apply.js';
import { parseSuppressionsFile, SUPPRESSIONS_FILE } from './suppress/file.js';
import { findInlineSuppressions } from './suppress/inline.js';

export interface ReviewResult {
  /** Absolute path of the reviewed directory. */
  root: string;
  /** Files the review read and parsed (repository-relative). */
  files: string[];
  /** Open and suppressed findings, in file/line order. */
  findings: Finding[];
  scores: Scores;
  notes: string[];
  /** Metadata of every rule that ran (reporters describe them). */
  rules: RuleMeta[];
}

export interface Fixable {
  finding: Finding;
  fix: () => TextEdit[];
}

export interface ReviewOptions {
  /** Today's date for suppression expiry (tests pin it). */
  now?: Date;
}

/** The pure review: parsed input → findings, suppressions applied, scores. */
export function reviewInput(root: string, input: ReviewInput, rules: readonly AnyRule[], opts: ReviewOptions = {}): { result: ReviewResult; fixables: Fixable[] } {
  const today = (opts.now ?? new Date()).toISOString().slice(0, 10);
  const runs = runRules(input, rules);
  const items: (Suppressible & { run: number; subject: number; fix?: () => TextEdit[] })[] = [];
  runs.forEach((run, i) => {
    for (const v of run.violations) {
      items.push({ finding: toFinding(run.rule.meta, v.location, v.message, !!v.fix), annotations: v.annotations, run: i, subject: v.subject, fix: v.fix });
    }
  });

  const supFile = input.sources.get(SUPPRESSIONS_FILE);
  const parsedFile = supFile ? parseSuppressionsFile(supFile) : { entries: [], problems: [] };
  const inline = [...input.sources.values()].flatMap(findInlineSuppressions);
  const sources: SuppressionSources = { inline, file: parsedFile.entries, fileName: SUPPRESSIONS_FILE, today };

  const meta: Finding[] = [];
  for (const p of [...input.problems, ...parsedFile.problems]) {
    meta.push(toFinding(PARSE_ERROR, { file: p.file, line: p.line, column: p.column }, p.message, false));
  }
  for (const s of [...inline, ...parsedFile.entries.map((e) => ({ ...e, file: SUPPRESSIONS_FILE }))]) {
    const at = { file: s.file, line: s.line, column: s.column };
    if (!s.reason) meta.push(toFinding(UNREASONED_SUPPRESSION, at, `suppression of ${s.ids.join(', ')} gives no reason, so it is ignored`, false));
  }
  for (const e of parsedFile.entries) {
    if (e.expires && e.expires < today) {
      meta.push(
        toFinding(
          EXPIRED_SUPPRESSION,
          { file: SUPPRESSIONS_FILE, line: e.line, column: e.column },
          `suppression of ${e.ids.join(', ')} expired on ${e.expires} (reason was: ${e.reason ?? 'none'}); the findings it hid are reported again`,
          false,
        ),
      );
    }
  }

  for (const item of items) {
    const s = findSuppression(item, sources);
    if (s) item.finding.suppressed = s;
  }

  const failing = runs.map(() => new Set<number>());
  for (const it of items) if (!it.finding.suppressed) failing[it.run]!.add(it.subject);
  const tallies: CheckTally[] = runs.map((run, i) => ({
    pillar: run.rule.meta.pillar,
    severity: run.rule.meta.severity,
    checked: run.checked,
    failed: failing[i]!.size,
  }));
  const problemFiles = new Set(meta.filter((m) => m.ruleId === PARSE_ERROR.id).map((m) => m.location.file));
  tallies.push({ pillar: PARSE_ERROR.pillar, severity: PARSE_ERROR.severity, checked: Math.max(input.sources.size, problemFiles.size), failed: problemFiles.size });
  const supCount = inline.length + parsedFile.entries.length;
  const supBad = meta.filter((m) => m.ruleId !== PARSE_ERROR.id).length;
  if (supCount) tallies.push({ pillar: 'operational-excellence', severity: 'medium', checked: supCount, failed: supBad });

  const seen = new Map<string, Finding>();
  const fixables: Fixable[] = [];
  for (const item of items) {
    const key = findingKey(item.finding);
    if (!seen.has(key)) seen.set(key, item.finding);
    if (item.fix && !item.finding.suppressed) fixables.push({ finding: seen.get(key)!, fix: item.fix });
  }
  for (const m of meta) seen.set(findingKey(m), m);
  const findings = [...seen.values()].sort(byLocation);
  const open = findings.filter((f) => !f.suppressed);
  const scores = computeScores(tallies, open);
  return {
    result: {
      root,
      files: [...input.sources.keys()].sort(),
      findings,
      scores,
      notes: input.notes,
      rules: rules.map((r) => r.meta),
    },
    fixables,
  };
}

function toFinding(meta: RuleMeta, location: Location, message: string, fixable: boolean): Finding {
  return { ruleId: meta.id, pillar: meta.pillar, severity: meta.severity, title: meta.title, message, location, fixHint: meta.fixHint, fixable };
}

function findingKey(f: Finding): string {
  return `${f.ruleId}|${f.location.file}|${f.location.line}|${f.location.column}|${f.message}`;
}

function byLocation(a: Finding, b: Finding): number {
  return (
    a.location.file.localeCompare(b.location.file) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
