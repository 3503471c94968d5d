import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyEgressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule';
import type { INetworkPolicyIngressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyIngressRule';
import { BACKING_SERVICES } from '../backing/catalog.js';
import { appLabels, partOf, selectorLabels, workloadLabels } from '../names.js';
import type { Workload } from '../workloads.js';

/** Namespace of the ingress-nginx controller (the Terraform add-ons install it there). */
export const INGRESS_NAMESPACE = 'ingress-nginx';
/** Managed services live in the VPC's private subnets; the VPC CIDRs are carved from 10/8. */
const VPC_RANGE = '10.0.0.0/8';
const INSTANCE_METADATA = '169.254.169.254/32';

/** Nothing in or out unless a policy below allows it; DNS is always allowed. */
export function defaultDeny(app: string): INetworkPolicy[] {
  return [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', labels: appLabels(app) },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-dns', labels: appLabels(app) },
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
            ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
          },
        ],
      },
    },
  ];
}

/**
 * A component's traffic: in from the app's own components (and the ingress controller when
 * public) on its port; out to the app's components, to its backing services (in-cluster in
 * dev, in the VPC in test/prod) and to HTTPS APIs, never to the instance metadata service.
 */
export function componentPolicy(app: string, w: Workload): INetworkPolicy {
  const ingress: INetworkPolicyIngressRule[] = [];
  if (w.port !== undefined) {
    const from: NonNullable<INetworkPolicyIngressRule['from']> = [{ podSelector: { matchLabels: partOf(app) } }];
    if (w.public) from.push({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': INGRESS_NAMESPACE } } });
    ingress.push({ from, ports: [{ protocol: 'TCP', port: w.port }] });
  }
  const egress: INetworkPolicyEgressRule[] = [{ to: [{ podSelector: { matchLabels: partOf(app) } }] }];
  if (w.services.length) {
    egress.push({
      to: [{ ipBlock: { cidr: VPC_RANGE } }],
      ports: [...new Set(w.services.map((s) => BACKING_SERVICES[s].managedPort))].map((port) => ({ protocol: 'TCP', port })),
    });
  }
  egress.push({ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: [INSTANCE_METADATA] } }], ports: [{ protocol: 'TCP', port: 443 }] });
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: w.name, labels: workloadLabels(app, w) },
    spec: { podSelector: { matchLabels: selectorLabels(app, w) }, policyTypes: ['Ingress', 'Egress'], ingress, egress },
  };
}
