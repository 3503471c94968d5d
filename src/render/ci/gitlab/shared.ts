import { stageBanner, webIdentity } from '../model/commands.js';
import { DEPLOY_TOOLS_IMAGE as TOOLS, TERRAFORM_IMAGE as TERRAFORM } from '../model/tool-image.js';
import type { Rule } from './types.js';

export { NODE_IMAGE } from '../model/tool-image.js';
// An empty entrypoint: the runner's shell runs the script, not the image's own command.
export const DEPLOY_TOOLS_IMAGE = { name: TOOLS, entrypoint: [''] };
export const TERRAFORM_IMAGE = { name: TERRAFORM, entrypoint: [''] };
export const DOCKER_IMAGE = 'docker:27';

/** The OIDC token GitLab signs for the job, exchanged for $AWS_ROLE_ARN by the AWS CLI. */
export const AWS_ID_TOKEN = { AWS_ID_TOKEN: { aud: 'sts.amazonaws.com' } };
export const OIDC = webIdentity('AWS_ID_TOKEN');

export const CHECKOUT = `${stageBanner('checkout')} # the runner checked out $CI_COMMIT_SHA`;

export const onBranch = (branch: string): Rule[] => [{ if: `$CI_COMMIT_BRANCH == "${branch}"` }];

/** Where approval is needed, a blocking manual job: only a person allowed to deploy to the protected environment starts it. */
export const gated = (approval: boolean) => (approval ? { when: 'manual' as const, allow_failure: false } : {});

const tier = (env: string) => (env === 'prod' ? 'production' : env === 'dev' ? 'development' : env === 'test' ? 'testing' : 'staging');
export const environment = (env: string) => ({ name: env, deployment_tier: tier(env) });

export const childPath = (name: string) => `.gitlab/ci/${name}.gitlab-ci.yml`;
