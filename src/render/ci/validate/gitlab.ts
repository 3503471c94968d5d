import { parse } from 'yaml';
import { bannerStages, type FoundPipeline, foundPipeline, type Json, parseYamlMapping } from './types.js';

export const isGitlabFile = (path: string) => path === '.gitlab-ci.yml' || /\.gitlab-ci\.ya?ml$/.test(path);

const GLOBAL = new Set(['stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script']);
/** GitLab CI job keywords (docs.gitlab.com/ci/yaml). */
const JOB_KEYS = new Set([
  'stage', 'image', 'services', 'script', 'before_script', 'after_script', 'variables', 'rules', 'when', 'allow_failure', 'environment', 'needs',
  'dependencies', 'artifacts', 'cache', 'trigger', 'id_tokens', 'secrets', 'resource_group', 'timeout', 'retry', 'interruptible', 'tags',
  'parallel', 'coverage', 'extends', 'release', 'inherit', 'start_in', 'pages', 'hooks', 'identity', 'manual_confirmation', 'only', 'except',
]);
const RULE_KEYS = new Set(['if', 'changes', 'exists', 'when', 'allow_failure', 'variables', 'needs', 'interruptible', 'start_in']);
const WHEN = new Set(['on_success', 'on_failure', 'always', 'manual', 'delayed', 'never']);

/**
 * GitLab CI structure: stages declared and used, a script or trigger per job, known
 * keywords, rules and `when` values, `needs` naming jobs, child pipelines that exist.
 */
export function gitlabProblems(path: string, content: string, files: ReadonlySet<string>): string[] {
  const parsed = parseYamlMapping(path, content);
  if ('problems' in parsed) return parsed.problems;
  const doc = parsed.doc;
  const problems: string[] = [];
  const stages = Array.isArray(doc['stages']) ? doc['stages'].map(String) : null;
  if (!stages?.length) problems.push(`${path}: no stages list`);
  const jobs = Object.entries(doc).filter(([k]) => !GLOBAL.has(k) && !k.startsWith('.'));
  if (!jobs.length) problems.push(`${path}: no jobs`);
  const names = new Set(jobs.map(([k]) => k));
  for (const [name, raw] of jobs) {
    const job = (raw ?? {}) as Json;
    const at = `${path}: job ${name}`;
    for (const k of Object.keys(job)) if (!JOB_KEYS.has(k)) problems.push(`${at}: unknown keyword ${k}`);
    if (typeof job['stage'] !== 'string' || !stages?.includes(job['stage'])) problems.push(`${at}: stage ${String(job['stage'])} is not in stages`);
    const script = job['script'];
    const trigger = job['trigger'] as Json | undefined;
    if (!trigger && !(Array.isArray(script) && script.length && script.every((l) => typeof l === 'string'))) problems.push(`${at}: needs a script (a list of commands) or a trigger`);
    for (const inc of Array.isArray(trigger?.['include']) ? (trigger['include'] as Json[]) : []) {
      if (typeof inc['local'] === 'string' && !files.has(inc['local'])) problems.push(`${at}: child pipeline ${inc['local']} was not rendered`);
    }
    if (job['when'] !== undefined && !WHEN.has(String(job['when']))) problems.push(`${at}: when: ${String(job['when'])}`);
    if (job['when'] === 'manual' && job['allow_failure'] !== false && job['environment']) problems.push(`${at}: a manual deploy needs allow_failure: false to block the pipeline`);
    for (const rule of Array.isArray(job['rules']) ? (job['rules'] as Json[]) : job['rules'] === undefined ? [] : [null]) {
      if (!rule || typeof rule !== 'object') problems.push(`${at}: rules must be a list of mappings`);
      else {
        for (const k of Object.keys(rule)) if (!RULE_KEYS.has(k)) problems.push(`${at}: unknown rule keyword ${k}`);
        if (rule['when'] !== undefined && !WHEN.has(String(rule['when']))) problems.push(`${at}: rule when: ${String(rule['when'])}`);
      }
    }
    const needs = Array.isArray(job['needs']) ? job['needs'] : [];
    for (const n of needs) {
      const target = typeof n === 'string' ? n : String((n as Json)['job'] ?? '');
      if (!names.has(target)) problems.push(`${at}: needs unknown job ${target}`);
    }
    const image = job['image'];
    if (image !== undefined && typeof image !== 'string' && typeof (image as Json)['name'] !== 'string') problems.push(`${at}: image needs a name`);
  }
  return problems;
}

/** A child pipeline's stages: its jobs in stage order, each by its stage banners (or its stage). */
export function gitlabStages(path: string, content: string): FoundPipeline | null {
  if (path === '.gitlab-ci.yml') return null;
  const doc = (parse(content) ?? {}) as Json;
  const stages = Array.isArray(doc['stages']) ? doc['stages'].map(String) : [];
  const jobs = Object.entries(doc).filter(([k]) => !GLOBAL.has(k) && !k.startsWith('.')) as [string, Json][];
  jobs.sort((a, b) => stages.indexOf(String(a[1]['stage'])) - stages.indexOf(String(b[1]['stage'])));
  const found = jobs.flatMap(([, job]) => {
    const named = bannerStages(job['script']);
    return named.length ? named : [String(job['stage'])];
  });
  const name = path.replace(/^.*\//, '').replace(/\.gitlab-ci\.ya?ml$/, '');
  return foundPipeline(path, name, found);
}
