import type { Rule } from './types.js';

/** Kubernetes, kustomize and the AWS CLI in one image (render, deploy, cluster policies). */
export const DEPLOY_TOOLS_IMAGE = { name: 'alpine/k8s:1.33.4', entrypoint: [''] };
export const TERRAFORM_IMAGE = { name: 'hashicorp/terraform:1.11.4', entrypoint: [''] };
export const NODE_IMAGE = 'node:22';
export const DOCKER_IMAGE = 'docker:27';

/** The OIDC token GitLab signs for the job, exchanged for $AWS_ROLE_ARN by the AWS CLI. */
export const AWS_ID_TOKEN = { AWS_ID_TOKEN: { aud: 'sts.amazonaws.com' } };

export const onBranch = (branch: string): Rule[] => [{ if: `$CI_COMMIT_BRANCH == "${branch}"` }];

export const tier = (env: string) => (env === 'prod' ? 'production' : env === 'dev' ? 'development' : env === 'test' ? 'testing' : 'staging');

export const childPath = (name: string) => `.gitlab/ci/${name}.gitlab-ci.yml`;
