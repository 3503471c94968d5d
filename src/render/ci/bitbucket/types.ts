/** The part of bitbucket-pipelines.yml Slipway writes. */
export interface Step {
  name: string;
  image?: string;
  'max-time'?: number;
  trigger?: 'manual';
  deployment?: string;
  oidc?: boolean;
  services?: string[];
  condition?: { changesets: { includePaths: string[] } };
  script: string[];
  artifacts?: string[];
}

export type Item = { step: Step };

export interface BitbucketPipelines {
  image: string;
  options: { 'max-time': number };
  definitions: { services: { docker: { memory: number } } };
  pipelines: {
    'pull-requests': Record<string, Item[]>;
    branches: Record<string, Item[]>;
    custom: Record<string, Item[]>;
  };
}
