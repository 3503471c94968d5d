import type { FactSheet } from '../../facts.js';
import type { Provider } from '../../provider.js';
import { filesIn } from '../../collectors/dir-index.js';
import { repoPath, type RepoView } from '../../repo.js';
import { readCargo, targetDir, toolchainVersion } from './cargo.js';
import { addFramework, addServices } from './facts.js';
import { scanSources } from './source.js';

/** Default ports of frameworks that have one when the code does not say. */
const FRAMEWORK_PORT: Record<string, number> = { rocket: 8000 };
const SERVER_NAME = /^(server|api|web|app|http|service)$/;

export const rustProvider: Provider = {
  id: 'rust',
  manifests: ['Cargo.toml', 'Cargo.lock', 'rust-toolchain', 'rust-toolchain.toml', 'Rocket.toml'],
  detect(repo: RepoView, dir: string) {
    const file = repoPath(dir, 'Cargo.toml');
    const text = filesIn(repo, dir).includes('Cargo.toml') ? repo.read(file, 64 * 1024) : null;
    // A virtual workspace root (no [package]) is not a component; its members are.
    return text && /^\[package\]/m.test(text) ? [{ source: 'manifest', file, reason: 'Cargo.toml with a [package]' }] : [];
  },
  analyze(repo: RepoView, dir: string, facts: FactSheet): void {
    const pkg = readCargo(repo, dir);
    if (!pkg) return;
    const origin = { source: 'manifest' as const, file: pkg.file, reason: 'Cargo package' };
    facts.add('language', 'rust', origin);
    facts.add('runtime', 'rust', origin);
    facts.add('packageManager', 'cargo', { ...origin, reason: 'Cargo' });
    facts.name ??= pkg.name;
    if (pkg.rustVersion) facts.add('runtimeVersion', pkg.rustVersion.value, { ...origin, line: pkg.rustVersion.line, reason: 'Cargo.toml > package > rust-version (minimum)' });
    const toolchain = toolchainVersion(repo, pkg.workspaceRoot ?? dir) ?? toolchainVersion(repo, dir);
    if (toolchain) facts.add('runtimeVersion', toolchain.value, { source: 'manifest', file: toolchain.file, line: toolchain.line, excerpt: toolchain.excerpt, reason: 'rust-toolchain channel' });
    if (pkg.bins.length === 0) {
      facts.deployable = false;
      facts.note({ level: 'info', file: pkg.file, message: 'a library crate (no binary target): not deployable on its own' });
      return;
    }
    const bin = pkg.bins.find((b) => b.name === pkg.name) ?? pkg.bins.find((b) => SERVER_NAME.test(b.name)) ?? pkg.bins[0]!;
    const locked = repo.has(repoPath(pkg.workspaceRoot ?? dir, 'Cargo.lock')) ? ' --locked' : '';
    const only = pkg.bins.length > 1 ? ` --bin ${bin.name}` : '';
    facts.add('commands.install', `cargo fetch${locked}`, { ...origin, reason: 'download the crates Cargo.lock pins' });
    facts.add('commands.build', `cargo build --release${locked}${only}`, { ...origin, reason: `binary target ${bin.name}` });
    facts.add('commands.test', 'cargo test', { source: 'convention', file: pkg.file, reason: 'cargo test' });
    facts.add('commands.start', `./${targetDir(pkg, dir)}/release/${bin.name}`, { ...origin, line: bin.line, reason: `binary target ${bin.name} (${bin.path})` });
    const framework = addFramework(pkg, facts);
    const port = scanSources(repo, dir, facts);
    if (port === undefined && framework && FRAMEWORK_PORT[framework]) {
      facts.add('port', FRAMEWORK_PORT[framework], { source: 'convention', file: pkg.file, reason: `${framework} listens on ${FRAMEWORK_PORT[framework]} by default` });
    }
    if (framework === 'rocket') facts.addEnv('ROCKET_ADDRESS', { default: '0.0.0.0', description: 'Rocket binds 127.0.0.1 unless told otherwise' }, { source: 'convention', file: pkg.file, reason: 'Rocket in a container' });
    addServices(pkg, facts);
  },
  startHelp: 'Rust services start from the release binary: e.g. build `cargo build --release`, start `./target/release/my-service`.',
};
