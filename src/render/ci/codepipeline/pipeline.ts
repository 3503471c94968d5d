import { call, nested, raw, resource, type Block, type Body, type Expr, type Nested } from '../../terraform/hcl/model.js';
import { tfName } from '../../terraform/context.js';

/** CodeBuild's own image: Docker (privileged mode) and the AWS CLI, for image builds. */
export const CODEBUILD_IMAGE = 'aws/codebuild/standard:7.0';

export interface Project {
  /** Terraform resource name. */
  id: string;
  name: string;
  buildspec: string;
  image: string;
  privileged?: boolean;
  variables?: Record<string, Expr>;
}

export function projectBlock(p: Project): Block {
  return resource('aws_codebuild_project', p.id, {
    name: p.name,
    service_role: raw('aws_iam_role.codebuild.arn'),
    encryption_key: raw('aws_kms_key.ci.arn'),
    build_timeout: 60,
    artifacts: nested({ type: 'CODEPIPELINE' }),
    environment: nested({
      type: 'LINUX_CONTAINER',
      compute_type: p.privileged ? 'BUILD_GENERAL1_MEDIUM' : 'BUILD_GENERAL1_SMALL',
      image: p.image,
      // Public images (Docker Hub) and CodeBuild's own pull with CodeBuild's credentials.
      image_pull_credentials_type: 'CODEBUILD',
      privileged_mode: Boolean(p.privileged),
      environment_variable: Object.keys(p.variables ?? {}).length ? Object.entries(p.variables ?? {}).map(([name, value]) => nested({ name, value })) : undefined,
    }),
    source: nested({ type: 'CODEPIPELINE', buildspec: p.buildspec }),
    logs_config: nested({ cloudwatch_logs: nested({ group_name: raw('aws_cloudwatch_log_group.builds.name'), stream_name: p.name }) }),
  });
}

export interface Action {
  stage: string;
  /** A CodeBuild project, or a manual approval. */
  project?: Project;
  inputs?: string[];
  output?: string;
}

/** The commit reaches each build as IMAGE_TAG (the Source action's namespace). */
function stageOf(a: Action): Nested {
  if (!a.project) {
    return nested({ name: a.stage, action: nested({ name: a.stage, category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' }) });
  }
  const inputs = a.inputs ?? ['source'];
  const configuration: Record<string, Expr> = {
    ProjectName: raw(`aws_codebuild_project.${a.project.id}.name`),
    ...(inputs.length > 1 ? { PrimarySource: 'source' } : {}),
    EnvironmentVariables: call('jsonencode', [[{ name: 'IMAGE_TAG', value: '#{SourceVariables.CommitId}', type: 'PLAINTEXT' }]]),
  };
  return nested({
    name: a.stage,
    action: nested({
      name: a.stage, category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1',
      input_artifacts: inputs,
      ...(a.output ? { output_artifacts: [a.output] } : {}),
      configuration,
    }),
  });
}

/**
 * A V2 pipeline: its trigger names the branch and the file paths that start it (the
 * monorepo filter); `pullRequests` makes it the pull-request variant.
 */
export function pipelineBlock(id: string, name: string, paths: { include: string[]; exclude: string[] }, actions: Action[], pullRequests: boolean): Block {
  const filter: Body = {
    branches: nested({ includes: [raw('var.branch')] }),
    file_paths: nested({ includes: paths.include, ...(paths.exclude.length ? { excludes: paths.exclude } : {}) }),
  };
  const event = pullRequests ? { pull_request: nested({ events: ['OPEN', 'UPDATED'], ...filter }) } : { push: nested(filter) };
  const stages: Nested[] = [
    nested({
      name: 'Source',
      action: nested({
        name: 'Source', category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1', namespace: 'SourceVariables', output_artifacts: ['source'],
        configuration: { ConnectionArn: raw('var.connection_arn'), FullRepositoryId: raw('var.repository'), BranchName: raw('var.branch'), OutputArtifactFormat: 'CODE_ZIP' },
      }),
    }),
    ...actions.map(stageOf),
  ];
  return resource('aws_codepipeline', tfName(id), {
    name,
    pipeline_type: 'V2',
    execution_mode: 'QUEUED',
    role_arn: raw('aws_iam_role.codepipeline.arn'),
    artifact_store: nested({ location: raw('aws_s3_bucket.artifacts.bucket'), type: 'S3', encryption_key: nested({ id: raw('aws_kms_key.ci.arn'), type: 'KMS' }) }),
    trigger: nested({ provider_type: 'CodeStarSourceConnection', git_configuration: nested({ source_action_name: 'Source', ...event }) }),
    stage: stages,
  });
}
