
import { defineRule, each, NOTHING } from '../../rule.js';
import { at, stepsOf } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-CI-001',
    slug: 'pinned-actions',
    target: 'ci',
    pillar: 'security',
    severity: 'medium',
    title: 'Action not pinned to a commit',
    rationale:
      'A tag like `@v4` can be moved by whoever controls the action\'s repository (as in the tj-actions/changed-files compromise); the job then runs their code with your secrets.',
    fixHint: 'Pin `uses:` to a full 40-character commit SHA and keep the version in a comment (`@<sha> # v4.2.2`); Dependabot/Renovate update both.',
    wellArchitected: ['SEC11-BP07', 'SEC06-BP04'],
    equivalents: {},
  },
  check(doc) {
    if (doc.kind !== 'github') return NOTHING;
    const uses = doc.jobs.flatMap((job) => [
      ...(typeof job.body.uses === 'string' ? [{ ref: job.body.uses, path: ['jobs', job.id, 'uses'] as (string | number)[] }] : []),
      ...stepsOf(job).flatMap((s, i) => (typeof s.uses === 'string' ? [{ ref: s.uses, path: ['jobs', job.id, 'steps', i, 'uses'] as (string | number)[] }] : [])),
    ]);
    return each(uses, ({ ref, path }) => {
      if (ref.startsWith('./') || (ref.startsWith('docker://') && ref.includes('@sha256:'))) return null;
      const at_ = ref.lastIndexOf('@');
      const version = at_ < 0 ? '' : ref.slice(at_ + 1);
      if (/^[0-9a-f]{40}$/.test(version)) return null;
      return { location: at(doc, path), message: `${ref} is pinned to ${version ? `the movable ref "${version}"` : 'no version'}` };
    });
  },
});
