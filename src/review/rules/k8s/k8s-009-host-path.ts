import { asArray, asObject, podSpec, workloads } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, podSpecPathOf } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-009',
    slug: 'host-path',
    target: 'k8s',
    pillar: 'security',
    severity: 'high',
    title: 'hostPath volume',
    rationale: 'A hostPath volume mounts the node\'s file system into the pod: the docker socket, kubelet credentials or /etc are one path away.',
    fixHint: 'Use a PersistentVolumeClaim, ConfigMap, Secret or emptyDir instead.',
    wellArchitected: ['SEC03-BP02'],
    equivalents: { checkov: ['CKV_K8S_27'], trivy: ['AVD-KSV-0023'], kubeLinter: ['sensitive-host-mounts'] },
  },
  check(set) {
    return each(workloads(set), (obj) => {
      const vols = asArray(podSpec(obj)?.volumes).map(asObject);
      const i = vols.findIndex((v) => v?.hostPath !== undefined);
      if (i < 0) return null;
      const v = vols[i]!;
      const path = String(asObject(v.hostPath)?.path ?? '');
      return at(obj, [...podSpecPathOf(obj), 'volumes', typeof v.name === 'string' ? { name: v.name } : i], `${obj.kind}/${obj.name} mounts host path ${path}`);
    });
  },
});
