import { findLine, readToml } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';
import { rec, str, type AppKind, type JvmDependency, type JvmModule } from './model.js';

/** gradle/libs.versions.toml: version-catalog aliases → plugin ids and library coordinates. */
export interface VersionCatalog {
  plugins: Map<string, string>;
  libraries: Map<string, string>;
}

export function readCatalog(repo: RepoView, root: string): VersionCatalog {
  const catalog: VersionCatalog = { plugins: new Map(), libraries: new Map() };
  const parsed = readToml(repo, repoPath(root, 'gradle/libs.versions.toml'));
  if (!parsed) return catalog;
  const alias = (k: string) => k.replace(/[-_]/g, '.');
  for (const [k, v] of Object.entries(rec(parsed.value.plugins))) {
    const id = typeof v === 'string' ? v.split(':')[0] : str(rec(v).id);
    if (id) catalog.plugins.set(alias(k), id);
  }
  for (const [k, v] of Object.entries(rec(parsed.value.libraries))) {
    const r = rec(v);
    const id = typeof v === 'string' ? v.split(':').slice(0, 2).join(':') : str(r.module) ?? (r.group && r.name ? `${String(r.group)}:${String(r.name)}` : undefined);
    if (id) catalog.libraries.set(alias(k), id);
  }
  return catalog;
}

/** Included subprojects of settings.gradle(.kts), as directories relative to the root. */
export function readSettings(repo: RepoView, root: string): { name: string | undefined; includes: string[] } | undefined {
  const file = ['settings.gradle.kts', 'settings.gradle'].map((f) => repoPath(root, f)).find((f) => repo.has(f));
  const text = file ? repo.read(file) : null;
  if (!text) return undefined;
  const name = /rootProject\.name\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  const includes: string[] = [];
  for (const m of text.matchAll(/^\s*include\s*\(?([^\n)]*)\)?/gm)) {
    for (const p of m[1]!.matchAll(/["']:?([^"']+)["']/g)) includes.push(p[1]!.replace(/:/g, '/'));
  }
  return { name, includes };
}

const PLUGIN_ID = /(?:\bid\s*\(?\s*["']([\w.-]+)["']|apply\s+plugin:\s*["']([\w.-]+)["']|\bkotlin\s*\(\s*["']([\w.-]+)["']\s*\)|alias\s*\(\s*libs\.plugins\.([\w.]+)\s*\)|^\s*(application|java|war)\s*$|`(application|java|war)`)/gm;
const DEPENDENCY = /^\s*(?:implementation|api|compileOnly|runtimeOnly|annotationProcessor|kapt|developmentOnly)\s*\(?\s*(?:["']([\w.-]+:[\w.-]+)(?::[^"']*)?["']|(?:libs\.([\w.]+)))/gm;

/** A build.gradle(.kts) read as text (it is a program: never evaluated). */
export function readGradleModule(repo: RepoView, root: string, dir: string, path: string, catalog: VersionCatalog, name: string): JvmModule | null {
  const file = ['build.gradle.kts', 'build.gradle'].map((f) => repoPath(dir, f)).find((f) => repo.has(f));
  const text = file ? repo.read(file) : null;
  if (!file || text === null) return null;
  const plugins: string[] = [];
  for (const m of text.matchAll(PLUGIN_ID)) {
    // `alias(libs.plugins.spring.boot) apply false` only puts the plugin on the classpath.
    const rest = text.slice(m.index + m[0].length, text.indexOf('\n', m.index + m[0].length) >>> 0);
    if (/^\s*\)?\s*(version\s*\(?\s*["'][^"']*["']\s*\)?\s*)?apply\s*\(?\s*false/.test(rest)) continue;
    const id = m[1] ?? m[2] ?? (m[3] ? `org.jetbrains.kotlin.${m[3]}` : undefined) ?? (m[4] ? catalog.plugins.get(m[4]) : undefined) ?? m[5] ?? m[6];
    if (id) plugins.push(id);
  }
  const dependencies: JvmDependency[] = [];
  for (const m of text.matchAll(DEPENDENCY)) {
    const id = m[1] ?? (m[2] ? catalog.libraries.get(m[2]) : undefined);
    if (id) dependencies.push({ id, line: text.slice(0, m.index + m[0].length).split('\n').length });
  }
  const has = (id: string) => plugins.includes(id);
  const at = (needle: string | RegExp, kind: AppKind, reason: string) => ({ kind, line: findLine(text, needle), reason });
  const app = has('org.springframework.boot')
    ? at(/org\.springframework\.boot|spring\.boot/, 'spring-boot', 'Spring Boot Gradle plugin')
    : has('io.quarkus') ? at('io.quarkus', 'quarkus', 'Quarkus Gradle plugin')
    : has('io.micronaut.application') ? at('io.micronaut.application', 'micronaut', 'Micronaut application plugin')
    : has('io.ktor.plugin') ? at(/io\.ktor\.plugin|ktor/, 'ktor', 'Ktor Gradle plugin (fat jar)')
    : has('war') ? at('war', 'war', 'war plugin')
    : has('application') ? at(/\bapplication\b/, 'application', 'application plugin (installDist)')
    : undefined;
  const version = gradleVersion(repo, dir, text) ?? (root !== dir ? gradleVersion(repo, root, repo.read(rootBuildFile(repo, root) ?? '') ?? '') : undefined);
  const archive = /archiveFileName\s*(?:=|\.set\()\s*["']([^"'$]+)["']/.exec(text)?.[1];
  const baseName = /(?:archiveBaseName|archivesBaseName|archivesName)\s*(?:=|\.set\()\s*["']([^"'$]+)["']/.exec(text)?.[1];
  const bootPlugin = /id\s*\(?\s*["']org\.springframework\.boot["']\s*\)?\s*version\s*\(?\s*["']([\d.]+)/.exec(text)?.[1];
  return {
    dir, path, tool: 'gradle', buildFile: file, text, name: baseName ?? name, version, archive, dependencies, plugins, app,
    kotlin: plugins.some((p) => p.startsWith('org.jetbrains.kotlin')) || repo.glob(repoPath(dir, 'src/main/kotlin/**')).length > 0,
    bootVersion: bootPlugin,
    javaVersion: gradleJavaVersion(text),
  };
}

/** Java toolchain / compatibility declared in a Gradle build. */
export function gradleJavaVersion(text: string): { value: string; line?: number; reason: string } | undefined {
  const patterns: [RegExp, string][] = [
    [/JavaLanguageVersion\.of\(\s*(\d+)\s*\)/, 'java toolchain languageVersion'],
    [/jvmToolchain\(\s*(\d+)\s*\)/, 'kotlin jvmToolchain'],
    [/(?:source|target)Compatibility\s*=\s*(?:JavaVersion\.VERSION_(?:1_)?(\d+)|["']?(?:1\.)?(\d+))/, 'sourceCompatibility'],
    [/options\.release\s*(?:=|\.set\()\s*(\d+)/, 'compiler release'],
    [/jvmTarget\s*(?:=|\.set\()\s*(?:JvmTarget\.JVM_(?:1_)?(\d+)|["'](?:1\.)?(\d+)["'])/, 'kotlin jvmTarget'],
  ];
  for (const [re, reason] of patterns) {
    const m = re.exec(text);
    const value = m?.slice(1).find(Boolean);
    if (value) return { value, line: findLine(text, re), reason: `build.gradle ${reason}` };
  }
  return undefined;
}

/** `version = '1.2'` in the build file, else `version=1.2` in gradle.properties. */
function gradleVersion(repo: RepoView, dir: string, text: string): string | undefined {
  const props = repo.read(repoPath(dir, 'gradle.properties'), 64 * 1024) ?? '';
  return /^\s*version\s*=\s*["']([^"'$]+)["']/m.exec(text)?.[1] ?? /^\s*version\s*=\s*([^\s$]+)\s*$/m.exec(props)?.[1];
}

function rootBuildFile(repo: RepoView, root: string): string | undefined {
  return ['build.gradle.kts', 'build.gradle'].map((f) => repoPath(root, f)).find((f) => repo.has(f));
}
