import { asObject } from '../../parse/k8s.js';
import { defineRule, each, NOTHING } from '../../rule.js';
import { at, stepsOf } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-CI-005',
    slug: 'pull-request-target',
    target: 'ci',
    pillar: 'security',
    severity: 'critical',
    title: 'pull_request_target checks out the pull request\'s code',
    rationale:
      '`pull_request_target` runs with the base repository\'s secrets and a write token; checking out and building the PR head runs an outsider\'s code with them ("pwn request").',
    fixHint: 'Use `pull_request` for building untrusted code; keep `pull_request_target` for labelling/commenting without checking out the head.',
    wellArchitected: ['SEC11-BP07'],
    equivalents: {},
  },
  check(doc) {
    if (doc.kind !== 'github') return NOTHING;
    const on = asObject(doc.doc.value)?.on ?? asObject(doc.doc.value)?.true;
    const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : Object.keys(asObject(on) ?? {});
    if (!triggers.includes('pull_request_target')) return NOTHING;
    const checkouts = doc.jobs.flatMap((job) =>
      stepsOf(job)
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => typeof s.uses === 'string' && s.uses.startsWith('actions/checkout'))
        .map(({ s, i }) => ({ job: job.id, i, ref: String(asObject(s.with)?.ref ?? '') })),
    );
    return each(checkouts, (c) =>
      /github\.event\.pull_request\.head|github\.head_ref|refs\/pull\//.test(c.ref)
        ? { location: at(doc, ['jobs', c.job, 'steps', c.i, 'with', 'ref']), message: `job ${c.job} checks out the pull request head under pull_request_target` }
        : null,
    );
  },
});
