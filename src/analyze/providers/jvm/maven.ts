import { findLine, readXml } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';
import { list, rec, str, type AppKind, type JvmModule } from './model.js';

export interface MavenPom {
  module: JvmModule;
  /** <modules> of an aggregator pom, as directories relative to it. */
  modules: string[];
  properties: Record<string, unknown>;
}

/** Reads one pom.xml (null when absent or malformed: readXml leaves a note with the line). */
export function readPom(repo: RepoView, dir: string, path: string, hasSpringBootMain: (dir: string) => boolean): MavenPom | null {
  const file = repoPath(dir, 'pom.xml');
  const parsed = readXml(repo, file);
  if (!parsed) return null;
  const project = rec(parsed.value.project);
  const text = parsed.text;
  const properties = rec(project.properties);
  const parent = rec(project.parent);
  const resolve = (v: string | undefined) => v?.replace(/\$\{([\w.-]+)\}/g, (whole, key: string) => str(properties[key]) ?? (key === 'project.version' ? str(project.version) ?? str(parent.version) ?? whole : whole));

  const dependencies = [...list(rec(project.dependencies).dependency), ...list(rec(rec(project.dependencyManagement).dependencies).dependency)]
    .map(rec)
    .map((d) => `${str(d.groupId) ?? ''}:${str(d.artifactId) ?? ''}`)
    .filter((id) => !id.startsWith(':'))
    .map((id) => ({ id, line: findLine(text, `<artifactId>${id.split(':')[1]}</artifactId>`) }));
  const build = rec(project.build);
  const pluginEntries = [...list(rec(build.plugins).plugin), ...list(rec(rec(build.pluginManagement).plugins).plugin)].map(rec);
  const plugins = pluginEntries.map((p) => str(p.artifactId) ?? '').filter(Boolean);
  const parentId = `${str(parent.groupId) ?? ''}:${str(parent.artifactId) ?? ''}`;
  const packaging = str(project.packaging) ?? 'jar';
  const bootVersion = parentId.endsWith(':spring-boot-starter-parent') ? resolve(str(parent.version)) : undefined;

  const app = ((): JvmModule['app'] => {
    const at = (needle: string, kind: AppKind, reason: string) => ({ kind, line: findLine(text, needle), reason });
    if (packaging === 'pom') return undefined;
    if (packaging === 'war') return at('<packaging>war', 'war', 'pom.xml packaging war');
    if (plugins.includes('spring-boot-maven-plugin')) return at('spring-boot-maven-plugin', 'spring-boot', 'spring-boot-maven-plugin');
    if (bootVersion && hasSpringBootMain(dir)) return at('spring-boot-starter-parent', 'spring-boot', 'Spring Boot parent and a @SpringBootApplication class');
    if (plugins.includes('quarkus-maven-plugin')) return at('quarkus-maven-plugin', 'quarkus', 'quarkus-maven-plugin');
    if (plugins.includes('micronaut-maven-plugin') || parentId.endsWith(':micronaut-parent')) return at('micronaut', 'micronaut', 'Micronaut build');
    if (/<mainClass>/.test(text) && plugins.some((p) => p === 'maven-shade-plugin' || p === 'maven-assembly-plugin')) return at('<mainClass>', 'fat-jar', 'executable jar with a main class');
    return undefined;
  })();

  const artifactId = str(project.artifactId) ?? dir.split('/').pop()!;
  const version = resolve(str(project.version) ?? str(parent.version));
  const finalName = resolve(str(build.finalName));
  const java = ['maven.compiler.release', 'java.version', 'maven.compiler.target', 'maven.compiler.source']
    .map((k) => ({ k, v: str(properties[k]) }))
    .find((x) => x.v && /^\d/.test(x.v));
  const javaVersion = java ? { value: javaMajor(java.v!), line: findLine(text, `<${java.k}>`), reason: `pom.xml > properties > ${java.k}` } : undefined;
  return {
    module: {
      dir, path, tool: 'maven', buildFile: file, text, name: artifactId,
      version: version && !version.includes('${') ? version : undefined,
      archive: finalName && !finalName.includes('${') ? `${finalName}.${packaging === 'war' ? 'war' : 'jar'}` : undefined,
      dependencies, plugins, app,
      kotlin: plugins.includes('kotlin-maven-plugin') || repo.glob(repoPath(dir, 'src/main/kotlin/**')).length > 0,
      bootVersion,
      javaVersion,
    },
    modules: list(rec(project.modules).module).map(str).filter((m): m is string => !!m),
    properties,
  };
}

/** "1.8" → "8"; "17" → "17". */
export function javaMajor(v: string): string {
  const m = /^1\.(\d+)/.exec(v) ?? /^(\d+)/.exec(v);
  return m ? m[1]! : v;
}
