import type { AppSpec } from '../spec/app-spec.js';

/** What is deployed: a release bundle (process mode) or an image (container / Kubernetes). */
export type Artifact =
  | { kind: 'bundle'; /** directory holding the built component(s), copied into the release dir */ dir: string; digest: string }
  | { kind: 'image'; /** per component name: image reference, by digest when known */ images: Record<string, string>; digest: string };

export interface DeployRequest {
  spec: AppSpec;
  /** Project (repository) directory; the local target keeps its state under <dir>/.slipway. */
  projectDir: string;
  env: string;
  artifact: Artifact;
  /** Pipeline run that produced it, for the record. */
  runId?: string;
  /** Config per environment (config/<env>.env values plus resolved secrets), never logged unmasked. */
  config: Record<string, string>;
  log: (line: string) => void;
  signal?: AbortSignal;
}

export interface DeployOutcome {
  ok: boolean;
  releaseId: string;
  /** Public URL of the environment after the deploy. */
  url?: string;
  /** Set when the new release failed and the previous one was restored. */
  rolledBack?: { reason: string; to: string | null; ms: number };
  durationMs: number;
}

export interface ReleaseInfo {
  id: string;
  createdAt: string;
  digest: string;
  state: 'live' | 'warm' | 'retired' | 'failed';
}

/**
 * A place releases go: this machine (`local`) or a cluster (`kubernetes`). Implementations
 * live in src/deploy/targets/<id>/; every one passes the shared contract suite.
 */
export interface DeployTarget {
  id: 'local' | 'kubernetes';
  deploy(req: DeployRequest): Promise<DeployOutcome>;
  rollback(req: { spec: AppSpec; projectDir: string; env: string; to?: string; log: (line: string) => void }): Promise<DeployOutcome>;
  releases(req: { spec: AppSpec; projectDir: string; env: string }): Promise<ReleaseInfo[]>;
}
