import type { TfBlock } from '../../parse/terraform-module.js';
import { tfLocation } from '../../parse/terraform-module.js';
import { defineRule, each } from '../../rule.js';
import { isPlaceholder, isSecretName, knownKeyFormat } from '../secrets.js';
import { isExpression } from './shared.js';

const CREDENTIAL_ATTRS = /^(access_key|secret_key|token|password|master_password|admin_password|secret|api_key|auth_token|private_key|client_secret)$/;

export default defineRule({
  meta: {
    id: 'SLW-TF-032',
    slug: 'hardcoded-credentials',
    target: 'terraform',
    pillar: 'security',
    severity: 'critical',
    title: 'Credential written in Terraform',
    rationale: 'A key or password in a .tf file is in Git history and in the state file forever, readable by everyone with repository access.',
    fixHint: 'Use the AWS credential chain (SSO, roles) for providers; generate passwords (`manage_master_user_password = true`, random_password) or read them from Secrets Manager / SSM.',
    wellArchitected: ['SEC02-BP03', 'SEC02-BP02'],
    equivalents: { checkov: ['CKV_AWS_41', 'CKV_SECRET_2'], trivy: ['aws-access-key-id'] },
  },
  check(mod) {
    const blocks: { b: TfBlock; label: string }[] = [
      ...mod.providers.map((b) => ({ b, label: `provider "${b.type}"` })),
      ...mod.resources.map((b) => ({ b, label: `${b.type}.${b.name}` })),
    ];
    const varBlocks = mod.files.flatMap((f) =>
      f.root.blocks.filter((x) => x.type === 'variable').map((pos) => ({ b: { kind: 'variable', type: pos.labels[0] ?? '', name: pos.labels[0] ?? '', body: { default: mod.variables.get(pos.labels[0] ?? '') }, file: f, pos } as TfBlock, label: `variable "${pos.labels[0]}"` })),
    );
    return each([...blocks, ...varBlocks], ({ b, label }) => {
      for (const [k, v] of Object.entries(b.body)) {
        if (typeof v !== 'string' || isExpression(v)) continue;
        const format = knownKeyFormat(v);
        const named = b.kind === 'variable' ? isSecretName(b.name) : CREDENTIAL_ATTRS.test(k) || isSecretName(k);
        if (format || (named && !isPlaceholder(v))) {
          return { location: tfLocation(b, [k]), message: `${label} sets ${k} to a literal ${format ? format.name : 'credential'}` };
        }
      }
      return null;
    });
  },
});
