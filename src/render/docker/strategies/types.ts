import type { Note } from '../../../analyze/notes.js';
import type { AppSpec } from '../../../spec/app-spec.js';
import type { Component } from '../../../spec/component.js';
import type { RenderedFile } from '../../renderer.js';
import type { Stage } from '../model.js';

export interface StrategyContext {
  spec: AppSpec;
  component: Component;
  /** slipway.yaml key of a component field, e.g. key('port') → "components[0].port". */
  key(field: string): string;
  /** Directory of the Dockerfile, relative to the repository root (for extra files). */
  dir: string;
  /** Emit `RUN --mount=type=cache` (BuildKit, podman/buildah); off for engines without it. */
  cacheMounts: boolean;
  /** Keys the strategy needs and the spec lacks; the renderer throws them together. */
  missing(key: string, why: string): void;
  note(note: Note): void;
}

export interface DockerPlan {
  stages: Stage[];
  /** Files the Dockerfile needs besides itself (nginx.conf …). */
  files?: RenderedFile[];
  /** Extra .dockerignore patterns for this ecosystem. */
  ignore?: string[];
}

/** One per runtime: component → build stages and the final stage. Pure. */
export type Strategy = (ctx: StrategyContext) => DockerPlan;
