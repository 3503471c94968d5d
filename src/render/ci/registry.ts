import { bitbucketExporter } from './bitbucket/index.js';
import { codepipelineExporter } from './codepipeline/index.js';
import type { CiExporter, CiTarget } from './exporter.js';
import { githubExporter } from './github/index.js';
import { gitlabExporter } from './gitlab/index.js';
import { jenkinsExporter } from './jenkins/index.js';

/** Every CI Slipway exports to; a registry test checks each target has one and passes the contract suite. */
export const CI_EXPORTERS: Readonly<Record<CiTarget, CiExporter>> = {
  github: githubExporter,
  gitlab: gitlabExporter,
  jenkins: jenkinsExporter,
  bitbucket: bitbucketExporter,
  codepipeline: codepipelineExporter,
};
