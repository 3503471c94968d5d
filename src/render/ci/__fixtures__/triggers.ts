import { parse } from 'yaml';
import { parseHclFiles } from '../../terraform/validate/index.js';
import type { RenderedFile } from '../../renderer.js';
import type { CiTarget } from '../exporter.js';
import type { Json } from '../validate/types.js';

const content = (files: RenderedFile[], path: string) => {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`${path} not rendered`);
  return f.content;
};

/** The paths that start a component's pipeline, read back from each CI's own file. */
export async function triggerPaths(target: CiTarget, files: RenderedFile[], component: string): Promise<string[]> {
  switch (target) {
    case 'github': {
      const wf = parse(content(files, `.github/workflows/${component}.yml`)) as Json;
      return ((wf['on'] as Json)['push'] as Json)['paths'] as string[];
    }
    case 'gitlab': {
      const root = parse(content(files, '.gitlab-ci.yml')) as Json;
      const rules = (root[component] as Json)['rules'] as Json[];
      return rules.flatMap((r) => ((r['changes'] as Json | undefined)?.['paths'] as string[] | undefined) ?? []);
    }
    case 'jenkins':
      return [...content(files, `ci/jenkins/${component}.Jenkinsfile`).matchAll(/changeset '([^']+)'/g)].map((m) => m[1]!).filter((v, i, a) => a.indexOf(v) === i);
    case 'bitbucket': {
      const doc = parse(content(files, 'bitbucket-pipelines.yml')) as Json;
      const main = Object.values(((doc['pipelines'] as Json)['branches'] as Json))[0] as Json[];
      const step = main.map((i) => i['step'] as Json).find((s) => String(s['name']).startsWith(`${component}:`))!;
      return ((step['condition'] as Json)['changesets'] as Json)['includePaths'] as string[];
    }
    case 'codepipeline': {
      const path = `ci/codepipeline/${component}.tf`;
      const { parsed } = await parseHclFiles({ [path]: content(files, path) });
      const pipeline = (((parsed[path]!['resource'] as Json)['aws_codepipeline'] as Json)[component.replace(/-/g, '_')] as Json[])[0]!;
      const git = ((pipeline['trigger'] as Json[])[0]!['git_configuration'] as Json[])[0]!;
      const fp = ((git['push'] as Json[])[0]!['file_paths'] as Json[])[0]!;
      return [...(fp['includes'] as string[]), ...((fp['excludes'] as string[] | undefined) ?? []).map((x) => `!${x}`)];
    }
  }
}
