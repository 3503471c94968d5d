import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

/** apiVersion/kind pairs removed from Kubernetes, with the release that removed them and the replacement. */
const REMOVED: Record<string, { removedIn: string; use: string }> = {
  'extensions/v1beta1/Deployment': { removedIn: '1.16', use: 'apps/v1' },
  'extensions/v1beta1/DaemonSet': { removedIn: '1.16', use: 'apps/v1' },
  'extensions/v1beta1/ReplicaSet': { removedIn: '1.16', use: 'apps/v1' },
  'extensions/v1beta1/NetworkPolicy': { removedIn: '1.16', use: 'networking.k8s.io/v1' },
  'extensions/v1beta1/PodSecurityPolicy': { removedIn: '1.16', use: '(removed; use Pod Security Admission)' },
  'extensions/v1beta1/Ingress': { removedIn: '1.22', use: 'networking.k8s.io/v1' },
  'apps/v1beta1/Deployment': { removedIn: '1.16', use: 'apps/v1' },
  'apps/v1beta2/Deployment': { removedIn: '1.16', use: 'apps/v1' },
  'apps/v1beta1/StatefulSet': { removedIn: '1.16', use: 'apps/v1' },
  'apps/v1beta2/StatefulSet': { removedIn: '1.16', use: 'apps/v1' },
  'apps/v1beta2/DaemonSet': { removedIn: '1.16', use: 'apps/v1' },
  'networking.k8s.io/v1beta1/Ingress': { removedIn: '1.22', use: 'networking.k8s.io/v1' },
  'networking.k8s.io/v1beta1/IngressClass': { removedIn: '1.22', use: 'networking.k8s.io/v1' },
  'rbac.authorization.k8s.io/v1beta1/Role': { removedIn: '1.22', use: 'rbac.authorization.k8s.io/v1' },
  'rbac.authorization.k8s.io/v1beta1/ClusterRole': { removedIn: '1.22', use: 'rbac.authorization.k8s.io/v1' },
  'rbac.authorization.k8s.io/v1beta1/RoleBinding': { removedIn: '1.22', use: 'rbac.authorization.k8s.io/v1' },
  'rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding': { removedIn: '1.22', use: 'rbac.authorization.k8s.io/v1' },
  'batch/v1beta1/CronJob': { removedIn: '1.25', use: 'batch/v1' },
  'policy/v1beta1/PodDisruptionBudget': { removedIn: '1.25', use: 'policy/v1' },
  'policy/v1beta1/PodSecurityPolicy': { removedIn: '1.25', use: '(removed; use Pod Security Admission)' },
  'autoscaling/v2beta1/HorizontalPodAutoscaler': { removedIn: '1.25', use: 'autoscaling/v2' },
  'autoscaling/v2beta2/HorizontalPodAutoscaler': { removedIn: '1.26', use: 'autoscaling/v2' },
  'flowcontrol.apiserver.k8s.io/v1beta2/FlowSchema': { removedIn: '1.29', use: 'flowcontrol.apiserver.k8s.io/v1' },
  'storage.k8s.io/v1beta1/CSIStorageCapacity': { removedIn: '1.27', use: 'storage.k8s.io/v1' },
};

export default defineRule({
  meta: {
    id: 'SLW-K8S-034',
    slug: 'deprecated-api',
    target: 'k8s',
    pillar: 'operational-excellence',
    severity: 'high',
    title: 'API version removed from Kubernetes',
    rationale: 'Clusters past the removal release reject the object: the deploy fails, typically right after a cluster upgrade.',
    fixHint: 'Move the object to the current apiVersion (the message names it) and adjust the fields that changed.',
    wellArchitected: ['OPS05-BP03', 'REL08-BP02'],
    equivalents: { kubeLinter: ['no-extensions-v1beta'] },
  },
  check(set) {
    return each(set.objects, (o) => {
      const hit = REMOVED[`${o.apiVersion}/${o.kind}`];
      return hit ? at(o, ['apiVersion'], `${o.apiVersion} ${o.kind} was removed in Kubernetes ${hit.removedIn}; use ${hit.use}`) : null;
    });
  },
});
