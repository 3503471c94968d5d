import type { AppSpec } from '../../spec/app-spec.js';
import { GENERATED_MARKER, type RenderOptions, type RenderResult, type Renderer } from '../renderer.js';
import { runbookContext } from './context.js';
import { para } from './markdown.js';
import { backupSection } from './sections/backup.js';
import { deploySection } from './sections/deploy.js';
import { observabilitySection } from './sections/observability.js';
import { overview } from './sections/overview.js';
import { rollbackSection } from './sections/rollback.js';
import { scaleSection } from './sections/scale.js';
import { secretsSection } from './sections/secrets.js';

export const RUNBOOK_FILE = 'RUNBOOK.md';

/**
 * `slipway generate runbook`: RUNBOOK.md, the on-call page of the app — deploy, promote,
 * roll back, scale, restore, rotate a secret, logs and alarms — with this app's names,
 * ports, commands and CI, taken from slipway.yaml and the generated CI, k8s and Terraform.
 */
export const runbookRenderer: Renderer = {
  id: 'runbook',
  description: 'RUNBOOK.md: deploy, promote, roll back, scale, restore, rotate secrets, logs and alarms for this app',
  render(spec: AppSpec, opts: RenderOptions): RenderResult {
    const ctx = runbookContext(spec, opts);
    const lines = [
      `<!-- ${GENERATED_MARKER} from slipway.yaml: regenerate with \`slipway generate runbook\` after changing it -->`,
      `# ${spec.name} runbook`,
      '',
      ...para(`${ctx.workloads.length} component${ctx.workloads.length === 1 ? '' : 's'} (${ctx.workloads.map((w) => w.name).join(', ')}), environments ${ctx.envs.join(' → ')}, pipelines on ${ctx.ci.title}.`),
      ...overview(ctx),
      ...deploySection(ctx),
      ...rollbackSection(ctx),
      ...scaleSection(ctx),
      ...backupSection(ctx),
      ...secretsSection(ctx),
      ...observabilitySection(ctx),
    ];
    // The ci renderer already reports what the plan noticed; the runbook adds nothing to say.
    return { files: [{ path: RUNBOOK_FILE, content: `${lines.join('\n').trimEnd()}\n` }], notes: [] };
  },
};
