/** Something the analyzer wants the user to know; never printed by providers themselves. */
export interface Note {
  level: 'info' | 'warn' | 'error';
  message: string;
  file?: string;
  line?: number;
  /** What to do about it, e.g. "set components[0].port in slipway.yaml". */
  hint?: string;
}

/** Closed list of reasons a value stays undecided (like Renovate's skipReason). */
export const UNRESOLVED_REASONS = ['not-found', 'ambiguous', 'unsupported', 'unparsable-manifest'] as const;
export type UnresolvedReason = (typeof UNRESOLVED_REASONS)[number];

export interface Unresolved {
  component: string;
  /** Dotted field path inside the component, e.g. "commands.start". */
  field: string;
  why: UnresolvedReason;
  /** The exact slipway.yaml key to set and an example value. */
  hint: string;
}
