import type { Instruction } from '../model.js';
import { exposeWithHealthcheck } from '../healthcheck.js';
import { APP_UID, cacheMounts, createAppUser } from '../runtime-stage.js';
import { strategyVersion } from '../runtime-version.js';
import type { DockerPlan, StrategyContext } from './types.js';

/**
 * JVM (Maven or Gradle): the build image compiles and packages one runnable jar; the
 * runtime is the JRE only. The JVM handles SIGTERM itself (shutdown hooks), so no init.
 */
export function jvmStrategy(ctx: StrategyContext): DockerPlan {
  const { component } = ctx;
  const v = strategyVersion(ctx, 'jvm');
  const gradle = component.packageManager === 'gradle';
  const port = component.port;
  if (component.kind === 'web' && port === undefined) ctx.missing(ctx.key('port'), 'the port the server listens on, e.g. 8080');

  const cache = gradle ? { target: '/home/gradle/.gradle', id: 'gradle' } : { target: '/root/.m2', id: 'maven' };
  const mounts = cacheMounts(ctx.cacheMounts, cache);
  const withCache = (commands: string[], comment?: string): Instruction => ({ op: 'RUN', commands, ...mounts, ...(comment ? { comment } : {}) });
  const build: Instruction[] = gradle
    ? [
        { op: 'COPY', sources: ['build.gradle*', 'settings.gradle*', 'gradle.properties*'], dest: './' },
        withCache(['gradle --no-daemon dependencies > /dev/null'], 'Dependencies resolved once; reused until a build file changes'),
        { op: 'COPY', sources: ['.'], dest: '.' },
        withCache([
          component.commands.build ?? 'gradle --no-daemon bootJar -x test',
          "find build/libs -name '*.jar' ! -name '*-plain.jar' | head -n 1 | xargs -I{} cp {} /tmp/app.jar",
        ]),
      ]
    : [
        { op: 'COPY', sources: ['pom.xml'], dest: './' },
        withCache(['mvn -B -q dependency:go-offline'], 'Dependencies resolved once; reused until pom.xml changes'),
        { op: 'COPY', sources: ['src'], dest: './src' },
        withCache([
          'mvn -B -q package -DskipTests',
          "find target -maxdepth 1 -name '*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name 'original-*' | head -n 1 | xargs -I{} cp {} /tmp/app.jar",
        ]),
      ];
  if (component.commands.start && !/\bjava\b.*-jar\b/.test(component.commands.start)) {
    ctx.note({ level: 'warn', message: `${component.name}: the image runs the packaged jar (java -jar), not "${component.commands.start}"` });
  }
  return {
    stages: [
      {
        name: 'build',
        from: gradle ? `gradle:8-jdk${v}` : `maven:3.9-eclipse-temurin-${v}`,
        comment: 'Build: one runnable jar; tests run in the pipeline, not in the image build',
        steps: [
          { op: 'SHELL', argv: ['/bin/bash', '-o', 'pipefail', '-c'], comment: 'pipefail: a failing step in a pipe fails the build' },
          { op: 'WORKDIR', path: '/src' },
          ...build,
        ],
      },
      {
        from: `eclipse-temurin:${v}-jre`,
        comment: 'Runtime: the JRE and the jar',
        steps: [
          { op: 'RUN', commands: createAppUser() },
          { op: 'ENV', vars: [['JAVA_TOOL_OPTIONS', '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError'], ...(port ? ([['SERVER_PORT', String(port)]] as [string, string][]) : [])] },
          { op: 'WORKDIR', path: '/app' },
          { op: 'COPY', from: 'build', sources: ['/tmp/app.jar'], dest: './app.jar' },
          { op: 'USER', user: `${APP_UID}:${APP_UID}` },
          ...exposeWithHealthcheck('bash', port, component.healthcheck),
          { op: 'CMD', argv: ['java', '-jar', '/app/app.jar'], comment: 'The JVM is PID 1 and exits on SIGTERM after its shutdown hooks' },
        ],
      },
    ],
    ignore: ['target/', 'build/', '.gradle/', '*.class'],
  };
}
