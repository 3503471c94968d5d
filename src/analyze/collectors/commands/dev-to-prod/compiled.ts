import { posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { repoPath, type RepoView } from '../../../repo.js';
import { portFromArgv } from '../port-args.js';
import { joinArgv } from '../shell.js';
import type { DevToProdRule } from './types.js';

const MAVEN = /^(\.\/)?(mvnw|mvn)$/;
const GRADLE = /^(\.\/)?(gradlew|gradle)$/;

/** `<artifactId>-<version>.jar` when pom.xml states both plainly, else a glob the image build resolves. */
function mavenJar(repo: RepoView, dir: string): string {
  const pom = repo.read(repoPath(dir, 'pom.xml')) ?? '';
  const body = pom.replace(/<parent>[\s\S]*?<\/parent>/, '').replace(/<dependencies>[\s\S]*$/, '');
  const artifact = /<artifactId>([^<$]+)<\/artifactId>/.exec(body)?.[1];
  const version = /<version>([^<$]+)<\/version>/.exec(body)?.[1];
  return artifact && version ? `target/${artifact}-${version}.jar` : 'target/*.jar';
}

const springBootRun: DevToProdRule = {
  id: 'spring-boot-run',
  ecosystem: 'jvm',
  example: ['./mvnw spring-boot:run · ./gradlew bootRun', 'java -jar target/<artifact>-<version>.jar · java -jar build/libs/*.jar'],
  match: (argv) => (MAVEN.test(argv[0] ?? '') && argv.includes('spring-boot:run')) || (GRADLE.test(argv[0] ?? '') && argv.includes('bootRun')),
  map(argv, ctx) {
    const tool = argv[0]!;
    if (MAVEN.test(tool)) {
      return { build: `${tool} -DskipTests package`, start: `java -jar ${mavenJar(ctx.repo, ctx.dir)}`, reason: 'spring-boot:run compiles and runs from sources; production runs the packaged jar' };
    }
    return { build: `${tool} bootJar`, start: 'java -jar build/libs/*.jar', reason: 'bootRun runs from sources; production runs the boot jar' };
  },
};

const goRun: DevToProdRule = {
  id: 'go-run',
  ecosystem: 'go',
  example: ['go run ./cmd/api', 'go build -o bin/api ./cmd/api && ./bin/api'],
  match: (argv) => (argv[0] === 'go' && argv[1] === 'run') || argv[0] === 'air',
  map(argv, ctx) {
    const args = argv[0] === 'air' ? ['.'] : argv.slice(2).filter((a) => !a.startsWith('-') || a === '--');
    const pkg = args[0] && args[0] !== '--' ? args[0] : '.';
    const rest = args.slice(1).filter((a) => a !== '--');
    const mod = /^module\s+(\S+)/m.exec(ctx.repo.read(repoPath(ctx.dir, 'go.mod')) ?? '')?.[1];
    const base = pkg.endsWith('.go') || pkg === '.' ? (mod?.split('/').pop() ?? 'app') : posix.basename(pkg);
    const name = base.replace(/[^A-Za-z0-9_-]/g, '') || 'app';
    return { build: `go build -o bin/${name} ${pkg}`, start: joinArgv([`./bin/${name}`, ...rest]), reason: 'go run compiles to a temporary file each time; production runs the built binary' };
  },
};

const dotnetRun: DevToProdRule = {
  id: 'dotnet-run',
  ecosystem: 'dotnet',
  example: ['dotnet run --project src/Web', 'dotnet publish -c Release -o out && dotnet out/Web.dll'],
  match: (argv) => argv[0] === 'dotnet' && (argv[1] === 'run' || argv[1] === 'watch'),
  map(argv, ctx) {
    const p = argv.findIndex((a) => a === '--project' || a === '-p');
    const project = p >= 0 ? argv[p + 1] : undefined;
    const csproj = project?.endsWith('.csproj') ? project : ctx.repo.glob(`${ctx.dir === '.' ? '' : `${ctx.dir}/`}${project ? `${project.replace(/\/$/, '')}/` : ''}*.csproj`)[0];
    if (!csproj) return undefined;
    const name = posix.basename(csproj, '.csproj');
    const target = project ?? '.';
    const port = portFromArgv(argv);
    return {
      build: `dotnet publish ${target === '.' ? '' : `${target} `}-c Release -o out`.replace(/\s+/g, ' '), start: `dotnet out/${name}.dll`, ...(port ? { port } : {}),
      reason: 'dotnet run builds in Debug from sources; production runs the published Release assembly',
    };
  },
};

const cargoRun: DevToProdRule = {
  id: 'cargo-run',
  ecosystem: 'rust',
  example: ['cargo run', 'cargo build --release && ./target/release/<name>'],
  match: (argv) => argv[0] === 'cargo' && argv[1] === 'run',
  map(argv, ctx) {
    const b = argv.indexOf('--bin');
    let bin = b >= 0 ? argv[b + 1] : undefined;
    if (!bin) {
      try {
        const cargo = parseToml(ctx.repo.read(repoPath(ctx.dir, 'Cargo.toml')) ?? '') as { package?: { name?: unknown } };
        if (typeof cargo.package?.name === 'string') bin = cargo.package.name;
      } catch {
        return undefined;
      }
    }
    if (!bin) return undefined;
    const dash = argv.indexOf('--');
    const rest = dash >= 0 ? argv.slice(dash + 1) : [];
    return { build: `cargo build --release${b >= 0 ? ` --bin ${bin}` : ''}`, start: joinArgv([`./target/release/${bin}`, ...rest]), reason: 'cargo run builds a debug binary; production runs the release build' };
  },
};

export const compiledRules: readonly DevToProdRule[] = [springBootRun, goRun, dotnetRun, cargoRun];
