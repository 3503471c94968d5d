import { parseAllDocuments } from 'yaml';

/** A manifest problem: where it is and what the schema said. */
export interface ManifestProblem {
  file: string;
  object: string;
  message: string;
}

/** Kubernetes version of the OpenAPI schema in kubernetes-models 4.5 (its CHANGELOG: "v1.33.0"). */
export const KUBERNETES_SCHEMA_VERSION = '1.33';

/** Kinds with no schema on npm for Node 20: parsed and checked for identity only (docs/kubernetes.md). */
const UNCHECKED_GROUPS = ['kyverno.io/', 'external-secrets.io/', 'kustomize.config.k8s.io/'];

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: object) => Validatable;

/**
 * Validates every object of every YAML file against the official Kubernetes OpenAPI schema
 * (kubernetes-models' compiled validators) and the Prometheus operator CRD schema;
 * `files` maps path → content. Also catches YAML errors and missing identity fields.
 */
export async function validateManifests(files: Record<string, string>): Promise<{ problems: ManifestProblem[]; checked: number; unchecked: number }> {
  const problems: ManifestProblem[] = [];
  let checked = 0;
  let unchecked = 0;
  for (const [file, content] of Object.entries(files)) {
    for (const doc of parseAllDocuments(content)) {
      if (doc.errors.length) {
        problems.push({ file, object: '?', message: doc.errors[0]!.message });
        continue;
      }
      const obj: unknown = doc.toJS();
      if (obj === null || obj === undefined) continue;
      const { apiVersion, kind, name } = identity(obj);
      const label = `${kind ?? '?'}/${name ?? '?'}`;
      if (!apiVersion || !kind) {
        problems.push({ file, object: label, message: 'missing apiVersion or kind' });
        continue;
      }
      if (UNCHECKED_GROUPS.some((g) => apiVersion.startsWith(g))) {
        unchecked++;
        if (!name && !apiVersion.startsWith('kustomize.')) problems.push({ file, object: label, message: 'missing metadata.name' });
        continue;
      }
      const Model = await modelFor(apiVersion, kind);
      if (!Model) {
        problems.push({ file, object: label, message: `no schema for ${apiVersion} ${kind}` });
        continue;
      }
      try {
        new Model(obj as object).validate();
        checked++;
      } catch (err) {
        problems.push({ file, object: label, message: (err as Error).message });
      }
    }
  }
  return { problems, checked, unchecked };
}

function identity(obj: unknown): { apiVersion?: string; kind?: string; name?: string } {
  if (typeof obj !== 'object' || obj === null) return {};
  const o = obj as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
  return {
    apiVersion: typeof o.apiVersion === 'string' ? o.apiVersion : undefined,
    kind: typeof o.kind === 'string' ? o.kind : undefined,
    name: typeof o.metadata?.name === 'string' ? o.metadata.name : undefined,
  };
}

const cache = new Map<string, ModelClass | undefined>();

/** The model class of a kind, by the packages' path convention (`kubernetes-models/apps/v1/Deployment`). */
async function modelFor(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  const key = `${apiVersion}/${kind}`;
  if (cache.has(key)) return cache.get(key);
  const pkg = apiVersion.startsWith('monitoring.coreos.com/') ? '@kubernetes-models/prometheus-operator' : 'kubernetes-models';
  let model: ModelClass | undefined;
  if (/^[a-zA-Z0-9./-]+$/.test(apiVersion) && /^[A-Za-z]+$/.test(kind)) {
    try {
      const mod = (await import(`${pkg}/${apiVersion}/${kind}`)) as Record<string, unknown>;
      model = typeof mod[kind] === 'function' ? (mod[kind] as ModelClass) : undefined;
    } catch {
      model = undefined;
    }
  }
  cache.set(key, model);
  return model;
}
