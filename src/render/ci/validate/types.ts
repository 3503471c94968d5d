import { parse } from 'yaml';

/** One validation's outcome: bench/generate prints the failures and counts the passes per check. */
export interface CheckResult {
  check: string;
  ok: boolean;
  problems: string[];
}

/** A pipeline found in the rendered files, with the stages it runs in order. */
export interface FoundPipeline {
  file: string;
  kind: 'component' | 'infrastructure';
  name: string;
  stages: string[];
}

/** Lines like `echo '--- stage: install'` name the stage that follows (GitLab, Bitbucket, buildspec). */
export function bannerStages(lines: unknown): string[] {
  const list = Array.isArray(lines) ? lines : typeof lines === 'string' ? [lines] : [];
  return list.flatMap((l) => (typeof l === 'string' ? [...l.matchAll(/^echo '--- stage: ([a-z0-9-]+)'/gm)].map((m) => m[1]!) : []));
}

/** A YAML CI file as a mapping, or the one-line parse problem naming the file. */
export function parseYamlMapping(path: string, content: string): { doc: Record<string, unknown> } | { problems: string[] } {
  try {
    return { doc: (parse(content) ?? {}) as Record<string, unknown> };
  } catch (err) {
    return { problems: [`${path}: ${(err as Error).message.split('\n')[0]}`] };
  }
}
