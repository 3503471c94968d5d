/** What a masked secret becomes in every log line. */
export const MASK = '***';
/** Shorter values would mask ordinary words and numbers everywhere; they are not masked. */
const MIN_SECRET_LENGTH = 3;

/**
 * The set of secret values of a run. Multi-line values (PEM keys) are also registered line by
 * line, because logs are masked one line at a time. Longest values are replaced first so a
 * secret that contains another is masked whole.
 */
export class SecretMasker {
  private values: string[] = [];

  add(value: string | undefined | null): void {
    if (!value) return;
    const parts = [value, ...value.split(/\r?\n/).map((l) => l.trim())];
    let changed = false;
    for (const v of parts) {
      if (v.length < MIN_SECRET_LENGTH || this.values.includes(v)) continue;
      this.values.push(v);
      changed = true;
    }
    if (changed) this.values.sort((a, b) => b.length - a.length);
  }

  /** Length of the longest secret: how much of an unfinished line must be held back. */
  get longest(): number {
    return this.values[0]?.length ?? 0;
  }

  mask(text: string): string {
    let out = text;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join(MASK);
    return out;
  }

  /**
   * Masks `text` and says how much of its start is safe to emit now: a secret may begin in the
   * last `longest - 1` characters and continue in the next chunk, so those wait (unless they are
   * inside a secret already masked).
   */
  maskPrefix(text: string): { emit: string; rest: string } {
    const hold = Math.max(0, this.longest - 1);
    let cut = Math.max(0, text.length - hold);
    // Never cut through a complete occurrence: move the cut to its end.
    for (const v of this.values) {
      let at = text.indexOf(v, Math.max(0, cut - v.length + 1));
      while (at !== -1 && at < cut) {
        if (at + v.length > cut) cut = at + v.length;
        at = text.indexOf(v, at + 1);
      }
    }
    return { emit: this.mask(text.slice(0, cut)), rest: text.slice(cut) };
  }
}
