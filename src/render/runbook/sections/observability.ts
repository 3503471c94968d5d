import type { RunbookContext } from '../context.js';
import { bullets, code, para, section, sub, table } from '../markdown.js';

export function observabilitySection(ctx: RunbookContext): string[] {
  const prod = ctx.plan.components[0]!.environments.at(-1)!;
  const first = ctx.workloads[0]!;
  const alarms = ctx.workloads.flatMap((w) => [
    ...ctx.alarmSuffixes.pod.map((s) => [`${ctx.app}-<env>-${w.name}-${s}`, w.name, 'Container Insights (pods)']),
    ...(w.public ? ctx.alarmSuffixes.edge.map((s) => [`${ctx.app}-<env>-${w.name}-${s}`, w.name, 'CloudFront (us-east-1)']) : []),
  ]);
  return section('Logs and alarms', [
    ...sub('Logs', [
      ...code([
        `kubectl -n ${prod.namespace} logs deployment/${first.name} --since=1h -f`,
        `kubectl -n ${prod.namespace} logs deployment/${first.name} --previous      # the crashed container`,
        `kubectl -n ${prod.namespace} get events --sort-by=.lastTimestamp`,
      ]),
      ...bullets([
        `CloudWatch Logs: \`/aws/containerinsights/${prod.cluster}/application\` (Container Insights add-on), one stream per container; Logs Insights queries across components.`,
        'Pipeline logs: in the CI run; the rendered manifests are kept as an artifact of each run.',
        'On this machine: `.slipway/envs/<env>/releases/<release>/logs/<component>-<n>.log` (secret values masked), the proxy in `.slipway/envs/<env>/agent.log`; `slipway runs` and `slipway logs <run>` for pipeline runs.',
      ]),
    ]),
    ...sub('Alarms', [
      ...para(`CloudWatch alarms notify the SNS topic \`${ctx.app}-<env>-alarms\` (subscribe with \`alarm_email\` in deploy/terraform/env/<env>.tfvars); the edge alarms use \`${ctx.app}-<env>-alarms-edge\` in us-east-1.`),
      ...(alarms.length ? table(['alarm', 'component', 'source'], alarms) : para('No alarms are generated for this app.')),
      ...code([`aws cloudwatch describe-alarms --alarm-name-prefix ${ctx.app}-${prod.name}- --state-value ALARM`]),
      ...para('Clusters running the Prometheus operator get the same conditions as PrometheusRules (deploy/k8s/monitoring).'),
    ]),
  ]);
}
