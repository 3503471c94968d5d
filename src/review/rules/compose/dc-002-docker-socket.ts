import { asArray, asObject } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DC-002',
    slug: 'docker-socket',
    target: 'compose',
    pillar: 'security',
    severity: 'critical',
    title: 'Docker socket mounted into a service',
    rationale: 'Whoever can talk to /var/run/docker.sock can start a privileged container with the host\'s root file system: it is root on the host.',
    fixHint: 'Remove the socket mount; if a tool really needs the Docker API, put a filtering proxy in front of it.',
    wellArchitected: ['SEC03-BP02'],
    equivalents: {},
  },
  check(doc) {
    return each(doc.services, (s) => {
      const vols = asArray(s.body.volumes);
      const i = vols.findIndex((v) => /docker\.sock|podman\.sock/.test(typeof v === 'string' ? v : String(asObject(v)?.source ?? '')));
      return i < 0 ? null : { location: at(doc, ['services', s.name, 'volumes', i]), message: `service ${s.name} mounts the container engine socket` };
    });
  },
});
