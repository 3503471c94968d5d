/**
 * The review's vocabulary: pillars, severities, targets, locations and findings. Plain data,
 * shared by the rules, the engine, the reporters and the programmatic API.
 */
export const PILLARS = [
  'security',
  'reliability',
  'performance',
  'cost',
  'operational-excellence',
  'sustainability',
] as const;
export type Pillar = (typeof PILLARS)[number];

export const PILLAR_TITLES: Record<Pillar, string> = {
  security: 'Security',
  reliability: 'Reliability',
  performance: 'Performance efficiency',
  cost: 'Cost optimization',
  'operational-excellence': 'Operational excellence',
  sustainability: 'Sustainability',
};

/** Ordered from least to most severe: comparisons use the index. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** What kind of file a rule reads. */
export const TARGETS = ['dockerfile', 'compose', 'k8s', 'terraform', 'ci', 'config', 'spec'] as const;
export type Target = (typeof TARGETS)[number];

/** 1-based line and column, as editors and SARIF count them. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

/** Ids of the equivalent check in other tools, for teams migrating from them. */
export interface Equivalents {
  checkov?: string[];
  trivy?: string[];
  kubeScore?: string[];
  polaris?: string[];
  hadolint?: string[];
  kubeLinter?: string[];
}

export interface RuleMeta {
  /** SLW-<TARGET>-NNN, stable forever. */
  id: string;
  /** kebab-case name; the rule file is `<id without SLW->-<slug>.ts`. */
  slug: string;
  /** `review` for the review's own findings (parse errors, suppressions). */
  target: Target | 'review';
  pillar: Pillar;
  severity: Severity;
  title: string;
  /** Why it matters, in a sentence or three (shown in docs, SARIF help, Markdown). */
  rationale: string;
  /** What to change. */
  fixHint: string;
  /** AWS Well-Architected best practices the rule serves, e.g. SEC08-BP02. */
  wellArchitected: string[];
  equivalents: Equivalents;
}

export interface Suppression {
  by: 'inline' | 'annotation' | 'file';
  reason: string;
  /** Where the suppression is written. */
  at: Location;
  expires?: string;
}

export interface Finding {
  ruleId: string;
  pillar: Pillar;
  severity: Severity;
  title: string;
  message: string;
  location: Location;
  fixHint: string;
  /** `slipway review --fix` can rewrite this one. */
  fixable: boolean;
  /** Set when a suppression covers the finding; suppressed findings never fail a gate. */
  suppressed?: Suppression;
}
