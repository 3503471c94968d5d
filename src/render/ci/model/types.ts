/**
 * The CI pipeline model every exporter serialises: what runs, in which order, where.
 * Built once from the App Spec (plan.ts); exporters only decide the CI's structure
 * (jobs, stages, steps), so GitHub, GitLab, Jenkins, Bitbucket and CodePipeline run
 * the same commands in the same order.
 */

/** Stages of a component pipeline, in order; deploy/approval stages follow per environment. */
export const BUILD_STAGES = ['checkout', 'install', 'build', 'test', 'quality-gate', 'image', 'render'] as const;
export type BuildStage = (typeof BUILD_STAGES)[number];
/** `deploy-<env>` or `approve-<env>`. */
export type StageId = BuildStage | `deploy-${string}` | `approve-${string}`;

/** Stages of an infrastructure pipeline (one per environment). */
export const INFRA_STAGES = ['checkout', 'quality-gate', 'validate', 'plan', 'apply', 'cluster-policies'] as const;
export type InfraStageId = (typeof INFRA_STAGES)[number] | `approve-${string}`;

export interface DeployEnvironment {
  name: string;
  /** Kubernetes namespace (k8s renderer: <app>-<env>). */
  namespace: string;
  /** EKS cluster (Terraform: <app>-<env>). */
  cluster: string;
  /** kustomize overlay directory. */
  overlay: string;
  /** A person approves before this environment is deployed. */
  approval: boolean;
}

export interface ComponentPipeline {
  app: string;
  name: string;
  /** slipway.yaml key prefix, e.g. "components[0]". */
  key: string;
  /** Component directory relative to the repository root ("." for the root). */
  dir: string;
  /** Changes that trigger this pipeline: globs relative to the repository root. */
  watch: { include: string[]; exclude: string[] };
  /** Official image the install/build/test commands run in. */
  toolImage: string;
  install: StageCommand;
  build: StageCommand;
  test: StageCommand;
  image: { name: string; dockerfile: string; context: string };
  /** Deployment (rolled out, rolled back) or Job (replaced, awaited). */
  workload: 'Deployment' | 'Job';
  /** Run once per release after the rollout (migrations). */
  release: string | undefined;
  environments: DeployEnvironment[];
  /** Other components of the app: their objects are left alone when this one deploys. */
  siblings: string[];
}

/** Commands of one stage; `missing` says which slipway.yaml key would fill an empty one. */
export interface StageCommand {
  lines: string[];
  missing?: string;
}

export interface InfraPipeline {
  app: string;
  env: string;
  approval: boolean;
  /** Terraform root directory. */
  dir: string;
  backendConfig: string;
  varFile: string;
  planFile: string;
  cluster: string;
  /** kustomize directory of cluster-wide objects (Kyverno policies). */
  clusterPolicies: string;
  /** Changes that trigger it. */
  watch: string[];
}

export interface CiPlan {
  app: string;
  /** Branch that deploys; pull requests only build, test and plan. */
  branch: string;
  region: string;
  components: ComponentPipeline[];
  infrastructure: InfraPipeline[];
}

/** The stage list a component pipeline must show, in order. */
export function componentStages(p: ComponentPipeline): StageId[] {
  return [...BUILD_STAGES, ...p.environments.flatMap((e): StageId[] => (e.approval ? [`approve-${e.name}`, `deploy-${e.name}`] : [`deploy-${e.name}`]))];
}

/** The stage list an infrastructure pipeline must show, in order. */
export function infraStages(p: InfraPipeline): InfraStageId[] {
  return INFRA_STAGES.flatMap((s): InfraStageId[] => (s === 'apply' && p.approval ? [`approve-${p.env}`, s] : [s]));
}
