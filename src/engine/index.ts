/**
 * Container engine access for every Slipway module (build, pipeline, deploy, loadtest).
 * docker, podman and buildah CLIs; nothing here talks to a daemon socket directly.
 * See README.md for the surface and its guarantees.
 */
export type { Engine, EngineName, LineSink } from './types.js';
export { detectEngine, type DetectOptions } from './detect.js';
export { buildImage, BuildFailedError, type BuildOptions, type BuildResult } from './build.js';
export { pushImage, pullImage, tagImage, imageExists, imageSize, imageUser, removeImage } from './image.js';
export {
  runContainer,
  stopContainer,
  removeContainer,
  containerLogs,
  containerState,
  execInContainer,
  runHealthcheck,
  createNetwork,
  removeNetwork,
  type RunOptions,
  type StopResult,
  type ContainerState,
} from './container.js';
export { engineCommand, EngineCommandError } from './process.js';
export { gitRevision, type Revision } from './git-revision.js';
export { LogFile } from './log-file.js';
export { buildComponents, readImagesRecord, type BuildEvent, type BuiltImage, type BuildComponentsOptions } from './build-project.js';
export { smokeTest, type SmokeOptions, type SmokeResult, type ComponentSmoke } from './smoke/index.js';
