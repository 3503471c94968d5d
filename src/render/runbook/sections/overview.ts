import { dockerLayout } from '../../docker/layout.js';
import { MANAGED_SERVICES } from '../../terraform/services/index.js';
import { backingName } from '../../k8s/backing/stateful-set.js';
import { stateBucketName } from '../../terraform/files/bootstrap.js';
import type { RunbookContext } from '../context.js';
import { para, section, table } from '../markdown.js';

export function overview(ctx: RunbookContext): string[] {
  const services = [...new Set(ctx.workloads.flatMap((w) => w.component.services.map((s) => `${s.type}${s.version ? ` ${s.version}` : ''}`)))];
  const types = [...new Set(ctx.workloads.flatMap((w) => w.services))];
  return section('At a glance', [
    ...table(
      ['component', 'kind', 'directory', 'port', 'health check', 'tier', 'image', 'Dockerfile', 'start'],
      ctx.workloads.map((w) => {
        const layout = dockerLayout(ctx.spec, w.component);
        return [w.name, w.kind + (w.public ? ' (public)' : ''), w.component.path, w.port, w.healthPath, w.tier, layout.image, layout.dockerfile, w.component.commands.start ? `\`${w.component.commands.start}\`` : undefined];
      }),
    ),
    ...(types.length
      ? table(
          ['backing service', 'dev (in the cluster)', 'test and prod (managed)'],
          types.map((t) => [services.find((s) => s.startsWith(t)) ?? t, `StatefulSet \`${backingName(ctx.app, t)}\``, `${MANAGED_SERVICES[t].offering}${ctx.managedIds.get(t) ? ` \`${ctx.managedIds.get(t)}\`` : ''}`]),
        )
      : para('No backing services.')),
    ...table(
      ['environment', 'on this machine (`slipway deploy`)', 'Kubernetes namespace', 'EKS cluster', 'Terraform state', 'approval'],
      ctx.plan.components[0]!.environments.map((e) => [
        e.name, ctx.localPort(e.name) ? `http://127.0.0.1:${ctx.localPort(e.name)}` : undefined, `\`${e.namespace}\``, `\`${e.cluster}\``, `s3://${stateBucketName(ctx.app, e.name)}`, e.approval ? 'yes' : 'no',
      ]),
    ),
  ]);
}
