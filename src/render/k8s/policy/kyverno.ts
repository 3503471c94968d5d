import { appLabels } from '../names.js';
import type { ClusterPolicy, PolicyRule } from './cluster-policy.js';

const ALL_CONTAINERS = 'request.object.spec.[ephemeralContainers, initContainers, containers][]';

/**
 * The house rules the manifests follow, enforced in the cluster so a hand-edited manifest
 * cannot drop them: resources, probes on serving components, the restricted security
 * context, no API token, images pinned by tag or digest. Scoped to the app's namespaces.
 */
export function housePolicies(app: string): ClusterPolicy[] {
  const pods = (selector?: PolicyRule['match']['any'][number]['resources']['selector']): PolicyRule['match'] => ({
    any: [{ resources: { kinds: ['Pod'], namespaces: [`${app}-*`], ...(selector ? { selector } : {}) } }],
  });
  const policy = (name: string, title: string, rules: PolicyRule[]): ClusterPolicy => ({
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: {
      name: `${app}-${name}`,
      labels: appLabels(app),
      annotations: { 'policies.kyverno.io/title': title, 'policies.kyverno.io/category': 'Slipway house rules' },
    },
    spec: { background: true, rules },
  });
  return [
    policy('require-resources', 'Require requests and limits', [
      {
        name: 'requests-and-limits',
        match: pods(),
        validate: {
          failureAction: 'Enforce',
          message: 'Every container sets CPU and memory requests and limits (docs/tiers.md).',
          pattern: { spec: { containers: [{ resources: { requests: { cpu: '?*', memory: '?*' }, limits: { cpu: '?*', memory: '?*' } } }] } },
        },
      },
    ]),
    policy('require-probes', 'Require readiness and liveness probes', [
      {
        name: 'readiness-and-liveness',
        match: pods({ matchExpressions: [{ key: 'app.kubernetes.io/component', operator: 'In', values: ['web', 'static'] }] }),
        validate: {
          failureAction: 'Enforce',
          message: 'Serving containers define readiness and liveness probes.',
          pattern: { spec: { containers: [{ readinessProbe: { periodSeconds: '>0' }, livenessProbe: { periodSeconds: '>0' } }] } },
        },
      },
    ]),
    policy('restricted-security-context', 'Run non-root, read-only, without privileges', [
      {
        name: 'pod-security-context',
        match: pods(),
        validate: {
          failureAction: 'Enforce',
          message: 'Pods run as non-root with the RuntimeDefault seccomp profile and no service account token.',
          pattern: {
            spec: { automountServiceAccountToken: false, securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } },
          },
        },
      },
      {
        name: 'container-security-context',
        match: pods(),
        validate: {
          failureAction: 'Enforce',
          message: 'Containers forbid privilege escalation and use a read-only root filesystem.',
          pattern: { spec: { containers: [{ securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true } }] } },
        },
      },
      {
        name: 'drop-all-capabilities',
        match: pods(),
        validate: {
          failureAction: 'Enforce',
          message: 'Containers drop ALL capabilities.',
          foreach: [
            {
              list: ALL_CONTAINERS,
              deny: { conditions: { all: [{ key: 'ALL', operator: 'AnyNotIn', value: '{{ element.securityContext.capabilities.drop[].to_upper(@) || `[]` }}' }] } },
            },
          ],
        },
      },
    ]),
    policy('pin-image-tags', 'Images by tag or digest, never latest', [
      {
        name: 'no-latest',
        match: pods(),
        validate: {
          failureAction: 'Enforce',
          message: 'Images carry the tag or digest the pipeline set; ":latest" and untagged images are refused.',
          pattern: { spec: { containers: [{ image: '*:* | *@sha256:*' }] } },
        },
      },
      {
        name: 'tag-not-latest',
        match: pods(),
        validate: {
          failureAction: 'Enforce',
          message: 'The ":latest" tag is refused.',
          pattern: { spec: { containers: [{ image: '!*:latest' }] } },
        },
      },
    ]),
  ];
}
