import { posix } from 'node:path';
import { findLine, readXml } from '../../parse/manifest.js';
import { filesIn } from '../../collectors/dir-index.js';
import { repoPath, type RepoView } from '../../repo.js';

export interface DotnetProject {
  file: string;
  dir: string;
  text: string;
  sdk: string;
  assembly: string;
  language: 'csharp' | 'fsharp';
  targetFramework: { value: string; file: string; line?: number } | undefined;
  outputType: string | undefined;
  isTest: boolean;
  packages: { name: string; file: string; line?: number }[];
  frameworkRefs: string[];
  projectRefs: string[];
}

const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** A property from the project's PropertyGroups. */
function property(project: Record<string, unknown>, name: string): string | undefined {
  for (const group of list(project.PropertyGroup)) {
    const v = str(rec(group)[name]);
    if (v) return v;
  }
  return undefined;
}

export function projectFile(repo: RepoView, dir: string): string | undefined {
  return filesIn(repo, dir).filter((f) => /\.(cs|fs)proj$/.test(f)).sort()[0];
}

/** A *.csproj / *.fsproj read as XML (MSBuild is not evaluated: properties come from the file and Directory.Build.props above it). */
export function readProject(repo: RepoView, file: string): DotnetProject | null {
  const parsed = readXml(repo, file);
  if (!parsed) return null;
  const project = rec(parsed.value.Project);
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
  const items = list(project.ItemGroup).map(rec);
  const include = (kind: string) => items.flatMap((g) => list(g[kind]).map(rec)).map((r) => str(r['@Include'])).filter((x): x is string => !!x);
  const packages = include('PackageReference').map((name) => ({ name, file, line: findLine(parsed.text, `"${name}"`) }));
  const name = file.split('/').pop()!.replace(/\.(cs|fs)proj$/, '');
  const own = property(project, 'TargetFramework') ?? property(project, 'TargetFrameworks')?.split(';')[0];
  const targetFramework = own
    ? { value: own, file, line: findLine(parsed.text, /<TargetFrameworks?>/) }
    : inheritedTargetFramework(repo, dir);
  return {
    file, dir, text: parsed.text,
    sdk: str(project['@Sdk']) ?? '',
    assembly: property(project, 'AssemblyName') ?? name,
    language: file.endsWith('.fsproj') ? 'fsharp' : 'csharp',
    targetFramework,
    outputType: property(project, 'OutputType'),
    isTest: property(project, 'IsTestProject') === 'true' || packages.some((p) => p.name === 'Microsoft.NET.Test.Sdk'),
    packages,
    frameworkRefs: include('FrameworkReference'),
    projectRefs: include('ProjectReference').map((p) => posix.normalize(repoPath(dir, p.replace(/\\/g, '/')))),
  };
}

/** TargetFramework set by a Directory.Build.props (or another *.props) in an ancestor folder. */
function inheritedTargetFramework(repo: RepoView, dir: string): DotnetProject['targetFramework'] {
  const parts = dir === '.' ? [] : dir.split('/');
  for (let i = parts.length; i >= 0; i--) {
    const folder = i === 0 ? '.' : parts.slice(0, i).join('/');
    for (const props of filesIn(repo, folder).filter((f) => f.endsWith('.props'))) {
      const file = repoPath(folder, props);
      const text = repo.read(file, 64 * 1024);
      const m = text ? /<TargetFramework>\s*([\w.]+)\s*<\/TargetFramework>/.exec(text) : null;
      if (m) return { value: m[1]!, file, line: findLine(text!, '<TargetFramework>') };
    }
  }
  return undefined;
}

/** "net8.0" → "8.0"; "netcoreapp3.1" → "3.1"; "net8.0-windows" → "8.0". */
export function runtimeVersion(tfm: string): string | undefined {
  return /^net(?:coreapp)?(\d+\.\d+)/.exec(tfm)?.[1];
}
