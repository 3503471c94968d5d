import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { positionAt, type SourceText } from './source.js';
import type { YamlDoc } from './yaml.js';

export interface ConfigEntry {
  /** Dotted path for structured files, the variable name for .env files. */
  key: string;
  value: string;
  line: number;
  column: number;
}

/** A .env or configuration file, flattened to key/value entries with positions. */
export interface ConfigDoc {
  path: string;
  source: SourceText;
  format: 'env' | 'properties' | 'structured';
  /** A template meant to be committed (.env.example, config.sample.yaml …). */
  example: boolean;
  entries: ConfigEntry[];
}

const EXAMPLE = /(^|[._-])(example|sample|template|dist|defaults?|tmpl|tpl)([._-]|$)/i;

export function isExampleFile(path: string): boolean {
  const base = path.split('/').pop() ?? path;
  return EXAMPLE.test(base);
}

/** `docs`: the file's YAML documents, already parsed by the loader (structured formats only). */
export function parseConfigFile(source: SourceText, docs: readonly YamlDoc[] = []): ConfigDoc {
  const { path } = source;
  const base = path.split('/').pop() ?? path;
  const format: ConfigDoc['format'] = /\.(ya?ml|json)$/i.test(base)
    ? 'structured'
    : /^\.env|\.env$/i.test(base)
      ? 'env'
      : 'properties';
  const entries = format === 'structured' ? structuredEntries(source, docs) : lineEntries(source, format);
  return { path, source, format, example: isExampleFile(path), entries };
}

/** KEY=value lines (.env, .properties, .ini, .toml, .npmrc): quotes removed, inline comments dropped. */
function lineEntries(source: SourceText, format: 'env' | 'properties'): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  const re = format === 'env' ? /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*/ : /^(\s*)([A-Za-z0-9_.:/@-]+)\s*[=:]\s*/;
  source.lineStarts.forEach((start, i) => {
    const end = source.lineStarts[i + 1] ?? source.text.length + 1;
    const line = source.text.slice(start, end - 1).replace(/\r$/, '');
    if (/^\s*[#;!]/.test(line)) return;
    const m = re.exec(line);
    if (!m) return;
    let value = line.slice(m[0].length);
    const q = value[0];
    if (q === '"' || q === "'") {
      const close = value.indexOf(q, 1);
      value = close > 0 ? value.slice(1, close) : value.slice(1);
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    out.push({ key: m[2]!, value, line: i + 1, column: m[0].length + 1 });
  });
  return out;
}

function structuredEntries(source: SourceText, docs: readonly YamlDoc[]): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  const walk = (node: unknown, prefix: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = prefix ? `${prefix}.${String(pair.key.value)}` : String(pair.key.value);
        walk(pair.value, key);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, `${prefix}[${i}]`));
    } else if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
      const at = positionAt(source, (node as Node).range?.[0] ?? 0);
      out.push({ key: prefix, value: String(node.value), ...at });
    }
  };
  for (const d of docs) walk(d.doc.contents, '');
  return out;
}
