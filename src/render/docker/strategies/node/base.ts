import type { CacheMount, Instruction, Stage } from '../../model.js';
import { cacheMounts } from '../../runtime-stage.js';
import { strategyVersion } from '../../runtime-version.js';
import type { StrategyContext } from '../types.js';
import { buildCommand, nodePackageManager, type NodePackageManager } from './package-manager.js';

/** What every Node.js flavour (server, Next.js, static site) starts from. */
export interface NodeBase {
  image: string;
  pm: NodePackageManager;
  /** Manifests → lockfile-exact install; `prod` installs production dependencies only. */
  depsStage(name: string, prod: boolean): Stage;
  /** FROM deps, sources copied, the build command run (plus `after` in the same layer). */
  buildStage(name: string, from: string, opts?: { before?: Instruction[]; after?: string[]; cache?: CacheMount[] }): Stage;
  /** The build command, or undefined when the spec has none. */
  build?: string;
}

export function nodeBase(ctx: StrategyContext): NodeBase {
  const { component } = ctx;
  const image = `node:${strategyVersion(ctx, 'node')}-slim`;
  const pm = nodePackageManager(component);
  if (pm.warning) ctx.note({ level: 'warn', message: pm.warning, hint: `set ${ctx.key('commands.install')} once a lockfile is committed` });
  const mounts = cacheMounts(ctx.cacheMounts, pm.cache);
  const build = component.commands.build ? buildCommand(pm, component.commands.build) : undefined;

  return {
    image,
    pm,
    build,
    depsStage: (name, prod) => ({
      name,
      from: image,
      comment: prod
        ? 'Production dependencies, exactly as locked; this layer is reused until a manifest changes'
        : 'All dependencies (build tools included), exactly as locked; reused until a manifest changes',
      steps: [
        { op: 'WORKDIR', path: '/app' },
        ...(pm.setup.length ? [{ op: 'RUN', commands: pm.setup } as Instruction] : []),
        { op: 'COPY', sources: pm.manifests, dest: './' },
        // mkdir: an app without dependencies gets no node_modules, and the later COPY needs one
        { op: 'RUN', commands: [prod ? pm.installProd : pm.install, 'mkdir -p node_modules'], ...mounts },
      ],
    }),
    buildStage: (name, from, opts = {}) => ({
      name,
      from,
      comment: 'Build: sources on top of the dependency layer, so a source change rebuilds from here',
      steps: [
        { op: 'COPY', sources: ['.'], dest: '.' },
        ...(opts.before ?? []),
        { op: 'RUN', commands: [...(build ? [build] : []), ...(opts.after ?? [])], ...cacheMounts(ctx.cacheMounts, ...(opts.cache ?? [])) },
      ],
    }),
  };
}
