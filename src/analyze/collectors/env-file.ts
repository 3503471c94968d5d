import { filesIn } from './dir-index.js';
import type { FactSheet } from '../facts.js';
import type { AnalyzeContext, EvidenceCollector } from '../provider.js';
import { serviceFromEnv } from './env-services.js';
import { evidenceDirs } from './scope.js';

/** Example environment files a repository commits to document its settings. */
const EXAMPLE_FILE = /^(\.env(\.(example|sample|template|dist|defaults|docker|prod|production|dev|development))?|(example|sample|variables|default|app)\.env|env\.(example|sample|template))$/i;
const ASSIGNMENT = /^\s*(#\s*)?(export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
/** Values that stand for "put yours here": the variable is required. */
const PLACEHOLDER = /^$|^<.*>$|^\$\{?[A-Z_]+\}?$|change.?me|your[-_ ]|replace|xxx|\.\.\.|todo/i;

export interface EnvEntry {
  name: string;
  value: string;
  line: number;
  commented: boolean;
  description?: string;
}

/** Parses dotenv text: assignments, commented-out assignments (optional settings), their comments. */
export function parseEnvFile(text: string): EnvEntry[] {
  const out: EnvEntry[] = [];
  let comment: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const m = ASSIGNMENT.exec(raw);
    if (m) {
      const value = m[4]!.replace(/\s+#.*$/, '').trim().replace(/^(['"])(.*)\1$/, '$2');
      const description = comment.join(' ').trim();
      out.push({ name: m[3]!, value, line: i + 1, commented: Boolean(m[1]), ...(description ? { description } : {}) });
      comment = [];
    } else if (/^\s*#/.test(raw)) comment.push(raw.replace(/^\s*#+\s?/, ''));
    else comment = [];
  });
  return out;
}

/** .env.example, .env.sample, a committed .env, variables.env …: variable names, defaults, services, the port. */
export const envFileCollector: EvidenceCollector = {
  id: 'env-file',
  collect(repo, facts: FactSheet, ctx: AnalyzeContext) {
    for (const { dir } of evidenceDirs(facts, ctx)) {
      for (const file of filesIn(repo, dir).filter((f) => EXAMPLE_FILE.test(f))) {
        const path = dir === '.' ? file : `${dir}/${file}`;
        const text = repo.read(path, 256 * 1024);
        if (text === null || repo.isGenerated(path)) continue;
        for (const e of parseEnvFile(text)) addEntry(facts, path, e);
      }
    }
  },
};

function addEntry(facts: FactSheet, file: string, e: EnvEntry): void {
  const origin = { source: 'env-example' as const, file, line: e.line, excerpt: `${e.name}=${e.value}`.slice(0, 120), ...(e.commented ? { weight: 0.4 } : {}) };
  const placeholder = PLACEHOLDER.test(e.value);
  facts.addEnv(e.name, {
    required: !e.commented && placeholder,
    ...(!placeholder && !e.value.includes('${') ? { default: e.value } : {}),
    ...(e.description ? { description: e.description.slice(0, 200) } : {}),
  }, { ...origin, reason: `${file} declares ${e.name}${e.commented ? ' (commented out: optional)' : ''}` });
  if (e.name === 'PORT' && /^\d{2,5}$/.test(e.value)) facts.add('port', Number(e.value), { ...origin, reason: `${file} sets PORT=${e.value}` });
  const unset = /^(|null|none|nil|false|0|disabled)$/i.test(e.value);
  const service = e.commented || unset ? undefined : serviceFromEnv(e.name, e.value);
  if (service) facts.addService(service, { ...origin, reason: `${file}: ${e.name} points at ${service}` });
}
