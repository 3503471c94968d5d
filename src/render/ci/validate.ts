/**
 * Validators of the CI exporters' output, for tests and bench/generate only: they load
 * dev dependencies (@actions/workflow-parser) and run `terraform fmt`. Nothing at runtime
 * imports this file.
 *
 *   const results = await checkCiOutput(root, files);   // files written under root
 */
import type { RenderedFile } from '../renderer.js';
import { BITBUCKET_FILE } from './bitbucket/index.js';
import { CI_DIR as CODEPIPELINE_DIR } from './codepipeline/buildspec.js';
import { bitbucketProblems, bitbucketStages } from './validate/bitbucket.js';
import { checkCodepipeline } from './validate/codepipeline.js';
import { hardeningProblems, isWorkflow, workflowProblems, workflowStages } from './validate/github.js';
import { gitlabProblems, gitlabStages, isGitlabFile } from './validate/gitlab.js';
import { isJenkinsfile, jenkinsProblems, jenkinsStages } from './validate/jenkins.js';
import { RUNBOOK_FILE, runbookProblems } from './validate/runbook.js';
import { stageProblems } from './validate/stages.js';
import type { CheckResult, FoundPipeline } from './validate/types.js';

export type { CheckResult, FoundPipeline } from './validate/types.js';
export { stageProblems } from './validate/stages.js';
export { jenkinsProblems } from './validate/jenkins.js';

/**
 * Every check of rendered CI files: per CI found, its syntax (GitHub's workflow parser and
 * schema; GitLab, Bitbucket and buildspec structure; a Declarative Pipeline parser for
 * Jenkinsfiles; HCL parse, fmt and references for CodePipeline), then `ci stages`: each
 * pipeline runs the stages in the house order; and RUNBOOK.md, when rendered. `files` may be a list or a path → content map.
 */
export async function checkCiOutput(root: string, files: RenderedFile[] | Record<string, string>): Promise<CheckResult[]> {
  return (await inspectCi(root, files)).results;
}

/** checkCiOutput's results and the pipelines it found, with their stage lists. */
export async function inspectCi(root: string, files: RenderedFile[] | Record<string, string>): Promise<{ results: CheckResult[]; pipelines: FoundPipeline[] }> {
  const byPath: Record<string, string> = Array.isArray(files) ? Object.fromEntries(files.map((f) => [f.path, f.content])) : files;
  const paths = Object.keys(byPath).sort();
  const results: CheckResult[] = [];
  const pipelines: FoundPipeline[] = [];
  const stageErrors: string[] = [];
  const collect = (fn: () => FoundPipeline | FoundPipeline[] | null) => {
    try {
      const found = fn();
      if (found) pipelines.push(...(Array.isArray(found) ? found : [found]));
    } catch (err) {
      stageErrors.push(String((err as Error).message));
    }
  };

  const workflows = paths.filter(isWorkflow);
  if (workflows.length) {
    const problems = (await Promise.all(workflows.map((p) => workflowProblems(p, byPath[p]!)))).flat();
    results.push({ check: 'github actions', ok: !problems.length, problems });
    const hardening = workflows.flatMap((p) => hardeningProblems(p, byPath[p]!));
    results.push({ check: 'github hardening', ok: !hardening.length, problems: hardening });
    for (const p of workflows) collect(() => workflowStages(p, byPath[p]!));
  }
  const rendered = new Set(paths);
  const gitlab = paths.filter(isGitlabFile);
  if (gitlab.length) {
    const problems = gitlab.flatMap((p) => gitlabProblems(p, byPath[p]!, rendered));
    if (!gitlab.includes('.gitlab-ci.yml')) problems.push('no .gitlab-ci.yml: GitLab reads only that file');
    results.push({ check: 'gitlab ci', ok: !problems.length, problems });
    for (const p of gitlab) collect(() => gitlabStages(p, byPath[p]!));
  }
  const jenkins = paths.filter(isJenkinsfile);
  if (jenkins.length) {
    const problems = jenkins.flatMap((p) => jenkinsProblems(p, byPath[p]!));
    results.push({ check: 'jenkinsfile', ok: !problems.length, problems });
    for (const p of jenkins) collect(() => jenkinsStages(p, byPath[p]!));
  }
  if (byPath[BITBUCKET_FILE] !== undefined) {
    const problems = bitbucketProblems(byPath[BITBUCKET_FILE]);
    results.push({ check: 'bitbucket pipelines', ok: !problems.length, problems });
    collect(() => bitbucketStages(byPath[BITBUCKET_FILE]!));
  }
  if (paths.some((p) => p.startsWith(`${CODEPIPELINE_DIR}/`))) {
    const { results: cp, pipelines: found } = await checkCodepipeline(root, byPath);
    results.push(...cp);
    pipelines.push(...found);
  }
  if (byPath[RUNBOOK_FILE] !== undefined) {
    const problems = runbookProblems(byPath[RUNBOOK_FILE], rendered);
    results.push({ check: 'runbook', ok: !problems.length, problems });
  }
  if (!results.some((r) => r.check !== 'runbook')) return { results: [...results, { check: 'ci stages', ok: false, problems: ['no CI pipeline files among the rendered files'] }], pipelines };
  const problems = [...stageErrors, ...pipelines.flatMap((p) => stageProblems(p).map((m) => `${p.file}: ${m}`))];
  if (!pipelines.some((p) => p.kind === 'component')) problems.push('no component pipeline found');
  results.push({ check: 'ci stages', ok: !problems.length, problems });
  return { results, pipelines };
}
