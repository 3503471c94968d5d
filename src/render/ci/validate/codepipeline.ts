import { join } from 'node:path';
import { parse } from 'yaml';
import { checkReferences, parseHclFiles, terraformFmtCheck } from '../../terraform/validate/index.js';
import { CI_DIR as CODEPIPELINE_DIR } from '../codepipeline/buildspec.js';
import { bannerStages, type CheckResult, type FoundPipeline, foundPipeline, type Json, parseYamlMapping } from './types.js';

const PHASES = new Set(['install', 'pre_build', 'build', 'post_build']);
const TOP = new Set(['version', 'run-as', 'env', 'proxy', 'batch', 'phases', 'reports', 'artifacts', 'cache']);

const first = (v: unknown): Json => ((Array.isArray(v) ? v[0] : v) ?? {}) as Json;
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : v ? [v as Json] : []);

/** buildspec.yml version 0.2: known keys, phases with command lists, artifact files. */
function buildspecProblems(path: string, content: string): string[] {
  const parsed = parseYamlMapping(path, content);
  if ('problems' in parsed) return parsed.problems;
  const doc = parsed.doc;
  const problems: string[] = [];
  if (doc['version'] !== 0.2) problems.push(`${path}: version must be 0.2`);
  for (const k of Object.keys(doc)) if (!TOP.has(k)) problems.push(`${path}: unknown key ${k}`);
  const phases = (doc['phases'] ?? {}) as Json;
  if (!Object.keys(phases).length) problems.push(`${path}: no phases`);
  for (const [name, phase] of Object.entries(phases)) {
    if (!PHASES.has(name)) problems.push(`${path}: unknown phase ${name}`);
    const commands = ((phase ?? {}) as Json)['commands'];
    if (!Array.isArray(commands) || !commands.length || !commands.every((c) => typeof c === 'string')) problems.push(`${path}: phase ${name} needs a list of commands`);
  }
  const artifacts = doc['artifacts'] as Json | undefined;
  if (artifacts && !(Array.isArray(artifacts['files']) && artifacts['files'].length)) problems.push(`${path}: artifacts need files`);
  return problems;
}

/**
 * The Terraform of the pipelines: HashiCorp's parser, `terraform fmt -check`, the reference
 * check; every CodeBuild project's buildspec exists and is valid; stage lists per pipeline.
 */
export async function checkCodepipeline(root: string, files: Record<string, string>): Promise<{ results: CheckResult[]; pipelines: FoundPipeline[] }> {
  const tfFiles = Object.fromEntries(Object.entries(files).filter(([p]) => p.startsWith(`${CODEPIPELINE_DIR}/`) && p.endsWith('.tf')));
  const { parsed, problems: parseProblems } = await parseHclFiles(tfFiles);
  const fmt = await terraformFmtCheck(join(root, CODEPIPELINE_DIR));
  const refs = (await checkReferences(parsed)).map((p) => `${p.file}: ${p.message}`);
  const resources = Object.values(parsed).map((j) => (j['resource'] ?? {}) as Record<string, Record<string, unknown>>);
  const projects = new Map<string, Json>();
  const pipelines: [string, Json][] = [];
  for (const r of resources) {
    for (const [id, body] of Object.entries(r['aws_codebuild_project'] ?? {})) projects.set(id, first(body));
    for (const [id, body] of Object.entries(r['aws_codepipeline'] ?? {})) pipelines.push([id, first(body)]);
  }
  const specProblems: string[] = [];
  const buildspecOf = (id: string): string | undefined => {
    const path = first(projects.get(id)?.['source'])['buildspec'];
    return typeof path === 'string' ? path : undefined;
  };
  for (const id of projects.keys()) {
    const path = buildspecOf(id);
    if (!path || files[path] === undefined) specProblems.push(`aws_codebuild_project.${id}: buildspec ${path ?? '(none)'} was not rendered`);
  }
  for (const [path, content] of Object.entries(files)) if (path.startsWith(`${CODEPIPELINE_DIR}/`) && /buildspec[^/]*\.ya?ml$/.test(path)) specProblems.push(...buildspecProblems(path, content));
  const found: FoundPipeline[] = [];
  for (const [id, body] of pipelines) {
    const trigger = first(first(body['trigger'])['git_configuration']);
    if (trigger['pull_request'] !== undefined) continue;
    const stages = list(body['stage']).flatMap((stage) => {
      const action = first(stage['action']);
      if (action['category'] === 'Source') return ['checkout'];
      if (action['category'] === 'Approval') return [String(stage['name']).toLowerCase()];
      const ref = /aws_codebuild_project\.([\w-]+)\.name/.exec(String(first(action['configuration'])['ProjectName'] ?? ''));
      const spec = ref ? buildspecOf(ref[1]!) : undefined;
      const phases = spec && files[spec] ? (((parse(files[spec]!) ?? {}) as Json)['phases'] ?? {}) as Json : {};
      return Object.values(phases).flatMap((ph) => bannerStages(((ph ?? {}) as Json)['commands']));
    });
    const name = id.replace(/_/g, '-');
    found.push(foundPipeline(`${CODEPIPELINE_DIR}/${name}.tf`, name, stages));
  }
  return {
    results: [
      { check: 'codepipeline terraform', ok: !parseProblems.length && fmt.ok && !refs.length && Object.keys(parsed).length > 0, problems: [...parseProblems.map((p) => `${p.file}: ${p.message}`), ...(fmt.ok ? [] : [fmt.output]), ...refs] },
      { check: 'codepipeline buildspecs', ok: !specProblems.length && projects.size > 0, problems: specProblems },
    ],
    pipelines: found,
  };
}
