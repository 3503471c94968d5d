/**
 * Actions the workflows use, pinned to the commit of a release (SLW-CI-001): a tag can be
 * moved by whoever controls the action's repository, a commit cannot. Dependabot or
 * Renovate update SHA and comment together.
 */
const pin = (repo: string, sha: string, version: string) => ({ ref: `${repo}@${sha}`, version });

export const ACTIONS = {
  checkout: pin('actions/checkout', '11bd71901bbe5b1630ceea73d27597364c9af683', 'v4.2.2'),
  awsCredentials: pin('aws-actions/configure-aws-credentials', 'e3dd6a429d7300a6a4c196c26e071d42e0343502', 'v4.0.2'),
  ecrLogin: pin('aws-actions/amazon-ecr-login', '062b18b96a7aff071d4dc91bc00c4c1a7945b076', 'v2.0.1'),
  uploadArtifact: pin('actions/upload-artifact', 'ea165f8d65b6e75b540449e92b4886f43607fa02', 'v4.6.2'),
  downloadArtifact: pin('actions/download-artifact', 'd3f86a106a0bac45b974a628896c90dbdf5c8093', 'v4.3.0'),
  setupTerraform: pin('hashicorp/setup-terraform', 'b9cd54a3c349d3f38e8881555d616ced269862dd', 'v3.1.2'),
} as const;

export const PINNED_VERSIONS: ReadonlyMap<string, string> = new Map(Object.values(ACTIONS).map((a) => [a.ref, a.version]));

/** Hosted runner image: ships kubectl, kustomize, the AWS CLI, Docker and Node.js. */
export const RUNNER = 'ubuntu-24.04';
