import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { BUILD_STAGES, INFRA_STAGES } from '../model/types.js';
import { type FoundPipeline, foundPipeline, type Json } from './types.js';

export const isWorkflow = (path: string) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path);

/** GitHub's own parser and schema (@actions/workflow-parser), then its model conversion. */
export async function workflowProblems(path: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: path, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => `${path}: ${e.message}`);
  if (errors.length || !parsed.value) return errors.length ? errors : [`${path}: not a workflow`];
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((e) => `${path}: ${e.Message}`);
}

const STAGE = new Set<string>([...BUILD_STAGES, ...INFRA_STAGES]);
const isStage = (s: unknown): s is string => typeof s === 'string' && (STAGE.has(s) || /^(deploy|approve)-[a-z0-9-]+$/.test(s));

/** Jobs in dependency order; each contributes the stage ids of its steps, or its own id. */
export function workflowStages(path: string, content: string): FoundPipeline {
  const wf = (parse(content) ?? {}) as Json;
  const jobs = (wf['jobs'] ?? {}) as Record<string, Json>;
  const order: string[] = [];
  const visit = (id: string, seen: Set<string>) => {
    if (order.includes(id) || seen.has(id) || !jobs[id]) return;
    seen.add(id);
    const needs = jobs[id]['needs'];
    for (const n of typeof needs === 'string' ? [needs] : Array.isArray(needs) ? needs : []) visit(String(n), seen);
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id, new Set());
  const stages = order.flatMap((id) => {
    const steps = Array.isArray(jobs[id]!['steps']) ? (jobs[id]!['steps'] as Json[]) : [];
    const named = steps.map((s) => s['id']).filter(isStage);
    return named.length ? named : isStage(id) ? [id] : [];
  });
  const name = path.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  return foundPipeline(path, name, stages);
}

/**
 * House rules the review also enforces (SLW-CI-001/002/006): actions pinned to a commit,
 * no `${{ … }}` expanded inside a script, token permissions declared, OIDC only where AWS is used.
 */
export function hardeningProblems(path: string, content: string): string[] {
  const wf = (parse(content) ?? {}) as Json;
  const problems: string[] = [];
  if (wf['permissions'] === undefined) problems.push(`${path}: no top-level permissions`);
  for (const [id, job] of Object.entries((wf['jobs'] ?? {}) as Record<string, Json>)) {
    const steps = Array.isArray(job['steps']) ? (job['steps'] as Json[]) : [];
    const perms = (job['permissions'] ?? {}) as Json;
    const usesAws = steps.some((s) => String(s['uses'] ?? '').startsWith('aws-actions/configure-aws-credentials@'));
    if (perms['id-token'] === 'write' && !usesAws) problems.push(`${path}: job ${id} may mint OIDC tokens but never uses them`);
    if (usesAws && perms['id-token'] !== 'write') problems.push(`${path}: job ${id} assumes an AWS role without id-token: write`);
    for (const s of steps) {
      const uses = s['uses'];
      if (typeof uses === 'string' && !/@[0-9a-f]{40}$/.test(uses)) problems.push(`${path}: job ${id} uses ${uses}, not pinned to a commit`);
      if (typeof s['run'] === 'string' && s['run'].includes('${{')) problems.push(`${path}: job ${id} expands an expression inside run:`);
    }
  }
  return problems;
}
