import { parse } from 'yaml';

/** One validation's outcome, as the k8s and Terraform validators report it. */
export type { CheckResult } from '../../k8s/validate/index.js';

export type Json = Record<string, unknown>;

/** A pipeline found in the rendered files, with the stages it runs in order. */
export interface FoundPipeline {
  file: string;
  kind: 'component' | 'infrastructure';
  name: string;
  stages: string[];
}

/** Every exporter names an environment's infrastructure pipeline `infrastructure-<env>`. */
export const foundPipeline = (file: string, name: string, stages: string[]): FoundPipeline => ({
  file,
  kind: name.startsWith('infrastructure-') ? 'infrastructure' : 'component',
  name,
  stages,
});

/** Lines like `echo '--- stage: install'` name the stage that follows (GitLab, Bitbucket, buildspec). */
export function bannerStages(lines: unknown): string[] {
  const list = Array.isArray(lines) ? lines : typeof lines === 'string' ? [lines] : [];
  return list.flatMap((l) => (typeof l === 'string' ? [...l.matchAll(/^echo '--- stage: ([a-z0-9-]+)'/gm)].map((m) => m[1]!) : []));
}

/** A YAML CI file as a mapping, or the one-line parse problem naming the file. */
export function parseYamlMapping(path: string, content: string): { doc: Json } | { problems: string[] } {
  try {
    return { doc: (parse(content) ?? {}) as Json };
  } catch (err) {
    return { problems: [`${path}: ${(err as Error).message.split('\n')[0]}`] };
  }
}
