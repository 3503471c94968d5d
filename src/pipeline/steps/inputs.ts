/** Manifests and lockfiles of every ecosystem: what an install depends on. */
export const INSTALL_INPUTS = [
  'package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'bun.lock', 'bun.lockb',
  '.npmrc', '.yarnrc.yml', '.yarnrc', '.pnpmfile.cjs', '.nvmrc', '.node-version', 'patches/**',
  'requirements*.txt', 'pyproject.toml', 'poetry.lock', 'Pipfile', 'Pipfile.lock', 'uv.lock', 'setup.py', 'setup.cfg',
  'go.mod', 'go.sum', 'Gemfile', 'Gemfile.lock', 'composer.json', 'composer.lock', '*.csproj', 'packages.lock.json',
  'Cargo.toml', 'Cargo.lock', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties',
];

/** Everything of the component, minus what installs, builds and Slipway produce. */
export const ALL_FILES = ['**'];
export const GENERATED_EXCLUDES = ['coverage/**', '.nyc_output/**', 'dist/**', 'build/**', 'out/**', '.next/**', 'config/*.secrets.env'];

/** Where each package manager puts dependencies: restored on an install cache hit. */
export const DEPENDENCY_DIRS: Record<string, string[]> = {
  npm: ['node_modules'],
  yarn: ['node_modules'],
  pnpm: ['node_modules'],
  bun: ['node_modules'],
  uv: ['.venv'],
  poetry: ['.venv'],
  pipenv: ['.venv'],
  bundler: ['vendor/bundle'],
  composer: ['vendor'],
};

/** Usual build output directories per runtime (a step's `outputs:` overrides them). */
export const BUILD_OUTPUTS: Record<string, string[]> = {
  node: ['dist', 'build', 'out', '.next'],
  bun: ['dist', 'build', 'out'],
  deno: ['dist'],
  static: ['dist', 'build', '_site'],
  go: ['bin'],
  jvm: ['target', 'build/libs'],
  rust: ['target/release'],
  dotnet: ['bin', 'obj'],
};

/** Coverage reports the gate reads, relative to the component directory. */
export const COVERAGE_FILES = ['coverage/lcov.info', 'coverage/cobertura-coverage.xml', 'coverage/coverage.xml', 'coverage.xml', 'lcov.info', 'target/site/cobertura/coverage.xml'];
