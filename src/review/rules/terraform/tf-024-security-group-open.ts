import { blocks } from '../../parse/terraform-module.js';
import { defineRule, each } from '../../rule.js';
import { asList, at, resources, value } from './shared.js';

const WORLD = ['0.0.0.0/0', '::/0'];
const WEB = new Set([80, 443]);

export default defineRule({
  meta: {
    id: 'SLW-TF-024',
    slug: 'security-group-open',
    target: 'terraform',
    pillar: 'security',
    severity: 'high',
    title: 'Security group open to the internet',
    rationale: 'Ingress from 0.0.0.0/0 on SSH, RDP, databases or all ports exposes the service to constant scanning and brute force; only web ports on load balancers should face the internet.',
    fixHint: 'Restrict `cidr_blocks` to known ranges or reference the load balancer\'s security group; use SSM Session Manager instead of SSH.',
    wellArchitected: ['SEC05-BP02'],
    equivalents: { checkov: ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_260'], trivy: ['AVD-AWS-0107'] },
  },
  check(mod) {
    const rules: { owner: (typeof mod.resources)[number]; body: Record<string, unknown>; path: string[] }[] = [];
    for (const sg of resources(mod, 'aws_security_group')) blocks(sg.body, 'ingress').forEach((b, i) => rules.push({ owner: sg, body: b, path: ['ingress', String(i)] }));
    for (const r of resources(mod, 'aws_security_group_rule')) if (value(mod, r, 'type') === 'ingress') rules.push({ owner: r, body: r.body, path: [] });
    for (const r of resources(mod, 'aws_vpc_security_group_ingress_rule')) rules.push({ owner: r, body: r.body, path: [] });
    return each(rules, ({ owner, body, path }) => {
      const cidrs = [...asList(value(mod, body, 'cidr_blocks')), ...asList(value(mod, body, 'ipv6_cidr_blocks')), ...asList(value(mod, body, 'cidr_ipv4')), ...asList(value(mod, body, 'cidr_ipv6'))];
      if (!cidrs.some((c) => WORLD.includes(String(c)))) return null;
      const from = Number(value(mod, body, 'from_port') ?? 0);
      const to = Number(value(mod, body, 'to_port') ?? from);
      const protocol = String(value(mod, body, 'protocol') ?? value(mod, body, 'ip_protocol') ?? 'tcp');
      const all = protocol === '-1' || protocol === 'all' || (from === 0 && to >= 65535);
      if (!all && from === to && WEB.has(from)) return null;
      const what = all ? 'all ports' : from === to ? `port ${from}` : `ports ${from}-${to}`;
      return at(owner, [...path, 'cidr_blocks'], `${owner.type}.${owner.name} allows ${what} from the internet`);
    });
  },
});
