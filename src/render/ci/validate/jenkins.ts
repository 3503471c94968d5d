import { GroovySyntaxError, parseStatements, tokenize, type Statement } from './groovy-tree.js';
import { type FoundPipeline, foundPipeline } from './types.js';

export const isJenkinsfile = (path: string) => /(^|\/)Jenkinsfile$|\.Jenkinsfile$/.test(path);

/** Sections and directives of Declarative Pipeline (jenkins.io/doc/book/pipeline/syntax). */
const TOP = new Set(['agent', 'options', 'environment', 'stages', 'post', 'parameters', 'triggers', 'tools', 'libraries']);
const STAGE = new Set(['agent', 'environment', 'when', 'steps', 'stages', 'parallel', 'matrix', 'options', 'input', 'post', 'tools', 'failFast']);
const WHEN = new Set(['beforeAgent', 'beforeInput', 'beforeOptions', 'branch', 'buildingTag', 'changelog', 'changeset', 'changeRequest', 'environment', 'equals', 'expression', 'tag', 'not', 'allOf', 'anyOf', 'triggeredBy']);
const POST = new Set(['always', 'changed', 'fixed', 'regression', 'aborted', 'failure', 'success', 'unstable', 'unsuccessful', 'cleanup']);
const AGENT = new Set(['any', 'none', 'label', 'node', 'docker', 'dockerfile', 'kubernetes']);

/** Parses the file and checks it is a well-formed Declarative Pipeline. */
export function jenkinsProblems(path: string, content: string): string[] {
  let tree: Statement[];
  try {
    tree = parseStatements(tokenize(content));
  } catch (err) {
    return [`${path}: ${err instanceof GroovySyntaxError ? err.message : String(err)}`];
  }
  const problems: string[] = [];
  const at = (s: Statement, msg: string) => problems.push(`${path}:${s.line}: ${msg}`);
  const pipeline = tree.find((s) => s.name === 'pipeline');
  if (!pipeline?.body || tree.length !== 1) return [`${path}: a declarative Jenkinsfile is one pipeline { } block`];
  for (const s of pipeline.body) if (!TOP.has(s.name)) at(s, `unknown section ${s.name} in pipeline`);
  const agent = pipeline.body.find((s) => s.name === 'agent');
  if (!agent) problems.push(`${path}: pipeline has no agent`);
  else checkAgent(agent, at);
  const stages = pipeline.body.find((s) => s.name === 'stages');
  if (!stages?.body?.length) problems.push(`${path}: pipeline has no stages`);
  for (const s of stages?.body ?? []) checkStage(s, at);
  for (const p of pipeline.body.find((s) => s.name === 'post')?.body ?? []) if (!POST.has(p.name)) at(p, `unknown post condition ${p.name}`);
  return problems;
}

type At = (s: Statement, msg: string) => void;

function checkAgent(s: Statement, at: At): void {
  const kind = s.body ? s.body[0]?.name : s.args[0]?.text;
  if (!kind || !AGENT.has(kind)) at(s, `agent ${kind ?? '(empty)'} is not an agent type`);
  if (kind === 'docker' && s.body && !s.body[0]?.body?.some((x) => x.name === 'image')) at(s, 'docker agent without an image');
}

function checkStage(s: Statement, at: At): void {
  if (s.name !== 'stage' || s.args[1]?.kind !== 'string' || !s.body) return at(s, `expected stage('name') { … }, found ${s.name}`);
  const kinds = s.body.filter((d) => d.name === 'steps' || d.name === 'stages' || d.name === 'parallel' || d.name === 'matrix');
  if (kinds.length !== 1) at(s, `stage '${s.args[1].value}' needs exactly one of steps, stages, parallel, matrix`);
  for (const d of s.body) {
    if (!STAGE.has(d.name)) at(d, `unknown directive ${d.name} in stage '${s.args[1].value}'`);
    if (d.name === 'agent') checkAgent(d, at);
    if (d.name === 'when') for (const c of flattenWhen(d.body ?? [])) if (!WHEN.has(c.name)) at(c, `unknown when condition ${c.name}`);
    if (d.name === 'steps' && !d.body?.length) at(d, `stage '${s.args[1].value}' has empty steps`);
    if (d.name === 'stages') for (const inner of d.body ?? []) checkStage(inner, at);
  }
}

function flattenWhen(list: Statement[]): Statement[] {
  return list.flatMap((c) => (c.name === 'allOf' || c.name === 'anyOf' || c.name === 'not' ? [c, ...flattenWhen(c.body ?? [])] : [c]));
}

/** Stage names in order, as stage ids: 'Quality gate' → quality-gate, 'Deploy dev' → deploy-dev. */
export function jenkinsStages(path: string, content: string): FoundPipeline {
  const tree = parseStatements(tokenize(content));
  const stages = tree[0]?.body?.find((s) => s.name === 'stages')?.body ?? [];
  const name = path.replace(/^.*\//, '').replace(/\.?Jenkinsfile$/, '') || 'Jenkinsfile';
  return foundPipeline(path, name, stages.map((s) => String(s.args[1]?.value ?? '').trim().toLowerCase().replace(/\s+/g, '-')));
}
