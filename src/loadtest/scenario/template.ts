/**
 * `{{name}}` placeholders in scenario paths, headers and bodies. Compiled once per worker;
 * a template without placeholders renders to its literal with no work per request.
 */
export interface Template {
  literals: string[];
  names: string[];
}

export type Escape = 'none' | 'url' | 'json';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

export function compileTemplate(text: string): Template {
  const literals: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    literals.push(text.slice(last, m.index));
    names.push(m[1] as string);
    last = (m.index ?? 0) + m[0].length;
  }
  literals.push(text.slice(last));
  return { literals, names };
}

export function placeholders(text: string): string[] {
  return compileTemplate(text).names;
}

export const isStatic = (t: Template): boolean => t.names.length === 0;

export function renderTemplate(t: Template, lookup: (name: string) => string, escape: Escape = 'none'): string {
  if (t.names.length === 0) return t.literals[0] as string;
  let out = t.literals[0] as string;
  for (let i = 0; i < t.names.length; i++) {
    out += escapeValue(lookup(t.names[i] as string), escape) + (t.literals[i + 1] as string);
  }
  return out;
}

function escapeValue(value: string, escape: Escape): string {
  if (escape === 'url') return encodeURIComponent(value);
  if (escape === 'json') return JSON.stringify(value).slice(1, -1);
  return value;
}

/** Names every scenario may use without declaring them. */
export const BUILTIN_VARS = ['vu', 'iteration', 'uuid', 'timestamp'] as const;
