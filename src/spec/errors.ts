/** A problem in slipway.yaml, located in the file so the user can fix it. */
export interface SpecProblem {
  file: string;
  line?: number;
  col?: number;
  /** Dotted key path, e.g. "components[0].port". */
  key: string;
  message: string;
}

export function formatKey(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc ? `${acc}.${String(part)}` : String(part);
  }, '');
}

export function formatProblem(p: SpecProblem): string {
  const where = p.line ? `${p.file}:${p.line}${p.col ? `:${p.col}` : ''}` : p.file;
  return p.key ? `${where}: ${p.key}: ${p.message}` : `${where}: ${p.message}`;
}
