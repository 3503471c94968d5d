/** The part of GitLab CI's .gitlab-ci.yml syntax Slipway writes. */
export interface Rule {
  if?: string;
  changes?: { paths: string[] };
  when?: 'never' | 'manual' | 'on_success';
}

export interface Job {
  stage: string;
  image?: string | { name: string; entrypoint: string[] };
  services?: string[];
  variables?: Record<string, string>;
  id_tokens?: Record<string, { aud: string }>;
  rules?: Rule[];
  when?: 'manual';
  allow_failure?: boolean;
  environment?: { name: string; deployment_tier: string };
  resource_group?: string;
  trigger?: { include: { local: string }[]; strategy: 'depend' };
  script?: string[];
  artifacts?: { paths?: string[]; reports?: { dotenv: string }; expire_in?: string };
  timeout?: string;
}

/** Top-level keywords first, then jobs by name. */
export type Pipeline = { stages: string[]; variables?: Record<string, string>; workflow?: { rules: Rule[] } } & Record<string, unknown>;
