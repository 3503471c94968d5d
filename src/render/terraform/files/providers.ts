import { block, nested, raw, type Block } from '../hcl/model.js';

/** Provider versions Slipway's HCL is written against (the lock file pins exact builds on `terraform init`). */
export const PROVIDER_VERSIONS = { aws: '~> 5.80', helm: '~> 2.16', kubernetes: '~> 2.33', random: '~> 3.6' } as const;

export function versionsBlocks(): Block[] {
  return [
    block('terraform', [], {
      required_version: '>= 1.6.0',
      required_providers: nested({
        aws: { source: 'hashicorp/aws', version: PROVIDER_VERSIONS.aws },
        helm: { source: 'hashicorp/helm', version: PROVIDER_VERSIONS.helm },
        kubernetes: { source: 'hashicorp/kubernetes', version: PROVIDER_VERSIONS.kubernetes },
        random: { source: 'hashicorp/random', version: PROVIDER_VERSIONS.random },
      }),
      // Partial configuration: `terraform init -backend-config=env/<env>.s3.tfbackend`.
      backend: nested({}, ['s3']),
    }, 'State lives in the S3 bucket and DynamoDB lock table made by bootstrap/.'),
  ];
}

const clusterAuth = {
  host: raw('module.eks.cluster_endpoint'),
  cluster_ca_certificate: raw('base64decode(module.eks.cluster_certificate_authority_data)'),
};
const eksToken = nested({
  api_version: 'client.authentication.k8s.io/v1beta1',
  command: 'aws',
  args: raw('["eks", "get-token", "--cluster-name", module.eks.cluster_name, "--region", var.region]'),
});

export function providerBlocks(): Block[] {
  const tags = nested({ tags: raw('local.tags') });
  return [
    block('provider', ['aws'], { region: raw('var.region'), default_tags: tags }, 'Every taggable resource carries the cost-allocation tags (locals.tf).'),
    block('provider', ['aws'], { alias: 'us_east_1', region: 'us-east-1', default_tags: tags }, 'CloudFront certificates, WAF and their alarms live in us-east-1.'),
    block('provider', ['kubernetes'], { ...clusterAuth, exec: eksToken }),
    block('provider', ['helm'], { kubernetes: nested({ ...clusterAuth, exec: eksToken }) }),
  ];
}
