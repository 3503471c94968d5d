import { asObject } from '../../parse/k8s.js';
import { defineRule, each, NOTHING } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-CI-006',
    slug: 'workflow-permissions',
    target: 'ci',
    pillar: 'security',
    severity: 'medium',
    title: 'Workflow token permissions not restricted',
    rationale: 'Without `permissions:` the GITHUB_TOKEN gets the repository default, often read-write on everything: any compromised step can push code or tamper with releases.',
    fixHint: 'Set `permissions: contents: read` at the top of the workflow and grant more per job where needed.',
    wellArchitected: ['SEC03-BP02', 'SEC11-BP07'],
    equivalents: { checkov: ['CKV2_GHA_1'] },
  },
  check(doc) {
    if (doc.kind !== 'github') return NOTHING;
    const top = asObject(doc.doc.value)?.permissions;
    return each([doc], () => {
      if (top === 'write-all') return { location: at(doc, ['permissions']), message: 'the workflow grants write-all permissions' };
      const loose = doc.jobs.filter((j) => j.body.permissions === undefined || j.body.permissions === 'write-all');
      if (top !== undefined && !loose.some((j) => j.body.permissions === 'write-all')) return null;
      if (top === undefined && loose.length === 0) return null;
      const job = loose[0]!;
      return job.body.permissions === 'write-all'
        ? { location: at(doc, ['jobs', job.id, 'permissions']), message: `job ${job.id} grants write-all permissions` }
        : { location: at(doc, ['jobs']), message: `the workflow sets no permissions, so job ${job.id} gets the default token scope` };
    });
  },
});
