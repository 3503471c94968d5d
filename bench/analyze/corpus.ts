import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** One ground-truth entry of ../shared/corpus/dev.json (see its README for the fields). */
export const CorpusEntry = z.object({
  repo: z.string().regex(/^[^/]+\/[^/]+$/),
  commit: z.string(),
  app_dir: z.string(),
  dockerfile_path: z.string().nullable(),
  language: z.string(),
  package_manager: z.string().nullable(),
  start_cmd: z.string().nullable(),
  port: z.number().int().nullable(),
  env_vars: z.array(z.string()),
  services: z.array(z.string()),
  framework: z.string().nullable().optional(),
  notes: z.string().optional(),
  npm_only_buildable: z.boolean().nullable().optional(),
});
export type CorpusEntry = z.infer<typeof CorpusEntry>;

export function loadCorpus(file: string): CorpusEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: cannot read the corpus (${(err as Error).message})`);
  }
  const parsed = z.array(CorpusEntry).safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: not a corpus file: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** The corpus for benches that take no --corpus: $SLIPWAY_CORPUS, else ../shared/corpus/dev.json. */
export function corpusFile(): string {
  const candidates = [process.env['SLIPWAY_CORPUS'], join(process.cwd(), '..', 'shared', 'corpus', 'dev.json'), '/work/shared/corpus/dev.json'];
  const found = candidates.find((c): c is string => Boolean(c && existsSync(c)));
  if (!found) throw new Error('corpus dev.json not found: set SLIPWAY_CORPUS');
  return found;
}

/** The checkouts for benches that take no --repos. */
export function checkoutsDir(): string {
  return process.env['SLIPWAY_CORPUS_REPOS'] ?? '/work/corpus-repos';
}

/** Where bench/corpus/checkout.py exported a repository. */
export function repoDir(reposDir: string, entry: CorpusEntry): string {
  return `${reposDir.replace(/\/$/, '')}/${entry.repo.replace('/', '+')}`;
}
