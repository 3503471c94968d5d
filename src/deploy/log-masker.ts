/**
 * Replaces secret values with *** in log lines. Callers feed whole lines (output is split on
 * newlines first), so a value split across output chunks is still masked. Longest values are
 * replaced first so a secret containing another secret is masked whole.
 */
export class LogMasker {
  private readonly values: string[];

  constructor(secrets: Iterable<string>) {
    // Values shorter than 3 characters would mask ordinary words and numbers everywhere.
    this.values = [...new Set([...secrets].filter((v) => v.length >= 3))].sort((a, b) => b.length - a.length);
  }

  mask(line: string): string {
    let out = line;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join('***');
    return out;
  }
}

/** Secret values of a config map: keys listed as secret, plus any key the spec marks secret. */
export function secretValues(config: Record<string, string>, secretKeys: Iterable<string>): string[] {
  const out: string[] = [];
  for (const k of secretKeys) {
    const v = config[k];
    if (v) out.push(v);
  }
  return out;
}
