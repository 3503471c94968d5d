import { GENERATED_MARKER, type RenderedFile } from '../../renderer.js';
import type { CiExporter } from '../exporter.js';
import { componentJenkinsfile, componentPipeline } from './component.js';
import { printGroovy, type Node } from './groovy.js';
import { infraJenkinsfile, infraPipeline } from './infra.js';

const file = (path: string, about: string, pipeline: Node): RenderedFile => ({
  path,
  content: [`// ${GENERATED_MARKER} from slipway.yaml: ${about}`, ...printGroovy([pipeline]), ''].join('\n'),
});

/** Jenkins: a declarative Jenkinsfile per component and per environment's infrastructure. */
export const jenkinsExporter: CiExporter = {
  target: 'jenkins',
  title: 'Jenkins',
  export(plan) {
    return [
      ...plan.components.map((p) => file(componentJenkinsfile(p), `${p.name} pipeline; Jenkins job script path (docs/ci.md)`, componentPipeline(plan, p))),
      ...plan.infrastructure.map((p) => file(infraJenkinsfile(p), `${p.env} infrastructure (docs/ci.md)`, infraPipeline(plan, p))),
    ];
  },
  componentFile: (_plan, p) => componentJenkinsfile(p),
  infraFile: (_plan, p) => infraJenkinsfile(p),
  approvalHow: (env) => `a permitted user answers the \`Approve ${env}\` input of the build (Jenkins records who in APPROVED_BY)`,
};
