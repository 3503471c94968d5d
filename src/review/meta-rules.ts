import type { RuleMeta } from './model.js';

/** Findings about the review itself: unreadable files and suppressions that no longer hold. */
export const PARSE_ERROR: RuleMeta = {
  id: 'parse-error',
  slug: 'parse-error',
  target: 'review',
  pillar: 'operational-excellence',
  severity: 'high',
  title: 'File could not be parsed',
  rationale:
    'A deployment file that does not parse cannot be reviewed, and usually cannot be applied either: the pipeline would fail at deploy time instead of at review time.',
  fixHint: 'Fix the syntax at the reported line; the review of the other files went on without this one.',
  wellArchitected: ['OPS05-BP02'],
  equivalents: {},
};

export const EXPIRED_SUPPRESSION: RuleMeta = {
  id: 'SLW-REVIEW-001',
  slug: 'expired-suppression',
  target: 'review',
  pillar: 'operational-excellence',
  severity: 'medium',
  title: 'Suppression has expired',
  rationale:
    'An accepted risk was accepted until a date. Past it, the finding it hid is reported again, and so is the stale suppression, so the decision gets made anew.',
  fixHint: 'Fix the finding and delete the suppression, or renew it with a new reason and expiry date.',
  wellArchitected: ['OPS01-BP06'],
  equivalents: {},
};

export const UNREASONED_SUPPRESSION: RuleMeta = {
  id: 'SLW-REVIEW-002',
  slug: 'suppression-without-reason',
  target: 'review',
  pillar: 'operational-excellence',
  severity: 'low',
  title: 'Suppression gives no reason',
  rationale: 'A suppression without a reason cannot be reviewed later; Slipway ignores it until it says why.',
  fixHint: 'Write the reason after two dashes: `# slipway:ignore SLW-K8S-012 -- reason`.',
  wellArchitected: ['OPS01-BP06'],
  equivalents: {},
};

export const META_RULES: readonly RuleMeta[] = [PARSE_ERROR, EXPIRED_SUPPRESSION, UNREASONED_SUPPRESSION];
