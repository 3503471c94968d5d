import { parse } from 'yaml';
import { BITBUCKET_FILE } from '../bitbucket/index.js';
import { bannerStages, type FoundPipeline, foundPipeline, type Json, parseYamlMapping } from './types.js';

const STEP_KEYS = new Set(['name', 'image', 'script', 'after-script', 'artifacts', 'caches', 'services', 'trigger', 'deployment', 'condition', 'max-time', 'size', 'oidc', 'clone', 'runs-on', 'fail-fast', 'runtime']);
const PIPELINE_KINDS = new Set(['default', 'branches', 'pull-requests', 'tags', 'bookmarks', 'custom']);

/** Every pipeline of the file: its name and its steps. */
function pipelinesOf(doc: Json): { name: string; items: unknown[] }[] {
  const out: { name: string; items: unknown[] }[] = [];
  for (const [kind, value] of Object.entries((doc['pipelines'] ?? {}) as Json)) {
    if (kind === 'default') out.push({ name: 'default', items: value as unknown[] });
    else for (const [name, items] of Object.entries((value ?? {}) as Json)) out.push({ name: `${kind}/${name}`, items: items as unknown[] });
  }
  return out;
}

/**
 * Bitbucket Pipelines structure: known sections and step keywords, a script per step,
 * manual only after the first step, each deployment environment at most once per pipeline.
 */
export function bitbucketProblems(content: string): string[] {
  const parsed = parseYamlMapping(BITBUCKET_FILE, content);
  if ('problems' in parsed) return parsed.problems;
  const doc = parsed.doc;
  const problems: string[] = [];
  for (const kind of Object.keys((doc['pipelines'] ?? {}) as Json)) if (!PIPELINE_KINDS.has(kind)) problems.push(`${BITBUCKET_FILE}: unknown pipelines section ${kind}`);
  const all = pipelinesOf(doc);
  if (!all.length) problems.push(`${BITBUCKET_FILE}: no pipelines`);
  for (const { name, items } of all) {
    const at = `${BITBUCKET_FILE}: ${name}`;
    if (!Array.isArray(items) || !items.length) {
      problems.push(`${at}: no steps`);
      continue;
    }
    const deployments = new Set<string>();
    items.forEach((item, i) => {
      const step = ((item ?? {}) as Json)['step'] as Json | undefined;
      if (!step) return void problems.push(`${at}: item ${i + 1} is not a step`);
      for (const k of Object.keys(step)) if (!STEP_KEYS.has(k)) problems.push(`${at}: step ${i + 1}: unknown keyword ${k}`);
      if (!Array.isArray(step['script']) || !step['script'].length) problems.push(`${at}: step ${i + 1} has no script`);
      if (step['trigger'] !== undefined && step['trigger'] !== 'manual' && step['trigger'] !== 'automatic') problems.push(`${at}: step ${i + 1}: trigger ${String(step['trigger'])}`);
      if (i === 0 && step['trigger'] === 'manual') problems.push(`${at}: the first step cannot be manual`);
      const d = step['deployment'];
      if (typeof d === 'string') {
        if (deployments.has(d)) problems.push(`${at}: deployment ${d} appears twice`);
        deployments.add(d);
      }
      const cond = step['condition'] as Json | undefined;
      if (cond && !Array.isArray(((cond['changesets'] ?? {}) as Json)['includePaths'])) problems.push(`${at}: step ${i + 1}: condition needs changesets.includePaths`);
    });
  }
  return problems;
}

/** The custom pipelines are the per-component and per-environment ones. */
export function bitbucketStages(content: string): FoundPipeline[] {
  const doc = (parse(content) ?? {}) as Json;
  const custom = (((doc['pipelines'] ?? {}) as Json)['custom'] ?? {}) as Record<string, Json[]>;
  return Object.entries(custom).map(([name, items]) => foundPipeline(BITBUCKET_FILE, name, items.flatMap((i) => bannerStages(((i['step'] ?? {}) as Json)['script']))));
}
