import { GENERATED_MARKER, type RenderedFile } from '../renderer.js';
import { TERRAFORM_DIR, profileOf, type TfContext } from './context.js';
import { MANAGED_SERVICES } from './services/index.js';

/** deploy/terraform/README.md: the order of operations for this app's environments. */
export function readmeFile(ctx: TfContext): RenderedFile {
  const env = ctx.envs.includes('dev') ? 'dev' : ctx.envs[0] ?? 'dev';
  const lines = [
    `<!-- ${GENERATED_MARKER} from slipway.yaml -->`,
    `# ${ctx.app} on AWS`,
    '',
    `Environments: ${ctx.envs.map((e) => `${e} (${profileOf(e)})`).join(', ')}. Each is its own state; ideally its own AWS account.`,
    '',
    '```sh',
    `cd ${TERRAFORM_DIR}`,
    `terraform -chdir=bootstrap init && terraform -chdir=bootstrap apply -var environment=${env}   # once: state bucket + lock table`,
    `terraform init -reconfigure -backend-config=env/${env}.s3.tfbackend`,
    `terraform plan -var-file=env/${env}.tfvars -out=${env}.plan`,
    `terraform apply ${env}.plan`,
    '```',
    '',
    '| backing service | test and prod run it on |',
    '| --- | --- |',
    ...ctx.services.map((s) => `| ${s} | ${MANAGED_SERVICES[s].offering} |`),
    ...(ctx.services.length ? [] : ['| (none) | |']),
    '',
    'Connection URLs land in Secrets Manager as `<app>/<env>/<service>` (`terraform output connection_secrets`);',
    'the Kubernetes overlays read them through the `<app>-<service>` Secrets (see deploy/k8s/README.md).',
    '`terraform validate` needs the AWS provider downloaded; Slipway checks syntax, formatting and references offline (docs/terraform.md).',
  ];
  return { path: `${TERRAFORM_DIR}/README.md`, content: `${lines.join('\n')}\n` };
}
