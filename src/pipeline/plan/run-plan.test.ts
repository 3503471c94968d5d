import { describe, expect, it } from 'vitest';
import { AppSpec, type AppSpecInput } from '../../spec/app-spec.js';
import { defaultPipeline } from './default-pipeline.js';
import { planRun, PlanError } from './run-plan.js';

const web = { name: 'api', kind: 'web', language: 'javascript', runtime: 'node', packageManager: 'npm', commands: { install: 'npm ci', build: 'npm run build', test: 'npm test', start: 'node dist/main.js' }, port: 3000 } as const;
const spec = (extra: Partial<AppSpecInput> = {}): AppSpec => AppSpec.parse({ version: 1, name: 'shop', components: [web], ...extra });

describe('default pipeline', () => {
  it('is install → build → test → gate → dev → test → (approval) prod', () => {
    const p = defaultPipeline(spec());
    expect(p.stages!.map((s) => [s.name, s.steps.map((x) => x.id)])).toEqual([
      ['build', ['install', 'build']],
      ['test', ['test']],
      ['gate', ['gate']],
      ['deploy-dev', ['deploy-dev', 'validate-dev']],
      ['deploy-test', ['deploy-test', 'validate-test']],
      ['deploy-prod', ['approve-prod', 'deploy-prod', 'validate-prod']],
    ]);
    expect(p.stages![5]!.steps[1]!.needs).toEqual(['approve-prod']);
  });

  it('names steps per component when there are several, and adds image builds for containers', () => {
    const worker = { ...web, name: 'jobs', kind: 'worker', commands: { install: 'npm ci', start: 'node jobs.js' }, deploy: { mode: 'container' } } as const;
    const p = defaultPipeline(spec({ components: [web, worker] }));
    const ids = p.stages!.flatMap((s) => s.steps.map((x) => x.id));
    expect(ids).toEqual(expect.arrayContaining(['install-api', 'build-api', 'install-jobs', 'test-api', 'image-jobs']));
    expect(ids).not.toContain('test-jobs');
  });

  it('follows environments: and their approval flags', () => {
    const p = defaultPipeline(spec({ environments: { staging: { approval: true }, live: {} } }));
    expect(p.stages!.slice(-2).map((s) => s.steps.map((x) => x.id))).toEqual([
      ['approve-staging', 'deploy-staging', 'validate-staging'],
      ['deploy-live', 'validate-live'],
    ]);
  });
});

describe('planRun', () => {
  it('adds the previous stage to every step\'s needs', () => {
    const plan = planRun(spec());
    expect(plan.steps.find((s) => s.id === 'test')!.needs).toEqual(['install', 'build']);
    expect(plan.steps.find((s) => s.id === 'validate-dev')!.needs).toEqual(['gate', 'deploy-dev']);
    expect(plan.steps.find((s) => s.id === 'test')!.origin).toBe('components[0].commands.test');
  });

  it('--env dev skips the later environments, with the reason', () => {
    const plan = planRun(spec(), { env: 'dev' });
    expect(plan.envs).toEqual(['dev']);
    expect(plan.steps.filter((s) => s.skip).map((s) => s.id)).toEqual(['deploy-test', 'validate-test', 'approve-prod', 'deploy-prod', 'validate-prod']);
    expect(plan.steps.find((s) => s.id === 'deploy-prod')!.skip).toBe('this run does not go to prod');
  });

  it('rejects an unknown environment and an unknown --from-step', () => {
    expect(() => planRun(spec(), { env: 'staging' })).toThrow(PlanError);
    expect(() => planRun(spec(), { fromStep: 'nope' })).toThrow(/no step "nope"/);
  });

  it('skips steps whose branch globs do not match, and marks steps before --from-step', () => {
    const s = spec({
      pipeline: {
        steps: [
          { id: 'lint', run: 'npm run lint' },
          { id: 'publish', run: 'npm publish', needs: ['lint'], when: { branch: ['release/*', 'main'] } },
          { id: 'notify', run: 'echo done', needs: ['publish'] },
        ],
      },
    });
    expect(planRun(s, { branch: 'feature/x' }).steps.find((x) => x.id === 'publish')!.skip).toMatch(/only on branch release\/\*, main \(this run: feature\/x\)/);
    expect(planRun(s, { branch: 'release/2.1' }).steps.find((x) => x.id === 'publish')!.skip).toBeUndefined();
    expect(planRun(s, { branch: null }).steps.find((x) => x.id === 'publish')!.skip).toMatch(/no branch/);
    const from = planRun(s, { branch: 'main', fromStep: 'notify' });
    expect(from.steps.map((x) => [x.id, Boolean(x.cacheOnly)])).toEqual([
      ['lint', true],
      ['publish', true],
      ['notify', false],
    ]);
    expect(from.source).toBe('slipway.yaml');
    expect(from.steps[1]!.origin).toBe('pipeline.steps[1]');
  });

  it('appends the mirror push after every other step', () => {
    const s = spec({ pipeline: { steps: [{ id: 'a', run: 'true' }, { id: 'b', run: 'true' }], mirror: { remote: '../mirror.git' } } });
    const last = planRun(s).steps.at(-1)!;
    expect(last).toMatchObject({ id: 'mirror', internal: 'mirror', needs: ['a', 'b'] });
  });
});
