import { stageCommands } from '../model/commands.js';
import type { StageCommand } from '../model/types.js';
import { ACTIONS, RUNNER } from './actions.js';
import type { Job, Step } from './types.js';

export const checkout = (id?: string): Step => ({
  ...(id ? { id } : {}),
  name: 'Check out',
  uses: ACTIONS.checkout.ref,
  // The job never pushes: no token left in .git/config for later steps to find.
  with: { 'persist-credentials': false },
});

/** OIDC: the job's token is exchanged for the role in `roleVariable`; no AWS keys are stored. */
export const awsCredentials = (roleVariable: string): Step => ({
  name: 'AWS credentials (OIDC)',
  uses: ACTIONS.awsCredentials.ref,
  with: { 'role-to-assume': `\${{ vars.${roleVariable} }}`, 'aws-region': '${{ env.AWS_REGION }}', 'mask-aws-account-id': false },
});

export const run = (name: string, lines: string[], extra: Pick<Step, 'id' | 'env'> = {}): Step => ({
  ...(extra.id ? { id: extra.id } : {}),
  name,
  ...(extra.env ? { env: extra.env } : {}),
  run: lines.join('\n'),
});

export const stageStep = (id: string, name: string, cmd: StageCommand): Step => run(name, stageCommands(cmd), { id });

/** Pushes to the deploy branch and pull requests touching `paths`, or a manual run. */
export const triggers = (branch: string, paths: string[]) => ({ push: { branches: [branch], paths }, pull_request: { paths }, workflow_dispatch: {} });

/** Deploys only from the deploy branch, never for pull requests. */
export const onBranch = (branch: string) => `github.event_name != 'pull_request' && github.ref == 'refs/heads/${branch}'`;

/**
 * A job that waits for the required reviewers of the `<env>-approval` GitHub environment
 * (docs/ci.md) before the job that `needs` it runs.
 */
export const approvalJob = (name: string, needs: string, branch: string, env: string, message: string): Job => ({
  name,
  needs: [needs],
  if: onBranch(branch),
  'runs-on': RUNNER,
  'timeout-minutes': 5,
  permissions: {},
  environment: { name: `${env}-approval` },
  steps: [run('Approved', [`echo "${message}"`])],
});
