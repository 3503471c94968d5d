import type { BuiltinAction } from '../../spec/pipeline.js';
import { approvalAction } from './approval.js';
import { commandAction } from './command.js';
import { componentCommand } from './component-command.js';
import { deployAction } from './deploy/index.js';
import { reviewGate } from './gate/index.js';
import { imageBuildAction, imagePushAction } from './image.js';
import { mirrorAction } from './mirror.js';
import { renderAction } from './render.js';
import type { StepAction } from './types.js';
import { validateAction } from './validate.js';

/** Step kinds: every built-in action of slipway.yaml, plus `run` for shell commands. */
export const STEP_ACTIONS: Readonly<Record<BuiltinAction | 'run', StepAction>> = {
  run: commandAction,
  install: componentCommand('install'),
  build: componentCommand('build'),
  test: componentCommand('test'),
  'review-gate': reviewGate,
  'image-build': imageBuildAction,
  'image-push': imagePushAction,
  render: renderAction,
  deploy: deployAction,
  validate: validateAction,
  approval: approvalAction,
};

export function actionFor(step: { def: { uses?: BuiltinAction | undefined }; internal?: 'mirror' }): StepAction {
  if (step.internal === 'mirror') return mirrorAction;
  return STEP_ACTIONS[step.def.uses ?? 'run'];
}
