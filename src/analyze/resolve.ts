import { EVIDENCE_SOURCES, type Evidence, type FieldEvidence } from '../spec/evidence.js';
import { toEvidence, weightOf, type Candidate } from './facts.js';

export interface Decision<T> {
  value: T;
  evidence: FieldEvidence;
}

const rank = (c: Candidate<unknown>) => EVIDENCE_SOURCES.indexOf(c.source);
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Picks a value among candidates (docs/analyzer.md, "Precedence"):
 * candidates with the same value form a group; a group scores its best weight plus 0.05 for
 * every further independent source agreeing (at most 0.99, unless a user value is in it).
 * The best group wins; ties go to the more authoritative source. Disagreement lowers the
 * confidence by 0.3 × the runner-up's score, and every candidate stays in the evidence.
 */
export function decide<T>(candidates: readonly Candidate<T>[], key: (v: T) => string = defaultKey): Decision<T> | undefined {
  if (candidates.length === 0) return undefined;
  const groups = new Map<string, Candidate<T>[]>();
  for (const c of candidates) {
    const k = key(c.value);
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  const scored = [...groups.values()].map((members) => {
    const sorted = [...members].sort((a, b) => weightOf(b) - weightOf(a) || rank(a) - rank(b));
    const sources = new Set(members.map((m) => `${m.source}:${m.file ?? ''}`)).size;
    const best = weightOf(sorted[0]!);
    const score = best >= 1 ? 1 : Math.min(0.99, best + 0.05 * (sources - 1));
    return { members: sorted, score, rank: rank(sorted[0]!) };
  });
  scored.sort((a, b) => b.score - a.score || a.rank - b.rank);
  const [winner, runnerUp] = scored;
  const confidence = round(Math.max(0.05, winner!.score - (runnerUp ? 0.3 * runnerUp.score : 0)));
  const evidence: Evidence[] = scored.flatMap((g) => g.members.map((m) => toEvidence(m)));
  return { value: winner!.members[0]!.value, evidence: { confidence, evidence: dedupe(evidence) } };
}

function defaultKey(v: unknown): string {
  return typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : JSON.stringify(v);
}

function dedupe(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.source}|${e.file}|${e.line}|${JSON.stringify(e.value)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
