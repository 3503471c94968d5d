import { asObject, ofKind } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, ensure } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-037',
    slug: 'job-ttl',
    target: 'k8s',
    pillar: 'sustainability',
    severity: 'low',
    title: 'Finished Jobs are never cleaned up',
    rationale: 'Without `ttlSecondsAfterFinished` completed Jobs and their pods stay in etcd forever, slowing the API server and cluttering every listing.',
    fixHint: 'Set `spec.ttlSecondsAfterFinished` (e.g. 86400 keeps a day for inspection).',
    wellArchitected: ['SUS02-BP03', 'COST04-BP04'],
    equivalents: {},
    fixable: true,
  },
  check(set) {
    return each(ofKind(set, 'Job'), (job) =>
      asObject(job.body.spec)?.ttlSecondsAfterFinished !== undefined ? null : at(job, ['spec'], `Job/${job.name} sets no ttlSecondsAfterFinished`, ensure(job, ['spec'], { ttlSecondsAfterFinished: 86400 })),
    );
  },
});
