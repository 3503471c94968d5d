import { FactSheet } from '../../facts.js';
import type { EvidenceCollector, ProviderId } from '../../provider.js';
import { decide } from '../../resolve.js';
import type { Candidate, Field } from '../../facts.js';
import { tempView } from './temp-repo.js';

/** Runs one collector on a throw-away repository and returns its fact sheet plus helpers. */
export function collect(collector: EvidenceCollector, files: Record<string, string>, opts: { dir?: string; provider?: ProviderId; componentDirs?: string[]; prepare?: (f: FactSheet) => void } = {}) {
  const repo = tempView(files);
  const facts = new FactSheet(opts.dir ?? '.', opts.provider ?? 'node');
  opts.prepare?.(facts);
  collector.collect(repo, facts, { repo, componentDirs: opts.componentDirs ?? [opts.dir ?? '.'] });
  return {
    facts,
    value: (field: Field) => decide((facts.candidates[field] ?? []) as Candidate<unknown>[])?.value,
    values: (field: Field) => (facts.candidates[field] ?? []).map((c) => c.value),
    env: () => [...facts.env.keys()],
    services: () => [...facts.services.keys()],
  };
}
