import type { Evidence } from '../spec/evidence.js';
import type { FactSheet } from './facts.js';
import type { RepoView } from './repo.js';

export const PROVIDER_IDS = ['php', 'ruby', 'python', 'jvm', 'dotnet', 'go', 'rust', 'node', 'static'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface AnalyzeContext {
  repo: RepoView;
  /** Every directory in which some provider detected a component (".", "api", "apps/web" …). */
  componentDirs: readonly string[];
}

/**
 * One ecosystem. `detect` is cheap (file presence, a manifest field); `analyze` parses the
 * manifests once and adds candidates to the fact sheet. Both are pure reads through the
 * RepoView: nothing from the repository is ever executed.
 */
export interface Provider {
  id: ProviderId;
  /** Globs (relative to a component directory) of the manifests this provider owns. */
  manifests: readonly string[];
  /** Providers whose detection this one overrides in the same directory (PHP over Node for Laravel). */
  supersedes?: readonly ProviderId[];
  /** Empty = not mine; otherwise why it is. */
  detect(repo: RepoView, dir: string): Evidence[];
  analyze(repo: RepoView, dir: string, facts: FactSheet, ctx: AnalyzeContext): void;
  /** What to write in slipway.yaml when no start command could be found. */
  startHelp: string;
}

/**
 * A cross-cutting source of evidence (README, .env.example, Procfile, compose files,
 * Dockerfiles, source code): runs on every component after its provider.
 */
export interface EvidenceCollector {
  id: string;
  collect(repo: RepoView, facts: FactSheet, ctx: AnalyzeContext): void;
}
