import type { FactSheet } from '../../facts.js';
import type { GoSource } from './sources.js';

const READS: { re: RegExp; reason: string }[] = [
  { re: /\bos\.(?:Getenv|LookupEnv)\(\s*"([A-Z][A-Z0-9_]*)"\s*\)/g, reason: 'read with os.Getenv' },
  { re: /`[^`]*\benv(?:config)?:"([A-Z][A-Z0-9_]*)[",]/g, reason: 'struct tag env' },
  { re: /\bviper\.BindEnv\(\s*"[^"]*"\s*,\s*"([A-Z][A-Z0-9_]*)"/g, reason: 'viper.BindEnv' },
];

/** Environment variables read by the Go sources. */
export function addEnvFromSource(sources: readonly GoSource[], facts: FactSheet): void {
  for (const s of sources) {
    if (!/Getenv|LookupEnv|env:"|envconfig:"|BindEnv/.test(s.text)) continue;
    s.lines.forEach((text, i) => {
      if (!/Getenv|LookupEnv|env|BindEnv/.test(text)) return;
      for (const { re, reason } of READS) {
        for (const m of text.matchAll(re)) {
          facts.addEnv(m[1]!, {}, { source: 'source', file: s.file, line: i + 1, excerpt: text.trim().slice(0, 200), reason });
        }
      }
    });
  }
}
