import type { RepoView } from '../../../repo.js';

export interface MappingContext {
  repo: RepoView;
  /** The component directory the command runs in. */
  dir: string;
  /** Variables set on the same line or block (`FLASK_APP=app.py flask run`). */
  env?: Record<string, string>;
}

/** What a development command becomes in production. */
export interface ProductionCommand {
  /** The long-running production process; absent for static sites. */
  start?: string;
  /** What has to run first (compile, bundle). */
  build?: string;
  /** Set when the command served a static site in development: its build output. */
  staticDir?: string;
  /** Only a port the command states (`-p 4000`); framework defaults are not evidence of the app's port. */
  port?: number;
  /** One sentence: why this is the production equivalent. */
  reason: string;
}

/** One row of the development → production table (docs/analyzer.md). */
export interface DevToProdRule {
  id: string;
  ecosystem: 'node' | 'python' | 'ruby' | 'php' | 'jvm' | 'go' | 'dotnet' | 'rust';
  /** Documentation: a development command and what it becomes. */
  example: readonly [dev: string, prod: string];
  match(argv: readonly string[]): boolean;
  map(argv: readonly string[], ctx: MappingContext): ProductionCommand | undefined;
}
