import { posix } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import type { RepoView } from '../../src/analyze/repo.js';

/**
 * Where files the ground-truth Dockerfile copies end up in the image: container path → repository
 * paths (relative to either build context the corpus uses: the repository root or the
 * Dockerfile's directory). Only the bench reads this, to find the repository script a truth
 * start command such as `/app/run.sh` names; the analyzer never sees the Dockerfile.
 */
export function copiedFiles(repo: RepoView, dockerfile: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const text = dockerfile ? repo.read(dockerfile) : null;
  if (!text || !dockerfile) return out;
  const vars = new Map<string, string>();
  const expand = (s: string) => s.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (m, k: string) => vars.get(k) ?? m);
  const contexts = ['.', posix.dirname(dockerfile)];
  for (const i of DockerfileParser.parse(text).getInstructions()) {
    const kw = i.getKeyword();
    const args = i.getArguments().map((a) => a.getValue());
    if (kw === 'ENV' || kw === 'ARG') {
      for (const a of args) {
        const [k, ...v] = a.split('=');
        if (k && v.length) vars.set(k, expand(v.join('=')).replace(/^["']|["']$/g, ''));
      }
      if (kw === 'ENV' && args.length === 2 && !args[0]!.includes('=')) vars.set(args[0]!, expand(args[1]!));
    }
    if (kw !== 'COPY' && kw !== 'ADD') continue;
    let words = args.filter((a) => !a.startsWith('--'));
    const raw = i.getArgumentsContent() ?? '';
    const json = /\[.*\]/.exec(raw)?.[0];
    if (json) {
      try {
        words = (JSON.parse(json) as string[]).map(String);
      } catch {
        // shell form after all
      }
    }
    if (words.length < 2) continue;
    const dest = expand(words.at(-1)!);
    for (const src of words.slice(0, -1).map(expand)) {
      const target = dest.endsWith('/') || words.length > 2 ? posix.join(dest, posix.basename(src)) : dest;
      out.set(target, contexts.map((c) => posix.normalize(posix.join(c, src))));
    }
  }
  return out;
}
