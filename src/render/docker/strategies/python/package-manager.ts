import type { Component } from '../../../../spec/component.js';
import type { CacheMount } from '../../model.js';

/**
 * Lockfile-exact installs into /opt/venv, the virtualenv the runtime stage copies.
 * The tool itself (poetry, pipenv, uv) is installed with the image's pip, outside the
 * virtualenv, so it never reaches the runtime image.
 */
export interface PythonInstall {
  manifests: string[];
  /** Installs the tool (system pip), before the virtualenv exists. */
  tool?: string;
  /** Installs the app's dependencies into the active virtualenv. */
  commands: string[];
  env?: [string, string][];
  cache: CacheMount[];
}

const PIP_CACHE: CacheMount = { target: '/root/.cache/pip', id: 'pip' };

export function pythonInstall(component: Component): PythonInstall | undefined {
  const install = component.commands.install ?? '';
  switch (component.packageManager) {
    case 'poetry':
      return {
        manifests: ['pyproject.toml', 'poetry.lock'],
        tool: 'pip install "poetry>=1.8,<3"',
        commands: ['poetry install --only main --no-root --no-interaction'],
        cache: [PIP_CACHE, { target: '/root/.cache/pypoetry', id: 'poetry' }],
      };
    case 'pipenv':
      return {
        manifests: ['Pipfile', 'Pipfile.lock'],
        tool: 'pip install "pipenv>=2023"',
        commands: ['pipenv requirements > /tmp/requirements.txt', 'pip install -r /tmp/requirements.txt'],
        cache: [PIP_CACHE],
      };
    case 'uv':
      return {
        manifests: ['pyproject.toml', 'uv.lock'],
        tool: 'pip install "uv>=0.4"',
        commands: ['uv sync --frozen --no-dev --no-install-project'],
        env: [['UV_PROJECT_ENVIRONMENT', '/opt/venv']],
        cache: [PIP_CACHE, { target: '/root/.cache/uv', id: 'uv' }],
      };
    case 'pip': {
      const file = install.match(/-r\s+(\S+)/)?.[1] ?? 'requirements.txt';
      return { manifests: [file], commands: [`pip install -r ${file}`], cache: [PIP_CACHE] };
    }
    default:
      // No package manager and no install command: a dependency-free app.
      return install ? { manifests: ['requirements.txt'], commands: ['pip install -r requirements.txt'], cache: [PIP_CACHE] } : undefined;
  }
}
