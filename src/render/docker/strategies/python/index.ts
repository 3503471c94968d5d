import type { Instruction, Stage } from '../../model.js';
import { exposeWithHealthcheck } from '../../healthcheck.js';
import { APP_UID, aptInstall, cacheMounts, createAppUser, startInstructions, TINI, TINI_PACKAGE } from '../../runtime-stage.js';
import { strategyVersion } from '../../runtime-version.js';
import type { DockerPlan, StrategyContext } from '../types.js';
import { pythonInstall } from './package-manager.js';
import { pythonServerEnv } from './server-env.js';

const VENV = '/opt/venv';
const VENV_ENV: [string, string][] = [
  ['VIRTUAL_ENV', VENV],
  ['PATH', `${VENV}/bin:$PATH`],
];

/** Python: dependencies into a virtualenv in a build stage, copied into a clean slim image. */
export function pythonStrategy(ctx: StrategyContext): DockerPlan {
  const { component } = ctx;
  const image = `python:${strategyVersion(ctx, 'python')}-slim`;
  const install = pythonInstall(component);
  const port = component.port;
  const start = component.commands.start;
  if (component.kind === 'web' && port === undefined) ctx.missing(ctx.key('port'), 'the port the server listens on, e.g. 8000');
  if (!start) ctx.missing(ctx.key('commands.start'), 'how the component starts in production, e.g. "gunicorn app:app"');

  const stages: Stage[] = [];
  const copies: Instruction[] = [];
  if (install) {
    const mounts = cacheMounts(ctx.cacheMounts, ...install.cache);
    stages.push({
      name: 'deps',
      from: image,
      comment: 'Dependencies, exactly as locked, into a virtualenv; reused until a manifest changes',
      steps: [
        { op: 'ENV', vars: [['PIP_DISABLE_PIP_VERSION_CHECK', '1'], ['PYTHONDONTWRITEBYTECODE', '1'], ...(install.env ?? [])] },
        { op: 'RUN', commands: [...(install.tool ? [install.tool] : []), `python -m venv ${VENV}`], ...(install.tool ? mounts : {}) },
        { op: 'ENV', vars: VENV_ENV },
        { op: 'WORKDIR', path: '/app' },
        { op: 'COPY', sources: install.manifests, dest: './' },
        { op: 'RUN', commands: install.commands, ...mounts },
      ],
    });
    copies.push({ op: 'COPY', from: 'deps', sources: [VENV], dest: VENV });
  }
  if (component.commands.build) {
    ctx.note({ level: 'info', message: `${component.name}: the build command "${component.commands.build}" runs in the image build, as root, before USER` });
  }

  stages.push({
    from: image,
    comment: install ? 'Runtime: the virtualenv and the sources, nothing else' : 'Runtime: the sources on the slim image (the app has no dependencies)',
    steps: [
      aptInstall([TINI_PACKAGE]),
      { op: 'RUN', commands: createAppUser() },
      {
        op: 'ENV',
        vars: [['PYTHONUNBUFFERED', '1'], ['PYTHONDONTWRITEBYTECODE', '1'], ...(install ? VENV_ENV : []), ...pythonServerEnv(start ?? '', port)],
      },
      { op: 'WORKDIR', path: '/app' },
      ...exposeWithHealthcheck('python', port, component.healthcheck),
      ...(start ? startInstructions(start, { init: TINI }) : []),
      // Settings above, dependencies and sources last: a source change rebuilds only the layers from here on.
      ...copies,
      { op: 'COPY', sources: ['.'], dest: '.', comment: 'Sources; files stay root-owned, so the app cannot rewrite itself' },
      ...(component.commands.build ? [{ op: 'RUN', commands: [component.commands.build] } as Instruction] : []),
      { op: 'USER', user: `${APP_UID}:${APP_UID}` },
    ],
  });
  return { stages, ignore: ['__pycache__/', '*.py[cod]', '.venv/', 'venv/', '.pytest_cache/', '.mypy_cache/', '.tox/'] };
}
