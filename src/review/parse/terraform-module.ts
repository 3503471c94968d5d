import type { HclBlock } from './hcl-positions.js';
import { positionAt } from './source.js';
import type { Json, TfFile } from './terraform.js';
import type { Location } from '../model.js';

export type Environment = 'prod' | 'nonprod';

/** A `resource`, `data`, `provider` … block: its values (from hcl2json) and where it is written. */
export interface TfBlock {
  kind: string;
  /** Resource/data type (`aws_s3_bucket`), provider name, or variable name. */
  type: string;
  /** Resource/data name; '' for providers. */
  name: string;
  body: Json;
  file: TfFile;
  pos: HclBlock | undefined;
}

/** The .tf files of one directory: Terraform evaluates them together. */
export interface TfModule {
  dir: string;
  files: TfFile[];
  resources: TfBlock[];
  data: TfBlock[];
  providers: TfBlock[];
  variables: Map<string, unknown>;
  locals: Map<string, unknown>;
  /** Values from terraform.tfvars / *.auto.tfvars. */
  tfvars: Map<string, unknown>;
  /** prod / non-prod, from the path, an `environment` variable or tag; undefined when unknown. */
  env: Environment | undefined;
}

const PROD = /^(prod|production|prd|live)$/i;
const NONPROD = /^(dev|develop|development|test|testing|qa|uat|staging|stage|stg|nonprod|non-prod|sandbox|preview|int|integration)$/i;

export function classifyEnvironment(value: unknown): Environment | undefined {
  if (typeof value !== 'string') return undefined;
  if (PROD.test(value)) return 'prod';
  if (NONPROD.test(value)) return 'nonprod';
  return undefined;
}

/** Environment named by a path segment (envs/prod, overlays/dev, prod.tfvars …). */
export function environmentFromPath(path: string): Environment | undefined {
  for (const seg of path.split('/').reverse()) {
    const base = seg.replace(/\.(tf|tfvars|ya?ml|json)$/i, '');
    const env = classifyEnvironment(base) ?? classifyEnvironment(base.split(/[-_.]/).pop());
    if (env) return env;
  }
  return undefined;
}

export function buildModule(dir: string, files: TfFile[], tfvarFiles: TfFile[]): TfModule {
  const mod: TfModule = {
    dir, files, resources: [], data: [], providers: [], variables: new Map(), locals: new Map(), tfvars: new Map(), env: undefined,
  };
  for (const file of files) {
    for (const kind of ['resource', 'data'] as const) {
      const byType = (file.json[kind] ?? {}) as Record<string, Record<string, Json[]>>;
      for (const [type, byName] of Object.entries(byType)) {
        for (const [name, bodies] of Object.entries(byName)) {
          const pos = file.root.blocks.find((b) => b.type === kind && b.labels[0] === type && b.labels[1] === name);
          (kind === 'resource' ? mod.resources : mod.data).push({ kind, type, name, body: bodies[0] ?? {}, file, pos });
        }
      }
    }
    const providers = (file.json.provider ?? {}) as Record<string, Json[]>;
    for (const [type, bodies] of Object.entries(providers)) {
      const positions = file.root.blocks.filter((b) => b.type === 'provider' && b.labels[0] === type);
      bodies.forEach((body, i) => mod.providers.push({ kind: 'provider', type, name: '', body, file, pos: positions[i] }));
    }
    for (const [name, bodies] of Object.entries((file.json.variable ?? {}) as Record<string, Json[]>)) {
      mod.variables.set(name, bodies[0]?.default);
    }
    for (const locals of (file.json.locals ?? []) as Json[]) {
      for (const [k, v] of Object.entries(locals)) mod.locals.set(k, v);
    }
  }
  for (const f of tfvarFiles) for (const [k, v] of Object.entries(f.json)) mod.tfvars.set(k, v);
  mod.env = detectEnvironment(mod);
  return mod;
}

function detectEnvironment(mod: TfModule): Environment | undefined {
  const fromPath = environmentFromPath(mod.dir);
  if (fromPath) return fromPath;
  for (const key of ['environment', 'env', 'stage', 'environment_name']) {
    const v = mod.tfvars.get(key) ?? mod.variables.get(key) ?? mod.locals.get(key);
    const env = classifyEnvironment(v);
    if (env) return env;
  }
  for (const p of mod.providers) {
    const tags = ((p.body.default_tags as Json[] | undefined)?.[0]?.tags ?? {}) as Json;
    const env = classifyEnvironment(tags.Environment ?? tags.environment ?? tags.env);
    if (env) return env;
  }
  return undefined;
}

/**
 * A value with simple references resolved: `${var.x}` → the tfvars value or the variable's
 * default, `${local.y}` → the local's value. Anything else stays as written.
 */
export function resolveValue(mod: TfModule, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = /^\$\{(var|local)\.([A-Za-z0-9_-]+)\}$/.exec(value);
  if (!m) return value;
  const v = m[1] === 'var' ? (mod.tfvars.get(m[2]!) ?? mod.variables.get(m[2]!)) : mod.locals.get(m[2]!);
  return v === undefined ? value : v;
}

/** True for a value Terraform only knows at plan time (an expression). */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/** `get(body, 'versioning.0.enabled')` → the nested value (blocks are arrays in hcl2json). */
export function get(body: unknown, path: string): unknown {
  let cur: unknown = body;
  for (const seg of path.split('.')) {
    if (cur === null || cur === undefined) return undefined;
    if (Array.isArray(cur)) cur = /^\d+$/.test(seg) ? cur[Number(seg)] : (cur[0] as Json | undefined)?.[seg];
    else if (typeof cur === 'object') cur = (cur as Json)[seg];
    else return undefined;
  }
  return cur;
}

/** The first block of a nested block type (`versioning`, `metadata_options` …), if any. */
export function block(body: Json, name: string): Json | undefined {
  const v = body[name];
  if (Array.isArray(v)) return v[0] as Json | undefined;
  if (v && typeof v === 'object') return v as Json;
  return undefined;
}

export function blocks(body: Json, name: string): Json[] {
  const v = body[name];
  if (Array.isArray(v)) return v.filter((x): x is Json => !!x && typeof x === 'object');
  if (v && typeof v === 'object') return [v as Json];
  return [];
}

/**
 * Where a path inside a block is written: the attribute or nested block if present, else
 * the deepest existing block along the path, else the block header.
 */
export function tfLocation(b: TfBlock, path: string[] = []): Location {
  const file = b.file.path;
  if (!b.pos) return { file, line: 1, column: 1 };
  let cur: HclBlock = b.pos;
  let line = cur.line;
  let column = cur.column;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const attr = cur.attrs.get(seg);
    if (attr) return { file, line: attr.line, column: attr.column };
    const nested: HclBlock[] = cur.blocks.filter((x) => x.type === seg);
    const next = path[i + 1];
    const index = next !== undefined && /^\d+$/.test(next) ? Number(next) : 0;
    if (next !== undefined && /^\d+$/.test(next)) i++;
    const found: HclBlock | undefined = nested[index];
    if (!found) break;
    cur = found;
    line = found.line;
    column = found.column;
  }
  return { file, line, column };
}

/** Line/column of an offset in a Terraform file. */
export function tfPosition(file: TfFile, offset: number): Location {
  return { file: file.path, ...positionAt(file.source, offset) };
}
