import { quote } from 'shell-quote';
import type { ComponentPipeline, DeployEnvironment, InfraPipeline, StageCommand } from './types.js';
import { SLIPWAY_VERSION } from '../../../version.js';

/**
 * The shell every exporter runs, written once. POSIX sh (CI containers are Debian, Alpine
 * or Amazon Linux), values from the CI through environment variables only — never an
 * expression pasted into the script, so no event field can inject commands:
 *   IMAGE_TAG  the commit being built      REGISTRY    where images are pushed
 *   AWS_REGION the AWS region              MIN_COVERAGE optional line-coverage minimum (%)
 * Component stages (install, build, test, coverage) run in the component directory, the
 * others at the repository root.
 */

export { SLIPWAY_VERSION };
/** `--package` form: the command line reads `slipway review`, as people (and SLW-CI-004) expect. */
const slipway = `npx --yes --package=slipway@${SLIPWAY_VERSION} slipway`;

/**
 * Written by the test stage in the component directory, read by the quality gate:
 * `COVERAGE=<line %>`, or `COVERAGE=none` without a report (dotenv readers reject empty values). Named per component: several may share a directory.
 */
export const coverageEnv = (p: Pick<ComponentPipeline, 'name'>) => `coverage.${p.name}.env`;
/** The same file from the repository root. */
export const coverageEnvPath = (p: Pick<ComponentPipeline, 'name' | 'dir'>) => (p.dir === '.' ? coverageEnv(p) : `${p.dir}/${coverageEnv(p)}`);
/** Rendered manifests of a component, one file per environment, handed from render to the deploy stages. */
export const manifestsDir = (p: Pick<ComponentPipeline, 'name'>) => `manifests/${p.name}`;

/** Reports the usual test tools write (lcov, Cobertura), relative to the component directory. */
const COVERAGE_REPORTS = ['coverage/lcov.info', 'lcov.info', 'coverage/cobertura-coverage.xml', 'coverage.xml', 'coverage/coverage.xml', 'target/site/cobertura/coverage.xml'];

/** A line that says which stage runs, for CIs that run several stages in one job. */
export const stageBanner = (stage: string): string => `echo '--- stage: ${stage}'`;

/** A stage's commands; an empty stage says which slipway.yaml key would fill it. */
export function stageCommands(cmd: StageCommand): string[] {
  return cmd.lines.length ? cmd.lines : [`echo "nothing to run: set ${cmd.missing ?? 'the command'} in slipway.yaml"`];
}

/** The stage's banner, then its commands. */
export const bannerStage = (stage: string, cmd: StageCommand): string[] => [stageBanner(stage), ...stageCommands(cmd)];

/** For CIs that run a component's stages in a shell at the repository root. */
export const enterDir = (p: Pick<ComponentPipeline, 'dir'>): string[] => (p.dir === '.' ? [] : [`cd ${p.dir}`]);

/** CI variable names (GitHub, Jenkins): letters, digits and underscores. */
export const variableName = (...parts: string[]) => parts.join('_').toUpperCase().replace(/[^A-Z0-9_]/g, '_');

export function measureCoverage(p: ComponentPipeline): string[] {
  return [
    [
      'report=""',
      `for f in ${COVERAGE_REPORTS.join(' ')}; do if [ -f "$f" ]; then report="$f"; break; fi; done`,
      'percent=""',
      'case "$report" in',
      `  *.xml) percent=$(sed -n 's/.*<coverage[^>]* line-rate="\\([0-9.]*\\)".*/\\1/p' "$report" | head -n 1 | awk '{ printf "%.1f", $1 * 100 }') ;;`,
      `  ?*) percent=$(awk -F: '/^LF:/ { f += $2 } /^LH:/ { h += $2 } END { if (f > 0) printf "%.1f", 100 * h / f }' "$report") ;;`,
      'esac',
      `echo "COVERAGE=\${percent:-none}" > ${coverageEnv(p)}`,
      'echo "line coverage: ${percent:-no report} (${report:-no lcov or Cobertura file})"',
    ].join('\n'),
  ];
}

/**
 * The quality gate: Slipway's Well-Architected review of every deployment file, then coverage.
 * The review renders the kustomize overlays with kubectl (an overlay alone cannot show that its
 * HPA's Deployment exists), so it runs where kubectl is: the hosted runners and the
 * deploy-tools image have it, a Node image gets it with installKubectl().
 */
export function reviewGate(): string[] {
  return [`${slipway} review --gate`];
}

/** kubectl of KUBECTL_VERSION into /tmp/bin (no root needed), checked against the checksum Kubernetes publishes. */
const KUBECTL_VERSION = 'v1.33.4';
export function installKubectl(): string[] {
  const base = `https://dl.k8s.io/release/${KUBECTL_VERSION}/bin/linux/$arch/kubectl`;
  return [
    'arch=$(uname -m | sed -e s/x86_64/amd64/ -e s/aarch64/arm64/)',
    `mkdir -p /tmp/bin && curl -fsSLo /tmp/bin/kubectl "${base}"`,
    `echo "$(curl -fsSL "${base}.sha256")  /tmp/bin/kubectl" | sha256sum -c -`,
    'chmod +x /tmp/bin/kubectl && export PATH="/tmp/bin:$PATH"',
  ];
}

/** Compares $COVERAGE (from the test stage) with $MIN_COVERAGE, when a minimum is set. */
export function coverageGate(): string[] {
  return [
    [
      'coverage="${COVERAGE:-none}"',
      'if [ -z "${MIN_COVERAGE:-}" ]; then',
      '  echo "coverage: $coverage; no minimum (set MIN_COVERAGE to enforce one)"',
      'elif [ "$coverage" = none ]; then',
      '  echo "MIN_COVERAGE is ${MIN_COVERAGE}% but the tests wrote no coverage report"; exit 1',
      'else',
      `  awk -v c="$coverage" -v m="$MIN_COVERAGE" 'BEGIN { if (c + 0 < m + 0) { printf "coverage %s%% is under the %s%% minimum\\n", c, m; exit 1 } printf "coverage %s%% meets the %s%% minimum\\n", c, m }'`,
      'fi',
    ].join('\n'),
  ];
}

export const ecrLogin = (): string => 'aws ecr get-login-password --region "$AWS_REGION" | docker login --username AWS --password-stdin "$REGISTRY"';

/** Builds and pushes `$REGISTRY/<image>:$IMAGE_TAG` once: tags are immutable, a re-run reuses the image. */
export function imageBuildPush(p: ComponentPipeline): string[] {
  const build = quote(['docker', 'build', '--pull', '-f', p.image.dockerfile, '-t']);
  return [
    `IMAGE="$REGISTRY/${p.image.name}:$IMAGE_TAG"`,
    [
      'if docker manifest inspect "$IMAGE" > /dev/null 2>&1; then',
      '  echo "$IMAGE is already in the registry: not rebuilt"',
      'else',
      `  DOCKER_BUILDKIT=1 ${build} "$IMAGE" ${quote([p.image.context])}`,
      '  docker push "$IMAGE"',
      'fi',
    ].join('\n'),
  ];
}

/** Pins the image in every overlay and renders what each environment will apply. */
export function renderManifests(p: ComponentPipeline): string[] {
  return [
    `mkdir -p ${manifestsDir(p)}`,
    ...p.environments.flatMap((e) => [
      `(cd ${quote([e.overlay])} && kustomize edit set image ${p.image.name}="$REGISTRY/${p.image.name}:$IMAGE_TAG")`,
      `kubectl kustomize ${quote([e.overlay])} > ${manifestsDir(p)}/${e.name}.yaml`,
    ]),
  ];
}

/** kubectl talks to the environment's cluster; `roleArn` names a variable holding a role to assume for it. */
export function kubeconfig(cluster: string, roleArn?: string): string {
  return `aws eks update-kubeconfig --name ${quote([cluster])} --region "$AWS_REGION"${roleArn ? ` --role-arn "$${roleArn}"` : ''}`;
}

/**
 * Applies the environment's manifests — this component's objects and the app's shared ones,
 * never another component's — waits for the rollout and rolls back when it fails.
 */
export function deploy(p: ComponentPipeline, env: DeployEnvironment, roleArn?: string): string[] {
  const ns = quote([env.namespace]);
  const selector = p.siblings.length ? ` --selector ${quote([`app.kubernetes.io/name notin (${p.siblings.join(',')})`])}` : '';
  const apply = `kubectl apply -f ${manifestsDir(p)}/${env.name}.yaml${selector}`;
  const lines = [kubeconfig(env.cluster, roleArn)];
  if (p.workload === 'Job') {
    lines.push(
      `kubectl -n ${ns} delete job ${p.name} --ignore-not-found --wait=true`,
      apply,
      `kubectl -n ${ns} wait --for=condition=complete job/${p.name} --timeout=15m || { kubectl -n ${ns} logs job/${p.name} --tail=200; exit 1; }`,
    );
    return lines;
  }
  const target = `deployment/${p.name}`;
  lines.push(
    apply,
    [
      `if ! kubectl -n ${ns} rollout status ${target} --timeout=10m; then`,
      `  echo "rollout of ${p.name} in ${env.name} failed: rolling back"`,
      `  kubectl -n ${ns} rollout undo ${target}`,
      `  kubectl -n ${ns} rollout status ${target} --timeout=10m`,
      '  exit 1',
      'fi',
    ].join('\n'),
  );
  if (p.release) lines.push(`kubectl -n ${ns} exec ${target} -- sh -c ${quote([p.release])}`);
  return lines;
}

/**
 * GitLab and Bitbucket hand the job an OIDC token in a variable; the AWS CLI exchanges it
 * for the role in $AWS_ROLE_ARN (AssumeRoleWithWebIdentity): no stored AWS keys.
 */
export function webIdentity(tokenVariable: string): string[] {
  return [`printf '%s' "$${tokenVariable}" > /tmp/aws-web-identity-token`, 'export AWS_WEB_IDENTITY_TOKEN_FILE=/tmp/aws-web-identity-token'];
}

/** Infrastructure stages run from the repository root; `-chdir` points Terraform at its directory. */
export function terraformValidate(p: InfraPipeline): string[] {
  const tf = `terraform -chdir=${quote([p.dir])}`;
  return [`${tf} fmt -check -recursive -diff`, terraformInit(p), `${tf} validate -no-color`];
}

export function terraformInit(p: InfraPipeline): string {
  return `terraform -chdir=${quote([p.dir])} init -input=false -reconfigure -backend-config=${quote([p.backendConfig])}`;
}

export function terraformPlan(p: InfraPipeline): string[] {
  return [`terraform -chdir=${quote([p.dir])} plan -input=false -lock-timeout=5m -var-file=${quote([p.varFile])} -out=${quote([p.planFile])}`];
}

export function terraformApply(p: InfraPipeline): string[] {
  return [`terraform -chdir=${quote([p.dir])} apply -input=false -lock-timeout=5m ${quote([p.planFile])}`];
}

export function clusterPolicies(p: InfraPipeline, roleArn?: string): string[] {
  return [kubeconfig(p.cluster, roleArn), `kubectl apply -k ${quote([p.clusterPolicies])}`];
}
