/** What a JVM build file says about one module, whatever the build tool. */
export interface JvmDependency {
  /** "group:artifact". */
  id: string;
  line?: number;
}

export type AppKind = 'spring-boot' | 'quarkus' | 'micronaut' | 'ktor' | 'application' | 'fat-jar' | 'war';

export interface JvmModule {
  /** Repository-relative directory. */
  dir: string;
  /** Path from the build root ("." for the root project). */
  path: string;
  tool: 'maven' | 'gradle';
  buildFile: string;
  text: string;
  name: string;
  version: string | undefined;
  /** Maven <finalName> / Gradle archiveFileName when set. */
  archive: string | undefined;
  dependencies: JvmDependency[];
  plugins: string[];
  app: { kind: AppKind; line?: number; reason: string } | undefined;
  kotlin: boolean;
  /** Spring Boot version when known (1.x serves health on /health). */
  bootVersion: string | undefined;
  /** Java version the build compiles for (pom properties, Gradle toolchain). */
  javaVersion: { value: string; line?: number; reason: string } | undefined;
}

export interface JvmBuild {
  root: string;
  tool: 'maven' | 'gradle';
  /** "./mvnw" or "./gradlew" when the wrapper is committed, else "mvn" / "gradle". */
  runner: string;
  modules: JvmModule[];
}

export const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
export const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function hasDependency(m: JvmModule, ...ids: string[]): JvmDependency | undefined {
  // "group:artifact" exact, "artifact" in any group, "group:prefix*" by prefix.
  return m.dependencies.find((d) => ids.some((id) => (id.endsWith('*') ? d.id.startsWith(id.slice(0, -1)) : d.id === id || d.id.endsWith(`:${id}`))));
}
