import type { Evidence } from '../../../spec/evidence.js';
import type { FactSheet } from '../../facts.js';
import type { AnalyzeContext, Provider } from '../../provider.js';
import { repoPath, type RepoView } from '../../repo.js';
import { placeholder, readAppConfig, setting } from './app-config.js';
import { appModules, BUILD_FILES, buildOf, hasBuildFile } from './build.js';
import { addCommands } from './commands.js';
import { addJavaEnv } from './env.js';
import { addJavaVersion } from './java-version.js';
import type { JvmBuild, JvmModule } from './model.js';
import { addEnvFromConfig, addHealthcheck, addPort } from './runtime-config.js';
import { addServices } from './services.js';

/**
 * Which module a directory's component runs: the build's only app when the directory is the
 * build root; the module itself when a build holds several apps (each is a component).
 */
function appFor(repo: RepoView, dir: string): { build: JvmBuild | null; app: JvmModule | undefined } | undefined {
  if (!hasBuildFile(repo, dir)) return undefined;
  const build = buildOf(repo, dir);
  // An unreadable build file (malformed pom.xml: noted with its line) still marks a JVM component.
  if (!build) return { build: null, app: undefined };
  const apps = appModules(build);
  if (dir === build.root) return apps.length <= 1 ? { build, app: apps[0] } : undefined;
  const own = apps.find((m) => m.dir === dir);
  return apps.length > 1 && own ? { build, app: own } : undefined;
}

export const jvmProvider: Provider = {
  id: 'jvm',
  manifests: ['pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle/libs.versions.toml', 'src/main/resources/application*.{properties,yml,yaml}'],
  detect(repo: RepoView, dir: string): Evidence[] {
    const found = appFor(repo, dir);
    if (!found) return [];
    const { build, app } = found;
    if (!build) return [{ source: 'manifest', file: repoPath(dir, BUILD_FILES.find((f) => repo.has(repoPath(dir, f)))!), reason: 'JVM build file (unreadable)' }];
    const file = app?.buildFile ?? build.modules[0]?.buildFile;
    return [{ source: 'manifest', ...(file ? { file } : {}), reason: `${build.tool} build${app ? ` (${app.app!.reason})` : ''}` }];
  },
  analyze(repo: RepoView, dir: string, facts: FactSheet, _ctx: AnalyzeContext): void {
    const found = appFor(repo, dir);
    if (!found) return;
    const { build } = found;
    if (!build) return addUnreadableBuild(repo, dir, facts);
    const app = found.app ?? build.modules.find((m) => m.dir === dir) ?? build.modules[0];
    if (!app) return;
    const language = app.kotlin ? 'kotlin' : 'java';
    const origin = { source: 'manifest' as const, file: app.buildFile, reason: `${build.tool} build` };
    facts.add('language', language, { ...origin, reason: app.kotlin ? 'Kotlin plugin or src/main/kotlin' : 'Java build' });
    facts.add('runtime', 'jvm', origin);
    facts.add('packageManager', build.tool, { ...origin, reason: `${build.runner} (${build.tool})` });
    facts.name ??= dir === build.root ? build.modules[0]?.name : app.name;
    if (!found.app) {
      facts.deployable = false;
      facts.note({ level: 'info', file: app.buildFile, message: `${build.tool} build without an application module (no Spring Boot, Quarkus, Micronaut, Ktor or application plugin): treated as a library`, hint: 'describe the component in slipway.yaml if it is deployable' });
      return;
    }
    if (app.app?.kind && app.app.kind !== 'fat-jar' && app.app.kind !== 'application') {
      facts.add('framework', app.app.kind, { source: 'manifest', file: app.buildFile, line: app.app.line, reason: app.app.reason });
    }
    addJavaVersion(repo, build, app, facts);
    const config = readAppConfig(repo, app.dir);
    const port = addPort(app, config, facts);
    addCommands(build, app, dir, port, facts);
    addHealthcheck(app, config, facts);
    addServices(app, config, facts);
    addEnvFromConfig(config, facts);
    addJavaEnv(repo, app, facts);
  },
  startHelp: 'JVM apps start from their packaged jar: e.g. `java -jar target/app-1.0.jar` (Maven) or `java -jar build/libs/app-1.0.jar` (Gradle).',
};

/**
 * The build file could not be parsed (the note names its line): the component is still a
 * JVM one, at low confidence, and the start command is left for the user to set.
 */
function addUnreadableBuild(repo: RepoView, dir: string, facts: FactSheet): void {
  const file = repoPath(dir, BUILD_FILES.find((f) => repo.has(repoPath(dir, f)))!);
  const origin = { source: 'manifest' as const, file, reason: 'JVM build file that could not be read', weight: 0.5 };
  facts.add('language', repo.glob(repoPath(dir, 'src/main/kotlin/**')).length ? 'kotlin' : 'java', origin);
  facts.add('runtime', 'jvm', origin);
  facts.add('packageManager', file.endsWith('pom.xml') ? 'maven' : 'gradle', origin);
  const port = setting(readAppConfig(repo, dir), 'server.port', 'quarkus.http.port', 'micronaut.server.port');
  const value = port ? Number(placeholder(port.value).fallback) : NaN;
  if (port && value > 0) facts.add('port', value, { source: 'config', file: port.file, line: port.line, excerpt: `${port.key}=${port.value}`, reason: port.key, weight: 0.5 });
}
