/** The part of the GitHub Actions workflow syntax Slipway writes. */
export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Permissions;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  env: Record<string, string>;
  jobs: Record<string, Job>;
}

export type Permissions = Partial<Record<'contents' | 'id-token' | 'actions', 'read' | 'write'>>;

export interface Job {
  name: string;
  needs?: string[];
  if?: string;
  'runs-on': string;
  'timeout-minutes': number;
  permissions: Permissions;
  environment?: { name: string };
  container?: { image: string };
  defaults?: { run: { 'working-directory': string } };
  outputs?: Record<string, string>;
  steps: Step[];
}

export interface Step {
  id?: string;
  name: string;
  uses?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
  run?: string;
}
