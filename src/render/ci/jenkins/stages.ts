import { stageCommands } from '../model/commands.js';
import type { StageCommand } from '../model/types.js';
import { block, call, named, raw, type Node } from './groovy.js';

/** A container on the pipeline's agent, sharing its workspace; the image's entrypoint is bypassed. */
export const dockerAgent = (image: string): Node => block('agent', [block('docker', [call('image', [image]), call('args', ['--entrypoint=']), call('reuseNode', [true])])]);

export const sh = (lines: string[]): Node => call('sh', [lines.join('\n')]);

export function stageSteps(cmd: StageCommand): Node[] {
  return [sh(stageCommands(cmd))];
}

/**
 * When a stage runs: only for changes under the watched paths (or a build started by a
 * person), and release stages only on the deploy branch.
 */
export function when(paths: string[], branch?: string): Node {
  const changes = block('anyOf', [...paths.map((p) => call('changeset', [p])), call('triggeredBy', ['UserIdCause'])]);
  return block('when', [call('beforeAgent', [true]), branch ? block('allOf', [call('branch', [branch]), changes]) : changes]);
}

export const stage = (name: string, body: Node[]): Node => call('stage', [name], body);

export const checkoutStage = (paths: string[]): Node =>
  stage('Checkout', [when(paths), block('steps', [block('script', [raw('env.IMAGE_TAG = checkout(scm).GIT_COMMIT')])])]);

export function approveStage(env: string, what: string, paths: string[], branch: string): Node {
  return stage(`Approve ${env}`, [
    when(paths, branch),
    block('steps', [
      named('timeout', { time: 3, unit: 'DAYS' }, [named('input', { message: `Deploy ${what} to ${env}?`, ok: 'Deploy', submitterParameter: 'APPROVED_BY' })]),
    ]),
  ]);
}
