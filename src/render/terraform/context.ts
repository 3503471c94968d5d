import type { ServiceType } from '../../spec/component.js';
import type { Workload } from '../k8s/workloads.js';

/** What every Terraform file builder reads: the app, its workloads and the services they share. */
export interface TfContext {
  app: string;
  envs: string[];
  workloads: Workload[];
  /** Backing services used by any component, each created once per environment. */
  services: ServiceType[];
  /** Components reachable from the internet: CloudFront + WAF in front. */
  publicWorkloads: Workload[];
  /** Create External Secrets Operator (with IAM) in the cluster add-ons. */
  externalSecrets: boolean;
}

/** Where the terraform renderer writes, relative to the repository root. */
export const TERRAFORM_DIR = 'deploy/terraform';

/** Cost profile per environment: prod gets 3 AZs and on-demand nodes, the rest the non-prod profile. */
export const profileOf = (env: string): 'prod' | 'non-prod' => (env === 'prod' ? 'prod' : 'non-prod');

/** Terraform identifiers: letters, digits, underscores. */
export const tfName = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');
