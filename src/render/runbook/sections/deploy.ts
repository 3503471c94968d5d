import { deploy, renderManifests } from '../../ci/model/commands.js';
import type { ComponentPipeline } from '../../ci/model/types.js';
import { componentStages } from '../../ci/model/types.js';
import type { RunbookContext } from '../context.js';
import { bullets, code, para, section, sub, table } from '../markdown.js';

/** How to start one component's pipeline by hand on each CI. */
function runByHand(ctx: RunbookContext, p: ComponentPipeline): string {
  const file = ctx.ci.componentFile(ctx.plan, p);
  switch (ctx.ci.target) {
    case 'github': return `\`gh workflow run ${file.replace(/^.*\//, '')} --ref ${ctx.plan.branch}\``;
    case 'gitlab': return `Build → Pipelines → Run pipeline on \`${ctx.plan.branch}\` (starts every child pipeline)`;
    case 'jenkins': return `Build Now on the job whose script path is \`${file}\``;
    case 'bitbucket': return `Pipelines → Run pipeline → \`${ctx.plan.branch}\` → custom: \`${p.name}\``;
    case 'codepipeline': return `\`aws codepipeline start-pipeline-execution --name ${p.image.name}\``;
  }
}

export function deploySection(ctx: RunbookContext): string[] {
  const first = ctx.plan.components[0]!;
  const env = first.environments[0]!;
  return section('Deploy', [
    ...sub(`Through the pipeline (${ctx.ci.title})`, [
      ...para(
        `A push to \`${ctx.plan.branch}\` runs the pipeline of each component whose files changed; a pull request runs only checkout → install → build → test → quality gate.`,
        `The image is tagged with the commit, the manifests rendered once and applied to each environment in turn; a failed rollout is rolled back (\`kubectl rollout undo\`) and stops the pipeline.`,
        'First-time setup (roles, variables, approvers): docs/ci.md.',
      ),
      ...table(
        ['pipeline', 'defined in', 'runs on changes to', 'stages', 'run it by hand'],
        [
          ...ctx.plan.components.map((p) => [p.name, `\`${ctx.ci.componentFile(ctx.plan, p)}\``, p.watch.include.map((x) => `\`${x}\``).join(', '), componentStages(p).join(' → '), runByHand(ctx, p)]),
          ...ctx.plan.infrastructure.map((i) => [`infrastructure ${i.env}`, `\`${ctx.ci.infraFile(ctx.plan, i)}\``, i.watch.map((x) => `\`${x}\``).join(', '), `review → fmt/validate → plan${i.approval ? ' → approval' : ''} → apply → cluster policies`, '–']),
        ],
      ),
    ]),
    ...sub('By hand, on this machine', [
      ...para('Slipway\'s local target runs each environment behind its own proxy on 127.0.0.1 (blue/green, health-checked, the previous release kept warm):'),
      ...code(ctx.envs.map((e) => `slipway deploy . --env ${e}${ctx.localPort(e) ? `   # http://127.0.0.1:${ctx.localPort(e)}` : ''}`)),
    ]),
    ...sub('By hand, on Kubernetes', [
      ...para(`What the pipeline does, for \`${first.name}\` in \`${env.name}\` (REGISTRY and IMAGE_TAG set to the image to release):`),
      ...code([...renderManifests({ ...first, environments: [env] }), ...deploy(first, env)]),
      ...(ctx.plan.components.some((p) => p.release)
        ? bullets(ctx.plan.components.filter((p) => p.release).map((p) => `\`${p.name}\` runs \`${p.release}\` once per release, after its rollout (the pipeline's last deploy step).`))
        : []),
    ]),
    ...section('Promote', [
      ...para(
        `Releases move ${ctx.envs.join(' → ')} in the same pipeline run, with the same image and manifests.`,
        ...first.environments.filter((e) => e.approval).map((e) => `Before ${e.name}: ${ctx.ci.approvalHow(e.name)}.`),
      ),
      ...para('On this machine, `slipway pipeline run .` walks the same environments and waits at approvals:'),
      ...code(['slipway pipeline run . --env prod', 'slipway runs                 # find the waiting run', 'slipway approve <run> --comment "change window OK"']),
    ]),
  ]);
}
