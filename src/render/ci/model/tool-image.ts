import type { Component } from '../../../spec/component.js';
import { pickVersion } from '../../docker/runtime-version.js';

/** Terraform CLI the infrastructure pipelines run (the version Slipway checks fmt with). */
export const TERRAFORM_VERSION = '1.11.4';
export const TERRAFORM_IMAGE = `hashicorp/terraform:${TERRAFORM_VERSION}`;
/** Kubernetes, kustomize and the AWS CLI in one image (render, deploy, cluster policies). */
export const DEPLOY_TOOLS_IMAGE = 'alpine/k8s:1.33.4';
/** Node.js for the review gate (`npx slipway`). */
export const NODE_IMAGE = 'node:22';

/**
 * The official image a component's install, build and test commands run in on CI: the
 * same runtime line the Dockerfile's build stage uses (src/render/docker), so CI tests
 * what ships. Package managers that the runtime image lacks are added by `prelude`.
 */
export function toolImage(c: Component, key: string): { image: string; prelude: string[] } {
  const v = (runtime: Parameters<typeof pickVersion>[0]) => pickVersion(runtime, c.runtimeVersion, `${key}.runtimeVersion`).version;
  switch (c.runtime) {
    case 'node':
      return { image: `node:${v('node')}`, prelude: c.packageManager === 'pnpm' || c.packageManager === 'yarn' ? ['corepack enable'] : [] };
    case 'bun':
      return { image: `oven/bun:${v('bun')}`, prelude: [] };
    case 'deno':
      return { image: `denoland/deno:${v('deno')}`, prelude: [] };
    case 'python': {
      const tool = c.packageManager === 'poetry' || c.packageManager === 'pipenv' || c.packageManager === 'uv' ? c.packageManager : undefined;
      return { image: `python:${v('python')}`, prelude: tool ? [`pip install --no-cache-dir ${tool}`] : [] };
    }
    case 'jvm':
      return c.packageManager === 'gradle'
        ? { image: `gradle:jdk${v('jvm')}`, prelude: [] }
        : { image: `maven:3-eclipse-temurin-${v('jvm')}`, prelude: [] };
    case 'go':
      return { image: `golang:${v('go')}`, prelude: [] };
    case 'ruby':
      return { image: `ruby:${v('ruby')}`, prelude: [] };
    case 'php':
      // The composer image carries PHP and Composer; the php image has no Composer.
      return c.packageManager === 'composer' ? { image: 'composer:2', prelude: [] } : { image: `php:${v('php')}-cli`, prelude: [] };
    case 'dotnet':
      return { image: `mcr.microsoft.com/dotnet/sdk:${v('dotnet')}`, prelude: [] };
    case 'rust':
      return { image: `rust:${v('rust')}`, prelude: [] };
    case 'static':
      // A static site with a build step is built by a JavaScript toolchain.
      return { image: `node:${pickVersion('node', undefined, key).version}`, prelude: c.packageManager === 'pnpm' || c.packageManager === 'yarn' ? ['corepack enable'] : [] };
  }
}
