/** What the review makes of a repository file, decided from its path alone. */
export type FileKind =
  | 'dockerfile'
  | 'compose'
  | 'github'
  | 'gitlab'
  | 'jenkins'
  | 'buildspec'
  | 'terraform'
  | 'tfvars'
  | 'kustomization'
  | 'spec'
  | 'yaml'
  | 'config'
  | 'aux';

const CONFIG_DIRS = /(^|\/)(config|configs|conf|settings|secrets?)\//i;
const CONFIG_EXT = /\.(json|ya?ml|toml|ini|properties|conf|cfg)$/i;
const CONFIG_NAMES =
  /^(application[\w.-]*\.(properties|ya?ml)|appsettings[\w.-]*\.json|settings[\w.-]*\.(json|ya?ml|ini|toml)|config\.(json|ya?ml|toml|ini)|secrets?[\w.-]*\.(json|ya?ml)|[\w.-]+\.properties|\.npmrc|\.pypirc)$/i;
const IGNORED_JSON = /^(package(-lock)?\.json|composer\.(json|lock)|tsconfig[\w.-]*\.json|\.?eslintrc[\w.-]*|renovate\.json|[\w.-]*\.lock)$/i;

export function classify(path: string): FileKind | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === '.gitignore' || base === '.dockerignore' || path === 'slipway.suppressions.yaml') return 'aux';
  if (/^(Dockerfile|Containerfile)([.-][\w.-]+)?$/.test(base) || /\.(Dockerfile|dockerfile|Containerfile)$/.test(base)) return 'dockerfile';
  if (/^(docker-)?compose([.-][\w-]+)*\.ya?ml$/i.test(base)) return 'compose';
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return 'github';
  if (base === '.gitlab-ci.yml' || /\.gitlab-ci\.ya?ml$/.test(base)) return 'gitlab';
  if (base === 'Jenkinsfile' || /^Jenkinsfile\.|\.jenkinsfile$/i.test(base)) return 'jenkins';
  if (/^buildspec[\w.-]*\.ya?ml$/i.test(base)) return 'buildspec';
  if (/\.tf$/.test(base)) return 'terraform';
  if (base === 'terraform.tfvars' || /\.auto\.tfvars$/.test(base)) return 'tfvars';
  if (/^(kustomization\.ya?ml|Kustomization)$/.test(base)) return 'kustomization';
  if (path === 'slipway.yaml') return 'spec';
  if (/^\.env(\.[\w.-]+)?$/i.test(base) || /\.env$/i.test(base)) return 'config';
  if (/\.ya?ml$/i.test(base)) return 'yaml';
  if (IGNORED_JSON.test(base)) return undefined;
  if (CONFIG_NAMES.test(base) || (CONFIG_DIRS.test(path) && CONFIG_EXT.test(base))) return 'config';
  return undefined;
}

/** YAML files that are configuration when they hold no Kubernetes object. */
export function isConfigLike(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return CONFIG_NAMES.test(base) || CONFIG_DIRS.test(path);
}

/** Helm chart templates are Go templates, not YAML: skipped (a rendered chart could be reviewed instead). */
export function isHelmTemplate(path: string, files: ReadonlySet<string>): boolean {
  const i = path.indexOf('/templates/');
  const j = path.startsWith('templates/') ? 0 : i;
  if (j < 0) return false;
  const chartDir = path.slice(0, Math.max(0, j));
  return files.has(chartDir ? `${chartDir}/Chart.yaml` : 'Chart.yaml');
}
