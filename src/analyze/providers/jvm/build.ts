import { posix } from 'node:path';
import { filesIn } from '../../collectors/dir-index.js';
import { repoPath, type RepoView } from '../../repo.js';
import { readCatalog, readGradleModule, readSettings } from './gradle.js';
import { readPom } from './maven.js';
import type { JvmBuild, JvmModule } from './model.js';

export const BUILD_FILES = ['pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts'];
const MAX_MAVEN_DEPTH = 4;

/** Builds are read once per repository view and root (detect and analyze both need them). */
const cache = new WeakMap<RepoView, Map<string, JvmBuild | null>>();

export function hasBuildFile(repo: RepoView, dir: string): boolean {
  const files = filesIn(repo, dir);
  return BUILD_FILES.some((f) => files.includes(f));
}

/**
 * The build a directory belongs to: the outermost ancestor whose settings.gradle includes
 * it or whose aggregator pom lists it (transitively); the directory itself otherwise.
 */
export function buildOf(repo: RepoView, dir: string): JvmBuild | null {
  const parts = dir === '.' ? [] : dir.split('/');
  for (let i = 0; i < parts.length; i++) {
    const ancestor = i === 0 ? '.' : parts.slice(0, i).join('/');
    if (!hasBuildFile(repo, ancestor)) continue;
    const build = readBuild(repo, ancestor);
    if (build?.modules.some((m) => m.dir === dir)) return build;
  }
  return readBuild(repo, dir);
}

export function readBuild(repo: RepoView, root: string): JvmBuild | null {
  let byRoot = cache.get(repo);
  if (!byRoot) cache.set(repo, (byRoot = new Map()));
  if (!byRoot.has(root)) byRoot.set(root, readUncached(repo, root));
  return byRoot.get(root)!;
}

function readUncached(repo: RepoView, root: string): JvmBuild | null {
  // The @SpringBootApplication class is conventionally *Application / *App / Main: read only those.
  const springMain = (dir: string) =>
    repo
      .glob([repoPath(dir, 'src/main/**/*{Application,App,Main}.java'), repoPath(dir, 'src/main/**/*{Application,App,Main}.kt')])
      .slice(0, 50)
      .some((f) => /@SpringBootApplication/.test(repo.read(f, 48 * 1024) ?? ''));
  if (repo.has(repoPath(root, 'pom.xml'))) {
    const modules: JvmModule[] = [];
    const visit = (dir: string, depth: number) => {
      const pom = readPom(repo, dir, rel(root, dir), springMain);
      if (!pom) return;
      modules.push(pom.module);
      if (depth >= MAX_MAVEN_DEPTH) return;
      for (const m of pom.modules) visit(posix.normalize(repoPath(dir, m)).replace(/\/$/, ''), depth + 1);
    };
    visit(root, 0);
    if (modules.length === 0) return null;
    return { root, tool: 'maven', runner: repo.has(repoPath(root, 'mvnw')) ? './mvnw' : 'mvn', modules };
  }
  const settings = readSettings(repo, root);
  const catalog = readCatalog(repo, root);
  const modules: JvmModule[] = [];
  const rootName = settings?.name ?? (root === '.' ? repo.root.split('/').pop()! : root.split('/').pop()!);
  const rootModule = readGradleModule(repo, root, root, '.', catalog, rootName);
  if (rootModule) modules.push(rootModule);
  for (const include of settings?.includes ?? []) {
    const dir = repoPath(root, include);
    const m = readGradleModule(repo, root, dir, include, catalog, include.split('/').pop()!);
    if (m) modules.push(m);
  }
  if (modules.length === 0 && !settings) return null;
  return { root, tool: 'gradle', runner: repo.has(repoPath(root, 'gradlew')) ? './gradlew' : 'gradle', modules };
}

function rel(root: string, dir: string): string {
  return root === '.' ? dir : dir === root ? '.' : dir.slice(root.length + 1);
}

/** The modules that produce something runnable (a Boot jar, an installDist, a war …). */
export function appModules(build: JvmBuild): JvmModule[] {
  return build.modules.filter((m) => m.app);
}
