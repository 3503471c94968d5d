import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { writeRendered } from '../../../test/helpers/rendered-files.js';
import { UserError } from '../../errors.js';
import { AppSpec } from '../../spec/app-spec.js';
import { k8sRenderer } from '../k8s/index.js';
import { kustomizeBuild } from '../k8s/validate/index.js';
import { SpecIncompleteError } from '../renderer.js';
import { monorepoSpec, singleSpec } from './__fixtures__/specs.js';
import { ciRenderer, planCi, resolveTarget } from './index.js';
import { SLIPWAY_VERSION } from './model/commands.js';
import { checkCiOutput, jenkinsProblems, stageProblems } from './validate.js';
import { gitlabProblems } from './validate/gitlab.js';
import { hardeningProblems, workflowProblems } from './validate/github.js';
import { bitbucketProblems } from './validate/bitbucket.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('which CI', () => {
  it('takes --target first, then ci.target in slipway.yaml, else GitHub with a note', () => {
    const named = AppSpec.parse({ ...singleSpec(), ci: { target: 'jenkins' } });
    expect(resolveTarget(named, { target: 'gitlab' }).target).toBe('gitlab');
    expect(resolveTarget(named, {})).toEqual({ target: 'jenkins', notes: [] });
    const fallback = resolveTarget(singleSpec(), {});
    expect(fallback.target).toBe('github');
    expect(fallback.notes[0]?.hint).toContain('ci: { target: … }');
    expect(resolveTarget(singleSpec(), { target: 'codebuild' }).target).toBe('codepipeline');
  });

  it('rejects names every object has (constructor, toString) like any unknown target', () => {
    for (const target of ['constructor', 'toString', '__proto__']) {
      expect(() => ciRenderer.render(singleSpec(), { target })).toThrow(/--target: unknown CI target/);
    }
  });

  it('rejects an unknown target, naming the valid ones', () => {
    const attempt = () => ciRenderer.render(singleSpec(), { target: 'travis' });
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(/--target: unknown CI target "travis"/);
    try {
      attempt();
    } catch (err) {
      expect((err as UserError).hint).toBe('use one of: github, gitlab, jenkins, bitbucket, codepipeline');
      expect((err as UserError).exitCode).toBe(2);
    }
  });

  it('rejects ci.target values slipway.yaml cannot hold', () => {
    expect(AppSpec.safeParse({ ...singleSpec(), ci: { target: 'travis' } }).success).toBe(false);
  });
});

describe('bad input', () => {
  it('says there is nothing to build when there are no components', () => {
    const empty = { ...singleSpec(), components: [] } as AppSpec;
    expect(() => ciRenderer.render(empty, {})).toThrow(/slipway.yaml has no components/);
  });

  it('names unknown components asked for with --component', () => {
    expect(() => ciRenderer.render(monorepoSpec(), { components: ['shop-admin'] })).toThrow(/no component named "shop-admin".*/);
  });

  it('names the slipway.yaml key a web component without a port lacks', () => {
    const spec = AppSpec.parse({ version: 1, name: 'x', components: [{ name: 'x', kind: 'web', language: 'javascript', runtime: 'node' }] });
    const err = (() => {
      try {
        ciRenderer.render(spec, {});
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(SpecIncompleteError);
    expect((err as SpecIncompleteError).missing.map((m) => m.key)).toContain('components[0].port');
  });

  it('renders only the components asked for', () => {
    const files = ciRenderer.render(monorepoSpec(), { target: 'github', components: ['api'] }).files.map((f) => f.path);
    expect(files.filter((p) => !p.includes('infrastructure-'))).toEqual(['.github/workflows/api.yml']);
  });
});

describe('the validators catch what they exist for', () => {
  const plan = planCi(monorepoSpec(), {}).plan;
  const github = ciRenderer.render(monorepoSpec(), { target: 'github' }).files.find((f) => f.path === '.github/workflows/web.yml')!;

  it('GitHub: the official parser reports schema errors with their line', async () => {
    expect(await workflowProblems(github.path, github.content)).toEqual([]);
    const broken = github.content.replace('runs-on: ubuntu-24.04', 'runs-onn: ubuntu-24.04');
    expect((await workflowProblems(github.path, broken)).join('\n')).toMatch(/Line: \d+.*runs-onn/);
  });

  it('GitHub: unpinned actions and expressions inside scripts', () => {
    const bad = github.content.replace(/actions\/checkout@[0-9a-f]{40}/, 'actions/checkout@v4').replace('run: pnpm build', 'run: echo ${{ github.event.pull_request.title }}');
    const problems = hardeningProblems(github.path, bad);
    expect(problems.some((p) => p.includes('actions/checkout@v4, not pinned'))).toBe(true);
    expect(problems.some((p) => p.includes('expands an expression inside run:'))).toBe(true);
  });

  it('Jenkins: a stray brace, an unknown directive, a stage without steps', () => {
    const jf = ciRenderer.render(monorepoSpec(), { target: 'jenkins' }).files.find((f) => f.path === 'ci/jenkins/web.Jenkinsfile')!.content;
    expect(jenkinsProblems('x.Jenkinsfile', jf)).toEqual([]);
    expect(jenkinsProblems('x.Jenkinsfile', `${jf}}\n`).join()).toMatch(/unexpected }/);
    expect(jenkinsProblems('x.Jenkinsfile', jf.replace("stage('Render') {", "stage('Render') {\n            retries 3")).join()).toMatch(/unknown directive retries/);
    expect(jenkinsProblems('x.Jenkinsfile', "pipeline {\n agent any\n stages {\n  stage('a') {\n   when { branch 'main' }\n  }\n }\n}\n").join()).toMatch(/needs exactly one of steps/);
    expect(jenkinsProblems('x.Jenkinsfile', "pipeline {\n stages {\n  stage('a') { steps { sh 'x } }\n }\n}\n").join()).toMatch(/line break inside a one-line string|unterminated string/);
  });

  it('GitLab: jobs on undeclared stages, unknown keywords, missing child pipelines', () => {
    const bad = 'stages: [build]\nimage: node:22\ncompile:\n  stage: test\n  scripts: [make]\nchild:\n  stage: build\n  trigger:\n    include: [{ local: .gitlab/ci/x.gitlab-ci.yml }]\n';
    const problems = gitlabProblems('.gitlab-ci.yml', bad, new Set());
    expect(problems).toEqual(expect.arrayContaining([
      '.gitlab-ci.yml: job compile: unknown keyword scripts',
      '.gitlab-ci.yml: job compile: stage test is not in stages',
      '.gitlab-ci.yml: job compile: needs a script (a list of commands) or a trigger',
      '.gitlab-ci.yml: job child: child pipeline .gitlab/ci/x.gitlab-ci.yml was not rendered',
    ]));
  });

  it('Bitbucket: a manual first step and a deployment used twice', () => {
    const bad = 'pipelines:\n  default:\n    - step: { name: a, trigger: manual, deployment: prod, script: [x] }\n    - step: { name: b, deployment: prod, script: [y] }\n';
    expect(bitbucketProblems(bad)).toEqual(['bitbucket-pipelines.yml: default: the first step cannot be manual', 'bitbucket-pipelines.yml: default: deployment prod appears twice']);
  });

  it('stage order: a deploy before the gate, prod without approval', () => {
    const p = plan.components[0]!;
    expect(stageProblems({ file: 'f', kind: 'component', name: p.name, stages: ['checkout', 'install', 'build', 'deploy-dev', 'test', 'quality-gate', 'image', 'render', 'deploy-prod'] })).toEqual(
      expect.arrayContaining(['web: deploy-dev runs before the pipeline rendered its manifests', 'web: deploys to prod without an approval stage']),
    );
  });

  it('reports when no pipeline file was rendered at all', async () => {
    expect(await checkCiOutput('/nonexistent', [{ path: 'README.md', content: '# x\n' }])).toEqual([{ check: 'ci stages', ok: false, problems: ['no CI pipeline files among the rendered files'] }]);
  });
});

it('a component deploy applies its own objects and the shared ones, never a sibling\'s (kubectl kustomize)', async () => {
  const spec = monorepoSpec();
  const { root } = writeRendered(k8sRenderer.render(spec, {}).files, 'slipway-test-ci-k8s-');
  roots.push(root);
  const built = await kustomizeBuild(`${root}/deploy/k8s/overlays/dev`);
  if (!built.ok) throw new Error(built.error);
  const objects = parseAllDocuments(built.yaml).map((d) => d.toJS() as { kind: string; metadata: { name: string; labels?: Record<string, string> } });
  const { plan } = planCi(spec, {});
  for (const p of plan.components) {
    // kubectl's `name notin (a,b)`: objects without the label match too.
    const applied = objects.filter((o) => !p.siblings.includes(o.metadata.labels?.['app.kubernetes.io/name'] ?? ''));
    expect(applied.some((o) => o.kind === 'Namespace'), p.name).toBe(true);
    expect(applied.some((o) => o.kind === p.workload && o.metadata.name === p.name), p.name).toBe(true);
    const others = applied.filter((o) => p.siblings.includes(o.metadata.name) && ['Deployment', 'Job', 'Service', 'HorizontalPodAutoscaler', 'ConfigMap', 'Ingress'].includes(o.kind));
    expect(others.map((o) => `${o.kind}/${o.metadata.name}`), p.name).toEqual([]);
  }
});

it('CI runs the Slipway version that generated it', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(SLIPWAY_VERSION).toBe(pkg.version);
});
