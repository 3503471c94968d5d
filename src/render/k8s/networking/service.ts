import type { IService } from 'kubernetes-models/v1/Service';
import { selectorLabels, workloadLabels } from '../names.js';
import type { Workload } from '../workloads.js';

export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/**
 * ClusterIP for every serving component; public ones reach the world through the Ingress.
 * `--service-type NodePort|LoadBalancer` exposes public components directly instead (the
 * banking seed's NodePort behind an NLB); LoadBalancer asks the AWS Load Balancer
 * Controller for an internet-facing NLB.
 */
export function service(app: string, w: Workload & { port: number }, type: ServiceType): IService {
  const exposed = w.public ? type : 'ClusterIP';
  const annotations =
    exposed === 'LoadBalancer'
      ? {
          'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
          'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
          'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
        }
      : undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: w.name, labels: workloadLabels(app, w), ...(annotations ? { annotations } : {}) },
    spec: {
      type: exposed,
      selector: selectorLabels(app, w),
      ports: [{ name: 'http', port: w.port, targetPort: 'http', protocol: 'TCP' }],
    },
  };
}
