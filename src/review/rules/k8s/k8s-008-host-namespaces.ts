import { podSpec, workloads } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, podSpecPathOf } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-008',
    slug: 'host-namespaces',
    target: 'k8s',
    pillar: 'security',
    severity: 'high',
    title: 'Pod shares the host\'s namespaces',
    rationale: 'hostNetwork, hostPID and hostIPC put the pod in the node\'s network, process and IPC space: it sees other pods\' traffic and processes.',
    fixHint: 'Remove `hostNetwork`, `hostPID` and `hostIPC` (they are for node agents, not apps).',
    wellArchitected: ['SEC05-BP02', 'SEC03-BP02'],
    equivalents: { checkov: ['CKV_K8S_17', 'CKV_K8S_18', 'CKV_K8S_19'], trivy: ['AVD-KSV-0008', 'AVD-KSV-0009', 'AVD-KSV-0010'], polaris: ['hostIPCSet', 'hostPIDSet', 'hostNetworkSet'], kubeLinter: ['host-network', 'host-pid', 'host-ipc'] },
  },
  check(set) {
    return each(workloads(set), (obj) => {
      const spec = podSpec(obj) ?? {};
      const on = ['hostNetwork', 'hostPID', 'hostIPC'].filter((k) => spec[k] === true);
      return on.length ? at(obj, [...podSpecPathOf(obj), on[0]!], `${obj.kind}/${obj.name} sets ${on.join(', ')}`) : null;
    });
  },
});
