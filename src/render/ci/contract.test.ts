import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { writeRendered } from '../../../test/helpers/rendered-files.js';
import { reviewDirectory } from '../../review/index.js';
import { GENERATED_MARKER } from '../renderer.js';
import { monorepoSpec, singleSpec } from './__fixtures__/specs.js';
import { triggerPaths } from './__fixtures__/triggers.js';
import { CI_EXPORTERS, CI_TARGETS, componentStages, infraStages, planCi } from './index.js';
import { inspectCi } from './validate.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
const unique = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) === i);

// One suite, every exporter (like Hono's router/common.case.test.ts): a new CI must pass all of it.
describe.each([...CI_TARGETS])('CI exporter %s', (target) => {
  const exporter = CI_EXPORTERS[target];
  for (const [label, spec] of [['monorepo', monorepoSpec()], ['single component, own environments', singleSpec()]] as const) {
    describe(label, () => {
      const { plan } = planCi(spec, {});
      const files = exporter.export(plan);

      it('marks every file as generated, once per path', () => {
        expect(files.length).toBeGreaterThan(0);
        expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
        for (const f of files) expect(f.content.split('\n').slice(0, 2).join('\n'), f.path).toContain(GENERATED_MARKER);
      });

      it('passes its validators and runs the house stages in order, per component and per environment', async () => {
        const { root } = writeRendered(files, 'slipway-test-ci-');
        roots.push(root);
        const { results, pipelines } = await inspectCi(root, files);
        expect(results.filter((r) => !r.ok)).toEqual([]);
        for (const p of plan.components) {
          expect(files.some((f) => f.path === exporter.componentFile(plan, p))).toBe(true);
          const found = pipelines.find((x) => x.kind === 'component' && x.name === p.name);
          expect(found, p.name).toBeDefined();
          expect(unique(found!.stages)).toEqual(componentStages(p));
        }
        for (const i of plan.infrastructure) {
          expect(files.some((f) => f.path === exporter.infraFile(plan, i))).toBe(true);
          const found = pipelines.find((x) => x.kind === 'infrastructure' && x.name === `infrastructure-${i.env}`);
          expect(unique(found!.stages)).toEqual(infraStages(i));
        }
      });

      it('runs every command of slipway.yaml, and keeps no AWS keys', () => {
        const all = files.map((f) => f.content).join('\n');
        for (const c of spec.components) for (const cmd of [c.commands.install, c.commands.build, c.commands.test].filter(Boolean)) expect(all).toContain(cmd!);
        expect(all).not.toMatch(/AWS_SECRET_ACCESS_KEY|aws_secret_access_key|aws_access_key_id/i);
        expect(all).toContain('review --gate');
      });

      it('deploys a component without touching the other components', () => {
        // Groovy escapes the quotes of the shell's selector.
        const all = files.map((f) => f.content).join('\n').replace(/\\'/g, "'");
        for (const p of plan.components) {
          if (!p.siblings.length) continue;
          expect(all).toContain(`kubectl apply -f manifests/${p.name}/${p.environments[0]!.name}.yaml --selector 'app.kubernetes.io/name notin (${p.siblings.join(',')})'`);
        }
      });
    });
  }

  it('triggers a monorepo component only on changes under its path', async () => {
    const spec = monorepoSpec();
    const files = exporter.export(planCi(spec, {}).plan);
    const web = await triggerPaths(target, files, 'web');
    expect(web).toContain('apps/web/**');
    expect(web.some((p) => p.startsWith('apps/api') || p === '**')).toBe(false);
    const root = await triggerPaths(target, files, 'worker');
    expect(root).toContain('**');
    // Exclusions where the CI has them (GitHub, CodePipeline); GitLab, Jenkins and Bitbucket cannot exclude.
    if (target === 'github' || target === 'codepipeline') expect(root).toEqual(expect.arrayContaining(['!apps/web/**', '!apps/api/**', '!jobs/nightly/**']));
  });

  it('passes Slipway\'s own review of CI files (no finding of medium severity or worse)', async () => {
    const { root } = writeRendered(exporter.export(planCi(monorepoSpec(), {}).plan), 'slipway-test-ci-review-');
    roots.push(root);
    const review = await reviewDirectory(root, { kustomize: false });
    const serious = review.findings.filter((f) => f.severity !== 'low');
    expect(serious.map((f) => `${f.ruleId} ${f.location.file}: ${f.message}`)).toEqual([]);
  });
});
