import type { AppSpec } from '../spec/app-spec.js';

/**
 * The deploy-target contract. The pipeline's deploy step and the `deploy`, `rollback`,
 * `down` and `status` commands call it; implementations live in src/deploy/targets/<id>/
 * (registry: src/deploy/targets/index.ts, `targetFor(spec, env)`), and every one passes the
 * shared contract suite (test/deploy/contract.case.ts). See docs/deploy.md.
 *
 * Errors: a problem the user can fix (port taken, no manifests, agent refused) is thrown as
 * UserError; a release that fails (crash, bad health, failed hook, error rate) is NOT thrown:
 * the outcome has ok=false and `rolledBack`, and the previous release keeps serving.
 */

/** What is deployed: a release bundle (process mode) or an image (container / Kubernetes). */
export type Artifact =
  | {
      kind: 'bundle';
      /** Directory holding the built component(s), laid out like the repository (components[].path
       *  is resolved inside it). Copied into the release directory; the caller may delete it afterwards. */
      dir: string;
      /** Content digest, recorded with the release ("sha256:…"; any stable string). */
      digest: string;
      /** Images of the components that run as containers (components[].deploy.mode: container). */
      images?: Record<string, string>;
    }
  | {
      kind: 'image';
      /** Per component name: image reference, by digest when known. The local target runs these
       *  with podman/docker when the component's deploy.mode is container. */
      images: Record<string, string>;
      digest: string;
    };

/** Tunables of a blue/green deploy; every field has a default (docs/deploy.md). */
export interface DeployOptions {
  /** How long a new release may take to answer its health check (default 30 s). */
  healthTimeoutMs?: number;
  /** After the switch, how long the old release may finish in-flight requests before it stops (default 30 s). */
  drainMs?: number;
  /** How long the old release stays warm after the switch, for instant rollback; the proxy
   *  watches the new release's error rate meanwhile (default 120 s; 0 = no bake). */
  bakeMs?: number;
  /** Roll back when, during the bake window, errors / requests ≥ this (default 0.05) … */
  maxErrorRate?: number;
  /** … and at least this many requests failed (default 5). */
  minErrors?: number;
  /** Resolve only when the bake window has ended (the outcome then reports a bake-time
   *  rollback). Default false: resolve right after the switch; the agent keeps watching. */
  waitForBake?: boolean;
  /** Per hook (default 300 s, like a CodeDeploy hook timeout). */
  hookTimeoutMs?: number;
  /** Kubernetes: deadline for the rollout (default 120 s). */
  rolloutTimeoutMs?: number;
}

export interface DeployRequest {
  spec: AppSpec;
  /** Project (repository) directory; the local target keeps its state under <dir>/.slipway. */
  projectDir: string;
  env: string;
  artifact: Artifact;
  /** Pipeline run that produced it, for the record. */
  runId?: string;
  /** Config per environment (config/<env>.env values plus resolved secrets), never logged unmasked.
   *  src/deploy/config.ts `loadEnvironmentConfig` builds it the same way for every caller. */
  config: Record<string, string>;
  /** Keys of `config` whose values are secret: masked in every log line the target writes or
   *  forwards (hook and app output included). Secret names from the spec are added by the target. */
  secretKeys?: string[];
  /** Receives progress lines, already masked. */
  log: (line: string) => void;
  /** Kubernetes: stops waiting for the rollout. Local: honoured until the agent has the release;
   *  after that the agent finishes the rollout (or rolls it back) on its own, like CodeDeploy. */
  signal?: AbortSignal;
  options?: DeployOptions;
}

export interface DeployOutcome {
  ok: boolean;
  releaseId: string;
  /** Public URL of the environment after the deploy. */
  url?: string;
  /** Set when the new release failed and the previous one was restored (or kept serving:
   *  `to` is the release serving now, null when there was none). */
  rolledBack?: { reason: string; to: string | null; ms: number };
  /** Why the release failed, when ok=false. */
  error?: string;
  durationMs: number;
}

export interface ReleaseInfo {
  id: string;
  createdAt: string;
  digest: string;
  /** live: takes traffic · warm: running, no traffic, instant rollback · retired: on disk (or in
   *  history) only · failed: never took traffic or was rolled back. */
  state: 'live' | 'warm' | 'retired' | 'failed';
  runId?: string;
  /** Why it failed, for state=failed. */
  reason?: string;
}

/** What runs where, for `slipway status` and the dashboard. */
export interface EnvironmentStatus {
  env: string;
  target: 'local' | 'kubernetes';
  /** running: serving (or ready to) · stopped: `slipway down` · absent: never deployed. */
  state: 'running' | 'stopped' | 'absent';
  url?: string;
  live: string | null;
  releases: ReleaseInfo[];
  /** One line per running instance or workload: "web#1 pid 1234 → 127.0.0.1:40123 (up 3m)". */
  instances: { release: string; component: string; where: string; state: string }[];
  /** Notes for the user, e.g. "the agent had died; restarted it from state.json". */
  notes: string[];
}

export interface TargetRequest {
  spec: AppSpec;
  projectDir: string;
  env: string;
}

/**
 * A place releases go: this machine (`local`) or a cluster (`kubernetes`).
 * All methods are safe to call from a short-lived CLI process: the local target hands the
 * work to a per-environment agent that outlives the caller.
 */
export interface DeployTarget {
  id: 'local' | 'kubernetes';
  deploy(req: DeployRequest): Promise<DeployOutcome>;
  /** Back to the previous live release, or to `to`. Instant while that release is warm. */
  rollback(req: TargetRequest & { to?: string; log: (line: string) => void; signal?: AbortSignal; options?: DeployOptions }): Promise<DeployOutcome>;
  releases(req: TargetRequest): Promise<ReleaseInfo[]>;
  status(req: TargetRequest): Promise<EnvironmentStatus>;
  /** Stops serving the environment (local: stops the agent and its processes; releases stay on disk). */
  down(req: TargetRequest & { log: (line: string) => void }): Promise<void>;
}
