import type { Note } from '../../analyze/notes.js';
import type { AppSpec } from '../../spec/app-spec.js';
import { environmentNames } from '../../spec/environments.js';
import { planWorkloads } from '../k8s/workloads.js';
import type { RenderOptions, RenderResult, RenderedFile, Renderer } from '../renderer.js';
import { GENERATED_MARKER } from '../renderer.js';
import { TERRAFORM_DIR, type TfContext } from './context.js';
import { alarmBlocks } from './files/alarms.js';
import { backupBlocks } from './files/backup.js';
import { bootstrapBlocks, lockTableName, stateBucketName } from './files/bootstrap.js';
import { edgeBlocks } from './files/edge.js';
import { addonsBlocks, eksBlocks } from './files/eks.js';
import { encryptionBlocks } from './files/encryption.js';
import { localsBlocks } from './files/locals.js';
import { networkBlocks } from './files/network.js';
import { outputBlocks } from './files/outputs.js';
import { providerBlocks, versionsBlocks } from './files/providers.js';
import { registryBlocks } from './files/registry.js';
import { scheduleBlocks } from './files/schedule.js';
import { hasBackupPlan } from './files/stateful.js';
import { tfvarsBody, variableBlocks, variableDefs } from './files/variables.js';
import { workloadIamBlocks } from './files/workload-iam.js';
import { readmeFile } from './readme.js';
import type { Block, HclFile } from './hcl/model.js';
import { printFile } from './hcl/print.js';
import { MANAGED_SERVICES } from './services/index.js';

export { TERRAFORM_DIR } from './context.js';

/** What the Terraform is generated from (the runbook describes the same). */
export function terraformContext(spec: AppSpec, opts: RenderOptions): { ctx: TfContext; notes: Note[] } {
  const planned = planWorkloads(spec, 'terraform');
  const only = opts.components;
  const workloads = only?.length ? planned.workloads.filter((w) => only.includes(w.name)) : planned.workloads;
  const ctx: TfContext = {
    app: spec.name,
    envs: environmentNames(spec),
    workloads,
    services: [...new Set(workloads.flatMap((w) => w.services))],
    publicWorkloads: workloads.filter((w) => w.public),
    externalSecrets: opts['externalSecrets'] === true,
  };
  return { ctx, notes: [...planned.notes] };
}

/**
 * App Spec → Terraform for AWS in `deploy/terraform`: one root configuration whose
 * `profile` variable switches between prod and non-prod, a tfvars and a backend file per
 * environment, and bootstrap/ for the state bucket. See docs/terraform.md.
 */
export const terraformRenderer: Renderer = {
  id: 'terraform',
  description: 'Terraform for AWS: VPC, EKS, ECR, managed services, CloudFront + WAF, backups, alarms',
  render(spec: AppSpec, opts: RenderOptions): RenderResult {
    const { ctx, notes } = terraformContext(spec, opts);
    const { workloads } = ctx;
    const defs = variableDefs(ctx);
    const tf = (name: string, about: string, blocks: Block[]): HclFile => ({ path: `${TERRAFORM_DIR}/${name}`, header: [`${GENERATED_MARKER} from slipway.yaml: ${about}`], blocks });
    const files: HclFile[] = [
      tf('versions.tf', 'Terraform, providers and the S3 backend', versionsBlocks()),
      tf('providers.tf', 'AWS (with cost-allocation default tags), Kubernetes and Helm', providerBlocks()),
      tf('variables.tf', 'inputs; env/<env>.tfvars sets them per environment', variableBlocks(defs)),
      tf('locals.tf', 'names, the prod/non-prod switch, components', localsBlocks(ctx)),
      tf('kms.tf', 'encryption key for data at rest', encryptionBlocks()),
      tf('network.tf', 'VPC, subnets across AZs, NAT', networkBlocks()),
      tf('eks.tf', 'EKS cluster and managed node group', eksBlocks()),
      tf('addons.tf', 'cluster add-ons', addonsBlocks(ctx)),
      tf('ecr.tf', 'image repositories', registryBlocks()),
      tf('alarms.tf', 'CloudWatch alarms and SNS', alarmBlocks(ctx)),
      tf('schedule.tf', 'non-prod business hours', scheduleBlocks()),
    ];
    for (const type of ctx.services) {
      const svc = MANAGED_SERVICES[type];
      const declared = workloads.flatMap((w) => w.component.services).find((s) => s.type === type);
      files.push(tf(svc.file, `${type} → ${svc.offering}`, svc.build(declared, spec.name, notes)));
    }
    const iam = workloadIamBlocks(ctx);
    if (iam.length) files.push(tf('workload-iam.tf', 'AWS access for components through EKS Pod Identity', iam));
    if (hasBackupPlan(ctx)) files.push(tf('backup.tf', 'AWS Backup plan', backupBlocks()));
    if (ctx.publicWorkloads.length) files.push(tf('edge.tf', 'CloudFront and WAF in front of public components', edgeBlocks()));
    files.push(tf('outputs.tf', 'values the pipeline reads', outputBlocks(ctx)));
    ctx.envs.forEach((env, i) => {
      const header = [`${GENERATED_MARKER} from slipway.yaml: ${env}`];
      files.push({ path: `${TERRAFORM_DIR}/env/${env}.tfvars`, header, blocks: [], attributes: tfvarsBody(defs, env, i) });
      files.push({
        path: `${TERRAFORM_DIR}/env/${env}.s3.tfbackend`,
        header: [...header, 'terraform init -reconfigure -backend-config=env/' + env + '.s3.tfbackend'],
        blocks: [],
        attributes: { bucket: stateBucketName(spec.name, env), key: `${spec.name}/${env}/terraform.tfstate`, region: 'us-east-1', dynamodb_table: lockTableName(spec.name, env), encrypt: true },
      });
    });
    files.push({ path: `${TERRAFORM_DIR}/bootstrap/main.tf`, header: [`${GENERATED_MARKER} from slipway.yaml: remote state, applied once per environment`], blocks: bootstrapBlocks(spec.name) });
    const rendered: RenderedFile[] = files.map((f) => ({ path: f.path, content: printFile(f) }));
    rendered.push(readmeFile(ctx));
    if (ctx.publicWorkloads.length) notes.push({ level: 'info', message: 'CloudFront uses its default certificate until certificate_arn is set', hint: `set domain_name, origin_domain_name and certificate_arn in ${TERRAFORM_DIR}/env/<env>.tfvars` });
    return { files: rendered, notes };
  },
};
