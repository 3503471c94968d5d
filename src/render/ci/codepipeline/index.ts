import { printFile } from '../../terraform/hcl/print.js';
import { GENERATED_MARKER, type RenderedFile } from '../../renderer.js';
import type { CiExporter } from '../exporter.js';
import { yamlFile } from '../yaml-file.js';
import { buildspecPath, CI_DIR, componentBuildspecs, infraBuildspecs } from './buildspec.js';
import { componentBlocks, componentProjects } from './component.js';
import { infraBlocks, infraProjects, infraUnit } from './infra.js';
import { sharedBlocks } from './shared.js';

/**
 * AWS CodePipeline (V2) and CodeBuild, as Terraform in ci/codepipeline/ plus a buildspec
 * per CodeBuild project: a pipeline per component and per environment's infrastructure,
 * each with a pull-request twin that builds, tests and plans only.
 */
export const codepipelineExporter: CiExporter = {
  target: 'codepipeline',
  title: 'AWS CodePipeline and CodeBuild',
  export(plan) {
    const components = plan.components.map((p) => ({ p, projects: componentProjects(p) }));
    const infrastructure = plan.infrastructure.map((p) => ({ p, projects: infraProjects(plan, p) }));
    const projectNames = [...components, ...infrastructure].flatMap(({ projects }) => Object.values(projects).map((x) => x.name));
    const tf = (name: string, about: string, blocks: ReturnType<typeof sharedBlocks>): RenderedFile => ({
      path: `${CI_DIR}/${name}`,
      content: printFile({ path: `${CI_DIR}/${name}`, header: [`${GENERATED_MARKER} from slipway.yaml: ${about}`], blocks }),
    });
    const files: RenderedFile[] = [
      tf('main.tf', 'provider, inputs, artifact bucket, logs and service roles (docs/ci.md)', sharedBlocks(plan, projectNames, plan.components.map((p) => p.image.name))),
      ...components.map(({ p, projects }) => tf(`${p.name}.tf`, `${p.name}: CodeBuild projects and pipelines`, componentBlocks(p, projects))),
      ...infrastructure.map(({ p, projects }) => tf(`${infraUnit(p)}.tf`, `${p.env} infrastructure: CodeBuild projects and pipelines`, infraBlocks(plan, p, projects))),
    ];
    for (const p of plan.components) {
      for (const [stage, spec] of Object.entries(componentBuildspecs(p))) files.push(yamlFile(buildspecPath(p.name, stage), `${p.name}, stage ${stage}`, spec));
    }
    for (const p of plan.infrastructure) {
      for (const [stage, spec] of Object.entries(infraBuildspecs(p))) files.push(yamlFile(buildspecPath(infraUnit(p), stage), `${p.env} infrastructure, stage ${stage}`, spec));
    }
    return files;
  },
  componentFile: (_plan, p) => `${CI_DIR}/${p.name}.tf`,
  infraFile: (_plan, p) => `${CI_DIR}/${infraUnit(p)}.tf`,
  approvalHow: (env) => `a user allowed codepipeline:PutApprovalResult approves the \`Approve-${env}\` stage (console, or \`aws codepipeline put-approval-result\`)`,
};
