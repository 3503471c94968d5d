import { defineRule, each } from '../../rule.js';
import { at, pointsAt, resources } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-026',
    slug: 'vpc-flow-logs',
    target: 'terraform',
    pillar: 'security',
    severity: 'medium',
    title: 'VPC without flow logs',
    rationale: 'Flow logs are the record of who talked to what in the network; without them an incident cannot be traced and unusual traffic goes unseen.',
    fixHint: 'Add an `aws_flow_log` with `vpc_id = aws_vpc.<name>.id` to CloudWatch Logs or S3.',
    wellArchitected: ['SEC04-BP01', 'SEC05-BP02'],
    equivalents: { checkov: ['CKV2_AWS_11'], trivy: ['AVD-AWS-0178'] },
  },
  check(mod) {
    const logs = resources(mod, 'aws_flow_log');
    return each(resources(mod, 'aws_vpc'), (vpc) => (logs.some((l) => pointsAt(l, 'vpc_id', vpc)) ? null : at(vpc, [], `aws_vpc.${vpc.name} has no flow log`)));
  },
});
