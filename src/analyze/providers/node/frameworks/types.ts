import type { RepoView } from '../../../repo.js';
import type { PackageManifest } from '../package-json.js';

export interface FrameworkContext {
  repo: RepoView;
  dir: string;
  manifest: PackageManifest;
}

/** What a framework says about building and serving the component. */
export interface FrameworkPlan {
  /** `static`: the build output is served as files (no Node process in production). */
  kind: 'web' | 'static';
  /** Build output served as files (kind static), relative to the component. */
  staticDir?: string;
  /** Production start when package.json has none (or only a dev server). */
  start?: string;
  /** Build command when package.json has no build script. */
  build?: string;
  /** The framework's default listening port. */
  port?: number;
  /** Why: which config line or convention decided it. */
  reason: string;
  file?: string;
  line?: number;
  excerpt?: string;
}

/**
 * One Node.js framework, mostly data: the packages that enable it and, for frameworks that
 * own the build and the server (Next.js, Nuxt …), a plan read from their config file.
 */
export interface NodeFramework {
  /** The App Spec's `framework` value. */
  id: string;
  /** Any of these dependencies enables the framework. */
  packages: readonly string[];
  /** Server frameworks run the app's own entry file; UI libraries only matter for static builds. */
  role: 'meta' | 'server' | 'spa';
  plan?(ctx: FrameworkContext): FrameworkPlan | undefined;
}
