import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { repoPath, type RepoView } from '../../repo.js';

/** One key of a Spring/Quarkus/Micronaut configuration file, flattened to dotted form. */
export interface ConfigEntry {
  key: string;
  value: string;
  /** Spring profile the entry belongs to; undefined for the default configuration. */
  profile: string | undefined;
  file: string;
  line: number;
}

const FILE = /(^|\/)(application|bootstrap)(-([\w-]+))?\.(properties|ya?ml)$/;

/**
 * Reads `src/main/resources/application*.{properties,yml,yaml}` of a module: every
 * document of a multi-document YAML file, with the profile it activates on. Parsed as data;
 * a malformed file is noted (file and line) and skipped.
 */
export function readAppConfig(repo: RepoView, moduleDir: string): ConfigEntry[] {
  const files = repo.glob(repoPath(moduleDir, 'src/main/resources/*.{properties,yml,yaml}')).filter((f) => FILE.test(f));
  const out: ConfigEntry[] = [];
  for (const file of files.sort((a, b) => a.length - b.length || a.localeCompare(b))) {
    const text = repo.read(file);
    if (!text) continue;
    const m = FILE.exec(file)!;
    const profile = m[4];
    if (m[5] === 'properties') out.push(...properties(text, file, profile));
    else out.push(...yamlEntries(repo, text, file, profile));
  }
  return out;
}

function properties(text: string, file: string, profile: string | undefined): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) return;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m) out.push({ key: m[1]!, value: m[2]!.trim(), profile, file, line: i + 1 });
  });
  return out;
}

function yamlEntries(repo: RepoView, text: string, file: string, fileProfile: string | undefined): ConfigEntry[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const out: ConfigEntry[] = [];
  for (const doc of Array.isArray(docs) ? docs : []) {
    const error = doc.errors[0];
    if (error) {
      repo.addNote({ level: 'error', file, line: error.linePos?.[0].line, message: `malformed YAML: ${error.message.split('\n')[0]}; analysis continues without it`, hint: `fix the YAML syntax in ${file}` });
      continue;
    }
    const entries: ConfigEntry[] = [];
    const walk = (node: Node | null | undefined, prefix: string) => {
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
          walk(pair.value as Node, prefix ? `${prefix}.${key}` : key);
        }
      } else if (isScalar(node) && node.value !== null && node.range) {
        entries.push({ key: prefix, value: String(node.value), profile: fileProfile, file, line: lineCounter.linePos(node.range[0]).line });
      } else if (isSeq(node) && node.range) {
        const values = node.items.filter(isScalar).map((s) => String(s.value));
        entries.push({ key: prefix, value: values.join(','), profile: fileProfile, file, line: lineCounter.linePos(node.range[0]).line });
      }
    };
    walk(doc.contents as Node, '');
    const activation = entries.find((e) => e.key === 'spring.profiles' || e.key === 'spring.config.activate.on-profile')?.value;
    // "spring.profiles: local, default" is active when no profile is chosen: it is the default.
    const docProfile = activation && !activation.split(',').some((p) => p.trim() === 'default') ? activation : undefined;
    out.push(...entries.map((e) => ({ ...e, profile: docProfile ?? e.profile })));
  }
  return out;
}

/** The default-profile value of the first key present. */
export function setting(entries: readonly ConfigEntry[], ...keys: string[]): ConfigEntry | undefined {
  for (const key of keys) {
    const hit = entries.find((e) => e.key === key && e.profile === undefined && !/(^|\/)bootstrap/.test(e.file));
    if (hit) return hit;
  }
  return undefined;
}

/** "${PORT:8080}" → { env: "PORT", fallback: "8080" }; "8090" → { fallback: "8090" }. */
export function placeholder(value: string): { env?: string; fallback?: string } {
  const m = /^\$\{([\w.-]+)(?::([^}]*))?\}$/.exec(value.trim());
  if (!m) return { fallback: value.trim() };
  return { env: m[1], ...(m[2] !== undefined ? { fallback: m[2] } : {}) };
}
