import { posix } from 'node:path';
import type { FactSheet } from '../../facts.js';
import type { Provider } from '../../provider.js';
import { filesIn } from '../../collectors/dir-index.js';
import { repoPath, type RepoView } from '../../repo.js';
import { projectFile, readProject, runtimeVersion, type DotnetProject } from './project.js';
import { addServices } from './services.js';
import { scanSources } from './source.js';

/** Kestrel's port in the official container images since .NET 8 (ASPNETCORE_HTTP_PORTS). */
const DEFAULT_PORT = 8080;

export const dotnetProvider: Provider = {
  id: 'dotnet',
  manifests: ['*.csproj', '*.fsproj', '*.sln', 'Directory.Build.props', 'global.json', 'appsettings.json'],
  detect(repo: RepoView, dir: string) {
    const file = projectFile(repo, dir);
    return file ? [{ source: 'manifest', file: repoPath(dir, file), reason: `${file} present` }] : [];
  },
  analyze(repo: RepoView, dir: string, facts: FactSheet): void {
    const file = projectFile(repo, dir);
    const project = file ? readProject(repo, repoPath(dir, file)) : null;
    if (!project) return;
    const origin = { source: 'manifest' as const, file: project.file, reason: `${project.sdk || 'MSBuild'} project` };
    facts.add('language', project.language, origin);
    facts.add('runtime', 'dotnet', origin);
    facts.add('packageManager', 'dotnet', { ...origin, reason: 'dotnet restore (NuGet)' });
    facts.name ??= project.assembly;
    const tfm = project.targetFramework;
    const version = tfm && runtimeVersion(tfm.value);
    if (version) facts.add('runtimeVersion', version, { source: 'manifest', file: tfm.file, line: tfm.line, excerpt: `<TargetFramework>${tfm.value}</TargetFramework>`, reason: 'target framework' });
    addGlobalJsonVersion(repo, dir, facts);

    const kind = kindOf(project);
    if (kind === 'library' || kind === 'test') {
      facts.deployable = false;
      facts.note({ level: 'info', file: project.file, message: `${kind === 'test' ? 'a test project' : 'a class library'}: not deployable on its own` });
      return;
    }
    facts.add('commands.install', 'dotnet restore', origin);
    facts.add('commands.build', 'dotnet publish -c Release -o out', { ...origin, reason: 'publish the app and its dependencies to out/' });
    addTestCommand(repo, dir, facts);
    if (kind === 'static') {
      facts.add('kind', 'static', { ...origin, reason: 'Blazor WebAssembly: published as static files' });
      facts.add('staticDir', 'out/wwwroot', { ...origin, reason: 'dotnet publish puts the site in wwwroot/' });
      return;
    }
    if (kind === 'worker') facts.add('kind', 'worker', { ...origin, reason: 'a console or worker-service app (no ASP.NET Core)' });
    else facts.add('framework', 'aspnetcore', { ...origin, reason: project.sdk === 'Microsoft.NET.Sdk.Web' ? 'Web SDK' : 'references Microsoft.AspNetCore.App' });
    const found = scanSources(repo, project, facts);
    const dll = `out/${project.assembly}.dll`;
    if (kind === 'web') {
      const port = found.port ?? DEFAULT_PORT;
      // Weighted above a README's localhost:5xxx, which is launchSettings.json's development URL.
      if (!found.port) facts.add('port', DEFAULT_PORT, { source: 'convention', weight: 0.65, file: project.file, reason: 'ASP.NET Core container port since .NET 8; the start command binds it' });
      facts.add('commands.start', `dotnet ${dll} --urls http://0.0.0.0:\${PORT:-${port}}`, { ...origin, reason: 'the published assembly, listening on $PORT' });
      facts.addEnv('ASPNETCORE_ENVIRONMENT', { default: 'Production' }, { source: 'convention', file: project.file, reason: 'ASP.NET Core environment' });
    } else {
      facts.add('commands.start', `dotnet ${dll}`, { ...origin, reason: 'the published assembly' });
    }
    addServices(repo, project, facts);
  },
  startHelp: '.NET apps start from the published assembly: e.g. build `dotnet publish -c Release -o out`, start `dotnet out/MyApp.dll`.',
};

function kindOf(p: DotnetProject): 'web' | 'worker' | 'static' | 'library' | 'test' {
  if (p.isTest) return 'test';
  if (p.sdk === 'Microsoft.NET.Sdk.BlazorWebAssembly') return 'static';
  if (p.sdk === 'Microsoft.NET.Sdk.Web' || p.sdk === 'Microsoft.NET.Sdk.Razor' && p.outputType === 'Exe') return 'web';
  if (p.sdk === 'Microsoft.NET.Sdk.Worker') return 'worker';
  if (p.outputType === 'Exe' || p.outputType === 'WinExe') return p.frameworkRefs.includes('Microsoft.AspNetCore.App') ? 'web' : 'worker';
  return 'library';
}

/** global.json pins the SDK: a weaker hint than the target framework. */
function addGlobalJsonVersion(repo: RepoView, dir: string, facts: FactSheet): void {
  const parts = dir === '.' ? [] : dir.split('/');
  for (let i = parts.length; i >= 0; i--) {
    const file = repoPath(i === 0 ? '.' : parts.slice(0, i).join('/'), 'global.json');
    const text = repo.has(file) ? repo.read(file, 16 * 1024) : null;
    const m = text ? /"version"\s*:\s*"(\d+\.\d+)/.exec(text) : null;
    if (m) return facts.add('runtimeVersion', m[1]!, { source: 'manifest', file, reason: 'global.json sdk version', weight: 0.6 });
  }
}

/** `dotnet test` on the nearest solution above the project (it holds the test projects). */
function addTestCommand(repo: RepoView, dir: string, facts: FactSheet): void {
  const parts = dir === '.' ? [] : dir.split('/');
  for (let i = parts.length; i >= 0; i--) {
    const folder = i === 0 ? '.' : parts.slice(0, i).join('/');
    const solutions = filesIn(repo, folder).filter((f) => f.endsWith('.sln'));
    if (!solutions.length) continue;
    // Several solutions: the one listing this project, named like the repository, shortest.
    const project = dir.split('/').pop()!.toLowerCase();
    const repoName = repo.root.split('/').pop()!.toLowerCase();
    const score = (f: string) =>
      (repo.read(repoPath(folder, f), 256 * 1024)?.toLowerCase().includes(project) ? 0 : 2) + (repoName.includes(f.replace(/\.sln$/, '').toLowerCase()) ? 0 : 1);
    const sln = solutions.sort((a, b) => score(a) - score(b) || a.length - b.length)[0]!;
    const rel = posix.relative(dir === '.' ? '' : dir, repoPath(folder, sln));
    return facts.add('commands.test', `dotnet test ${rel}`, { source: 'manifest', file: repoPath(folder, sln), reason: 'the solution holds the test projects' });
  }
}
