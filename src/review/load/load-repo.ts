import { RepoView } from '../../analyze/repo.js';
import type { AppSpec } from '../../spec/app-spec.js';
import { toBuildspec, toGithubWorkflow, toGitlabCi, parseJenkinsfile, type CiDoc } from '../parse/ci.js';
import { toComposeDoc } from '../parse/compose.js';
import { parseConfigFile } from '../parse/config.js';
import { parseDockerfile } from '../parse/dockerfile.js';
import { toK8sObject, type K8sObject } from '../parse/k8s.js';
import { sourceText, type SourceText } from '../parse/source.js';
import { parseSpecFile } from '../parse/spec.js';
import { parseTerraformFile, warmUpHcl, type TfFile } from '../parse/terraform.js';
import { buildModule } from '../parse/terraform-module.js';
import { parseYamlFile, type YamlDoc } from '../parse/yaml.js';
import type { ReviewInput } from '../input.js';
import { classify, isConfigLike, isHelmTemplate, type FileKind } from './discover.js';
import { collectImageTags } from './image-tags.js';
import { buildK8sSets } from './k8s-sets.js';

export interface LoadOptions {
  /** Render kustomize overlays with `kubectl kustomize` (default true). */
  kustomize?: boolean;
  kubectl?: string;
}

/**
 * The review's edge: reads the repository through RepoView (bounded, no symlink escapes),
 * parses every file it recognises and renders kustomize overlays. A file that cannot be
 * parsed becomes a problem (a `parse-error` finding); the others are reviewed all the same.
 */
export async function loadRepository(dir: string, opts: LoadOptions = {}): Promise<ReviewInput & { root: string }> {
  const repo = RepoView.open(dir);
  const files = repo.files();
  const fileSet = new Set(files);
  const aux = new Map<string, string>();
  const context: { files: ReadonlySet<string>; aux: Map<string, string>; spec: AppSpec | undefined; imageTags: Map<string, string> } = {
    files: fileSet, aux, spec: undefined, imageTags: new Map(),
  };
  const input: ReviewInput = {
    dockerfiles: [], composes: [], k8sSets: [], tfModules: [], ci: [], configs: [], specs: [], problems: [],
    sources: new Map(), context, notes: [],
  };
  const yamlDocs = new Map<string, YamlDoc[]>();
  const kustomizations: string[] = [];
  const tfByDir = new Map<string, { tf: string[]; tfvars: string[] }>();

  // Each file is read and line-indexed once; the parsers share that SourceText.
  const read = (path: string): SourceText | null => {
    const text = repo.read(path);
    if (text === null) return null;
    const src = sourceText(path, text);
    input.sources.set(path, src);
    return src;
  };
  const yaml = (src: SourceText, report: boolean): YamlDoc[] => {
    const parsed = parseYamlFile(src);
    if (report) input.problems.push(...parsed.problems);
    yamlDocs.set(src.path, parsed.docs);
    return parsed.docs;
  };

  // Start loading the HCL parser (a WebAssembly module V8 compiles off the main thread) while YAML is parsed.
  if (files.some((f) => f.endsWith('.tf'))) warmUpHcl();
  const plainObjects: K8sObject[] = [];
  for (const path of files) {
    const kind: FileKind | undefined = classify(path);
    if (!kind || isHelmTemplate(path, fileSet)) continue;
    if (kind === 'terraform' || kind === 'tfvars') {
      const d = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
      const entry = tfByDir.get(d) ?? { tf: [], tfvars: [] };
      (kind === 'terraform' ? entry.tf : entry.tfvars).push(path);
      tfByDir.set(d, entry);
      continue;
    }
    const src = read(path);
    if (src === null) continue;
    switch (kind) {
      case 'aux':
        aux.set(path, src.text);
        break;
      case 'dockerfile': {
        const r = parseDockerfile(src);
        if (r.ok) input.dockerfiles.push(r.doc);
        else input.problems.push(r.problem);
        break;
      }
      case 'compose': {
        const doc = yaml(src, true)[0];
        const c = doc && toComposeDoc(doc);
        if (c) input.composes.push(c);
        break;
      }
      case 'github':
      case 'gitlab':
      case 'buildspec': {
        const doc = yaml(src, true)[0];
        const ci: CiDoc | undefined = doc && (kind === 'github' ? toGithubWorkflow(path, doc) : kind === 'gitlab' ? toGitlabCi(path, doc) : toBuildspec(path, doc));
        if (ci) input.ci.push(ci);
        break;
      }
      case 'jenkins':
        input.ci.push(parseJenkinsfile(src));
        break;
      case 'kustomization':
        yaml(src, true);
        kustomizations.push(path);
        break;
      case 'spec': {
        const r = parseSpecFile(src);
        if (r.ok) {
          input.specs.push(r.doc);
          context.spec = r.doc.spec;
        } else input.problems.push(r.problem);
        break;
      }
      case 'config': {
        // Structured files are parsed once here; the YAML parser reads JSON too.
        const structured = /\.(ya?ml|json)$/i.test(path) ? parseYamlFile(src) : undefined;
        if (structured?.problems.length) input.problems.push(...structured.problems);
        else input.configs.push(parseConfigFile(src, structured?.docs));
        break;
      }
      case 'yaml': {
        const looksK8s = /^\s*(apiVersion|kind)\s*:/m.test(src.text);
        const docs = yaml(src, looksK8s || isConfigLike(path));
        const objects = docs.map(toK8sObject).filter((o): o is K8sObject => !!o);
        if (objects.length) plainObjects.push(...objects);
        else if (isConfigLike(path) && docs.length) input.configs.push(parseConfigFile(src, docs));
        break;
      }
    }
  }

  await loadTerraform(input, tfByDir, read);
  input.k8sSets = await buildK8sSets(repo.root, plainObjects, kustomizations, yamlDocs, fileSet, input, opts);
  context.imageTags = collectImageTags(input);
  for (const n of repo.notes) if (n.level !== 'info') input.notes.push(`${n.file ? `${n.file}: ` : ''}${n.message}`);
  return { ...input, root: repo.root };
}

async function loadTerraform(
  input: ReviewInput,
  byDir: Map<string, { tf: string[]; tfvars: string[] }>,
  read: (p: string) => SourceText | null,
): Promise<void> {
  const parse = async (paths: string[]): Promise<TfFile[]> => {
    const out: TfFile[] = [];
    const results = await Promise.all(
      paths.map(async (p) => {
        const src = read(p);
        return src === null ? null : parseTerraformFile(src);
      }),
    );
    for (const r of results) {
      if (!r) continue;
      if (r.ok) out.push(r.file);
      else input.problems.push(r.problem);
    }
    return out;
  };
  for (const [dir, entry] of [...byDir].sort(([a], [b]) => a.localeCompare(b))) {
    const files = await parse(entry.tf);
    const tfvars = await parse(entry.tfvars);
    if (files.length) input.tfModules.push(buildModule(dir, files, tfvars));
  }
}
