import type { Provider } from '../provider.js';
import { nodeProvider } from './node/index.js';
import { dotnetProvider } from './dotnet/index.js';
import { goProvider } from './go/index.js';
import { jvmProvider } from './jvm/index.js';
import { phpProvider } from './php/index.js';
import { pythonProvider } from './python/index.js';
import { rubyProvider } from './ruby/index.js';
import { rustProvider } from './rust/index.js';
import { staticProvider } from './static/index.js';

/**
 * The ordered provider registry: in a directory several providers may detect, the first
 * one here (after `supersedes`) owns the component. PHP and Ruby precede Node because
 * Laravel and Rails apps carry a package.json for their assets; static comes last.
 */
export const PROVIDERS: readonly Provider[] = [
  phpProvider,
  rubyProvider,
  pythonProvider,
  jvmProvider,
  dotnetProvider,
  goProvider,
  rustProvider,
  nodeProvider,
  staticProvider,
];
