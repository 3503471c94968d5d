import type {
  ComponentKind, Language, PackageManager, Runtime, ServiceType, Tier,
} from '../spec/component.js';
import type { Evidence, EvidenceSource } from '../spec/evidence.js';
import type { Note } from './notes.js';

/** The single-valued fields of a component, as the analyzer decides them. */
export interface ScalarFields {
  kind: ComponentKind;
  language: Language;
  runtime: Runtime;
  runtimeVersion: string;
  packageManager: PackageManager;
  packageManagerVersion: string;
  framework: string;
  'commands.install': string;
  'commands.build': string;
  'commands.test': string;
  'commands.start': string;
  'commands.release': string;
  port: number;
  healthcheck: string;
  staticDir: string;
  tier: Tier;
  installDevDependencies: boolean;
}
export type Field = keyof ScalarFields;

/** Where a candidate was read; `weight` overrides the source's default weight (0..1). */
export interface Origin {
  source: EvidenceSource;
  file?: string;
  line?: number;
  excerpt?: string;
  reason?: string;
  weight?: number;
}
export interface Candidate<T> extends Origin {
  value: T;
}

export interface EnvAttrs {
  required?: boolean;
  secret?: boolean;
  default?: string;
  description?: string;
}

/**
 * Everything learned about one component directory: candidates for each field from every
 * provider and evidence source. Providers and sources only add; `resolve` decides.
 */
export class FactSheet {
  readonly candidates: { [K in Field]?: Candidate<ScalarFields[K]>[] } = {};
  readonly env = new Map<string, Candidate<EnvAttrs>[]>();
  readonly services = new Map<ServiceType, Candidate<{ version?: string }>[]>();
  readonly notes: Note[] = [];
  /**
   * Services the code only connects to when a variable is set (`if (process.env.REDIS_URL)`):
   * optional features. Such a service is left out when nothing but a dependency names it.
   */
  readonly optionalServices = new Map<ServiceType, Candidate<{ variable: string }>>();
  /** Non-web processes (Procfile entries, queue workers): each becomes a worker component. */
  readonly processes: Candidate<{ type: string; command: string }>[] = [];
  /** False when the directory holds a library or a workspace root, not something to deploy. */
  deployable = true;
  /** Suggested component name (package name, project name); the directory name otherwise. */
  name: string | undefined;

  constructor(
    readonly dir: string,
    readonly provider: string,
  ) {}

  add<K extends Field>(field: K, value: ScalarFields[K], origin: Origin): void {
    const list = (this.candidates[field] ??= []) as Candidate<ScalarFields[K]>[];
    list.push({ ...origin, value });
  }

  addEnv(name: string, attrs: EnvAttrs, origin: Origin): void {
    const list = this.env.get(name) ?? [];
    list.push({ ...origin, value: attrs });
    this.env.set(name, list);
  }

  addService(type: ServiceType, origin: Origin & { version?: string }): void {
    const { version, ...rest } = origin;
    const list = this.services.get(type) ?? [];
    list.push({ ...rest, value: version ? { version } : {} });
    this.services.set(type, list);
  }

  addProcess(type: string, command: string, origin: Origin): void {
    if (!this.processes.some((p) => p.value.type === type)) this.processes.push({ ...origin, value: { type, command } });
  }

  markOptionalService(type: ServiceType, variable: string, origin: Origin): void {
    if (!this.optionalServices.has(type)) this.optionalServices.set(type, { ...origin, value: { variable } });
  }

  has(field: Field): boolean {
    return (this.candidates[field]?.length ?? 0) > 0;
  }

  /** The value with the highest weight so far (for decisions that depend on earlier facts). */
  best<K extends Field>(field: K): ScalarFields[K] | undefined {
    const list = this.candidates[field] as Candidate<ScalarFields[K]>[] | undefined;
    if (!list?.length) return undefined;
    return [...list].sort((a, b) => weightOf(b) - weightOf(a))[0]!.value;
  }

  note(n: Note): void {
    this.notes.push(n);
  }
}

/** Default weight of a source: the documented precedence (docs/analyzer.md). */
export const SOURCE_WEIGHT: Record<EvidenceSource, number> = {
  user: 1,
  procfile: 0.9,
  manifest: 0.9,
  lockfile: 0.95,
  dockerfile: 0.85,
  compose: 0.8,
  config: 0.8,
  source: 0.7,
  'env-example': 0.6,
  readme: 0.6,
  convention: 0.3,
};

export function weightOf(o: Origin): number {
  return o.weight ?? SOURCE_WEIGHT[o.source];
}

export function toEvidence<T>(c: Candidate<T>): Evidence {
  const e: Evidence = { source: c.source };
  if (c.file) e.file = c.file;
  if (c.line) e.line = c.line;
  if (c.excerpt) e.excerpt = c.excerpt;
  e.value = c.value;
  if (c.reason) e.reason = c.reason;
  return e;
}
