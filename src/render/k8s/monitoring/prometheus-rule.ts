import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { workloadLabels } from '../names.js';
import type { Workload } from '../workloads.js';

type Group = NonNullable<NonNullable<IPrometheusRule['spec']>['groups']>[number];
type Rule = NonNullable<Group['rules']>[number];

/** Ceiling for p99 latency through the ingress before the alert fires, in seconds. */
export const P99_LATENCY_SECONDS = 1;
export const ERROR_RATE = 0.05;

/**
 * Alerts for clusters that run the Prometheus operator (kube-state-metrics, cAdvisor and
 * ingress-nginx metrics): the same signals as the CloudWatch alarms in Terraform.
 */
export function prometheusRule(app: string, w: Workload): IPrometheusRule {
  const c = `container="${w.name}"`;
  const by = 'sum by (namespace)';
  const alert = (name: string, expr: string, forDuration: string, severity: string, summary: string): Rule => ({
    alert: `${pascal(w.name)}${name}`,
    expr,
    for: forDuration,
    labels: { severity, app, component: w.name },
    annotations: { summary: `${w.name}: ${summary}`, description: `See RUNBOOK.md, section "Alarms", for what to check. {{ $labels.namespace }}` },
  });
  const rules: Rule[] = [
    alert('Restarting', `increase(kube_pod_container_status_restarts_total{${c}}[15m]) > 2`, '5m', 'warning', 'containers restart repeatedly'),
    alert(
      'CpuNearLimit',
      `${by} (rate(container_cpu_usage_seconds_total{${c}}[5m])) / ${by} (kube_pod_container_resource_limits{${c}, resource="cpu"}) > 0.9`,
      '15m', 'warning', 'CPU above 90% of the limit',
    ),
    alert(
      'MemoryNearLimit',
      `${by} (container_memory_working_set_bytes{${c}}) / ${by} (kube_pod_container_resource_limits{${c}, resource="memory"}) > 0.9`,
      '15m', 'warning', 'memory above 90% of the limit',
    ),
  ];
  if (w.kind === 'job') {
    rules.push(alert('Failed', `kube_job_status_failed{job_name="${w.name}"} > 0`, '0m', 'critical', 'the job failed'));
  } else {
    rules.push(
      alert('ReplicasUnavailable', `kube_deployment_status_replicas_unavailable{deployment="${w.name}"} > 0`, '10m', 'critical', 'replicas unavailable'),
      alert(
        'AtMaxReplicas',
        `kube_horizontalpodautoscaler_status_current_replicas{horizontalpodautoscaler="${w.name}"} >= kube_horizontalpodautoscaler_spec_max_replicas{horizontalpodautoscaler="${w.name}"}`,
        '15m', 'warning', 'autoscaler at its maximum: raise scale.maxReplicas or size with slipway loadtest',
      ),
    );
  }
  if (w.public && w.port !== undefined) {
    const i = `ingress="${w.name}"`;
    rules.push(
      alert(
        'High5xxRate',
        `${by} (rate(nginx_ingress_controller_requests{${i}, status=~"5.."}[5m])) / ${by} (rate(nginx_ingress_controller_requests{${i}}[5m])) > ${ERROR_RATE}`,
        '5m', 'critical', `more than ${ERROR_RATE * 100}% of requests fail with 5xx`,
      ),
      alert(
        'HighP99Latency',
        `histogram_quantile(0.99, sum by (namespace, le) (rate(nginx_ingress_controller_request_duration_seconds_bucket{${i}}[5m]))) > ${P99_LATENCY_SECONDS}`,
        '10m', 'warning', `p99 latency above ${P99_LATENCY_SECONDS}s`,
      ),
    );
  }
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: w.name, labels: workloadLabels(app, w) },
    spec: { groups: [{ name: `${app}.${w.name}`, rules }] },
  };
}

function pascal(name: string): string {
  return name.replace(/(^|-)([a-z0-9])/g, (_, __, ch: string) => ch.toUpperCase());
}
