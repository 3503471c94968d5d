import { asObject, containers } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, containerPorts, probe } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-019',
    slug: 'probe-port',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'high',
    title: 'Probe checks a port the container does not serve',
    rationale: 'A probe on the wrong port always fails: readiness never passes (no traffic) or liveness restarts the pod forever.',
    fixHint: 'Point the probe at one of the container\'s `ports` (by number or by name).',
    wellArchitected: ['REL11-BP01'],
    equivalents: {},
  },
  check(set) {
    const withProbes = containers(set).filter((c) => containerPorts(c).length > 0);
    return each(withProbes, (c) => {
      const ports = containerPorts(c);
      const out = [];
      for (const kind of ['readinessProbe', 'livenessProbe', 'startupProbe'] as const) {
        const p = probe(c, kind);
        if (!p) continue;
        const handler = ['httpGet', 'tcpSocket', 'grpc'].find((h) => asObject(p[h]));
        const port = handler ? asObject(p[handler])?.port : undefined;
        if (port === undefined) continue;
        const ok = typeof port === 'number' ? ports.some((x) => x.port === port) : ports.some((x) => x.name === port);
        if (!ok) out.push(at(c.obj, [...c.path, kind, handler!, 'port'], `${kind} of container "${c.name}" in ${c.obj.kind}/${c.obj.name} checks port ${String(port)}, which the container does not declare`));
      }
      return out;
    });
  },
});
