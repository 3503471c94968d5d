import { namespaceName, secretName, serviceSecretName } from '../../k8s/names.js';
import { secretsFile } from '../../env/index.js';
import type { RunbookContext } from '../context.js';
import { bullets, code, para, section, sub } from '../markdown.js';

export function secretsSection(ctx: RunbookContext): string[] {
  const prod = ctx.envs.at(-1)!;
  const ns = namespaceName(ctx.app, prod);
  const withSecrets = ctx.workloads.filter((w) => w.secrets.length);
  const services = [...new Set(ctx.workloads.flatMap((w) => w.services))];
  const body: string[] = [];
  if (withSecrets.length) {
    body.push(...sub('Application secrets', [
      ...para('A Secret is replaced whole: give every key, the new value and the unchanged ones. Then restart the component so its pods read the new values.'),
      ...code(withSecrets.flatMap((w) => [
        `kubectl -n ${ns} create secret generic ${secretName(w)} ${w.secrets.map((v) => `--from-literal=${v.name}=<value>`).join(' ')} --dry-run=client -o yaml | kubectl apply -f -`,
        `kubectl -n ${ns} rollout restart deployment/${w.name}`,
      ])),
      ...para(`On this machine the values live in \`${secretsFile('<env>')}\` (never committed); edit it, then \`slipway deploy . --env <env>\`.`),
    ]));
  }
  if (services.length) {
    body.push(...sub('Backing service passwords', [
      ...para('Terraform generates them and stores each connection in Secrets Manager. To rotate one, replace the password and apply, then restart the components:'),
      ...code([
        ...services.map((t) => `terraform -chdir=deploy/terraform apply -var-file=env/${prod}.tfvars -replace=random_password.${t}`),
        '# External Secrets refreshes these by itself; without it, copy the new url over:',
        ...services.map((t) => `kubectl -n ${ns} create secret generic ${serviceSecretName(ctx.app, t)} --from-literal=url="$(aws secretsmanager get-secret-value --secret-id ${ctx.app}/${prod}/${t} --query SecretString --output text | jq -r .url)" --dry-run=client -o yaml | kubectl apply -f -`),
        ...ctx.workloads.filter((w) => w.services.length && w.kind !== 'job').map((w) => `kubectl -n ${ns} rollout restart deployment/${w.name}`),
      ]),
    ]));
  }
  body.push(...bullets([
    'CI holds no AWS keys to rotate: pipelines exchange a short-lived OIDC token (or their CodeBuild/agent role) for the environment\'s role. Rotating means editing the role\'s trust policy.',
    'A secret that leaked: rotate it first, then look for its use in CloudTrail and the application logs.',
  ]));
  return section('Rotate a secret', withSecrets.length || services.length ? body : [...para('No component declares a secret (`env[].secret: true` in slipway.yaml).'), ...body]);
}
