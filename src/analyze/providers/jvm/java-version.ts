import type { FactSheet } from '../../facts.js';
import { findLine, lineText } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';
import { javaMajor } from './maven.js';
import type { JvmBuild, JvmModule } from './model.js';

/**
 * The Java version: the app module's toolchain or compiler settings (pom properties, Gradle
 * toolchain), then pins at the build root (.java-version, .sdkmanrc, .tool-versions,
 * Heroku's system.properties), then Spring Boot 3's minimum (17) as a convention.
 */
export function addJavaVersion(repo: RepoView, build: JvmBuild, app: JvmModule, facts: FactSheet): void {
  const own = app.javaVersion;
  const root = build.modules.find((m) => m.path === '.');
  const inherited = !own && root && root !== app ? root.javaVersion : undefined;
  const declared = own ? { ...own, file: app.buildFile } : inherited ? { ...inherited, file: root!.buildFile } : undefined;
  if (declared) facts.add('runtimeVersion', declared.value, { source: 'manifest', file: declared.file, line: declared.line, reason: declared.reason });
  const pins: [string, RegExp][] = [
    ['.java-version', /^\s*(?:1\.)?(\d+)/m],
    ['.sdkmanrc', /^java\s*=\s*(?:1\.)?(\d+)/m],
    ['.tool-versions', /^java\s+\S*?(\d+)/m],
    ['system.properties', /^java\.runtime\.version\s*=\s*(?:1\.)?(\d+)/m],
  ];
  for (const [name, re] of pins) {
    const file = repoPath(build.root, name);
    const text = repo.has(file) ? repo.read(file, 4096) : null;
    const m = text ? re.exec(text) : null;
    if (!m) continue;
    const line = findLine(text!, re);
    facts.add('runtimeVersion', javaMajor(m[1]!), { source: 'manifest', file, line, excerpt: lineText(text!, line), reason: name });
  }
  if (!facts.has('runtimeVersion') && app.bootVersion?.startsWith('3')) {
    facts.add('runtimeVersion', '17', { source: 'convention', file: app.buildFile, reason: 'Spring Boot 3 requires Java 17' });
  }
}
