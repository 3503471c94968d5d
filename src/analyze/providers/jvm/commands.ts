import { posix } from 'node:path';
import type { FactSheet, Origin } from '../../facts.js';
import type { JvmBuild, JvmModule } from './model.js';

/**
 * Build, test and start commands for the app module of a build, run from the component
 * directory (the build root when the build has one app; the app module otherwise, reaching
 * the wrapper and root build through relative paths).
 */
export function addCommands(build: JvmBuild, app: JvmModule, componentDir: string, port: number | undefined, facts: FactSheet): void {
  const toRoot = relative(componentDir, build.root);
  const runner = build.runner.startsWith('./') ? `${toRoot === '.' ? '.' : toRoot}/${build.runner.slice(2)}` : build.runner;
  const origin: Origin = { source: 'manifest', file: app.buildFile, line: app.app?.line, reason: app.app?.reason ?? 'JVM build' };
  const toModule = relative(componentDir, app.dir);
  const inModule = (p: string) => (toModule === '.' ? p : `${toModule}/${p}`);

  if (build.tool === 'maven') {
    const scope = app.path === '.' ? '' : ` -pl ${app.path} -am`;
    const file = toRoot === '.' ? '' : ` -f ${toRoot}/pom.xml`;
    facts.add('commands.build', `${runner} -B${file}${scope} package -DskipTests`, origin);
    facts.add('commands.test', `${runner} -B${file}${scope} test`, origin);
  } else {
    const project = toRoot === '.' ? '' : ` -p ${toRoot}`;
    const task = (t: string) => (app.path === '.' ? t : `:${app.path.split('/').join(':')}:${t}`);
    const buildTask = { 'spring-boot': 'bootJar', application: 'installDist', ktor: 'buildFatJar', quarkus: 'build -x test', micronaut: 'shadowJar', 'fat-jar': 'build -x test', war: 'war' }[app.app!.kind];
    facts.add('commands.build', `${runner}${project} ${task(buildTask)}`, origin);
    facts.add('commands.test', `${runner}${project} ${task('test')}`, origin);
  }

  const start = startCommand(build, app, inModule, port);
  if (start) facts.add('commands.start', start.command, { ...origin, reason: start.reason });
  else if (app.app?.kind === 'war') {
    facts.note({ level: 'warn', file: app.buildFile, line: app.app.line, message: 'the module packages a war for a servlet container; Slipway starts jars', hint: 'set commands.start in slipway.yaml (e.g. run the war in Tomcat), or package an executable jar' });
  }
}

function startCommand(build: JvmBuild, app: JvmModule, inModule: (p: string) => string, port: number | undefined): { command: string; reason: string } | undefined {
  const out = build.tool === 'maven' ? 'target' : 'build/libs';
  const version = app.version && app.version !== 'unspecified' ? `-${app.version}` : '';
  const jar = inModule(`${out}/${app.archive ?? `${app.name}${version}.jar`}`);
  const listen = (prop: string) => (port ? ` -D${prop}=\${PORT:-${port}}` : '');
  switch (app.app?.kind) {
    case 'spring-boot':
      return { command: `java${listen('server.port')} -jar ${jar}`, reason: `the Boot jar ${jar}; listens on $PORT, default ${port}` };
    case 'quarkus':
      return { command: `java${listen('quarkus.http.port')} -jar ${inModule(build.tool === 'maven' ? 'target/quarkus-app/quarkus-run.jar' : 'build/quarkus-app/quarkus-run.jar')}`, reason: 'the Quarkus fast-jar' };
    case 'micronaut':
      return { command: `java${listen('micronaut.server.port')} -jar ${build.tool === 'maven' ? jar : inModule(`build/libs/${app.name}${version}-all.jar`)}`, reason: 'the Micronaut shaded jar' };
    case 'ktor':
      return { command: `java -jar ${inModule(`build/libs/${app.name}-all.jar`)}`, reason: 'the Ktor fat jar (buildFatJar)' };
    case 'application':
      return { command: inModule(`build/install/${app.name}/bin/${app.name}`), reason: 'the installDist launcher script' };
    case 'fat-jar':
      return { command: `java -jar ${jar}`, reason: 'the executable jar' };
    default:
      return undefined;
  }
}

/** Posix relative path from one repository directory to another ("." when equal). */
function relative(from: string, to: string): string {
  const r = posix.relative(from === '.' ? '' : from, to === '.' ? '' : to);
  return r === '' ? '.' : r;
}
