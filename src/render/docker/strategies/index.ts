import type { Runtime } from '../../../spec/component.js';
import { bunStrategy } from './bun.js';
import { dotnetStrategy } from './dotnet.js';
import { goStrategy } from './go.js';
import { jvmStrategy } from './jvm.js';
import { nodeStrategy } from './node/index.js';
import { phpStrategy } from './php.js';
import { pythonStrategy } from './python/index.js';
import { rubyStrategy } from './ruby.js';
import { rustStrategy } from './rust.js';
import { staticStrategy } from './static.js';
import type { Strategy } from './types.js';

/** One Dockerfile strategy per runtime; a runtime without one gets a clear error. */
export const STRATEGIES: Partial<Record<Runtime, Strategy>> = {
  node: nodeStrategy,
  bun: bunStrategy,
  python: pythonStrategy,
  jvm: jvmStrategy,
  go: goStrategy,
  ruby: rubyStrategy,
  php: phpStrategy,
  dotnet: dotnetStrategy,
  rust: rustStrategy,
  static: staticStrategy,
};
