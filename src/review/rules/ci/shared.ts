import type { Location } from '../../model.js';
import type { CiDoc, CiJob, JenkinsStage } from '../../parse/ci.js';
import { asArray, asObject } from '../../parse/k8s.js';
import { positionAt } from '../../parse/source.js';
import { yamlLocation as at } from '../../parse/yaml.js';

export { at };

/** One shell script a pipeline runs, in pipeline order. */
export interface Script {
  /** Job (GitHub/GitLab), stage (Jenkins) or phase (buildspec). */
  job: string;
  text: string;
  location: Location;
}

export const DEPLOY =
  /\b(kubectl\s+(apply|rollout|set\s+image|replace|create)|helm\s+(upgrade|install)|terraform\s+apply|aws\s+(ecs\s+update-service|deploy\s+create-deployment|cloudformation\s+deploy|s3\s+sync)|slipway\s+deploy|serverless\s+deploy|sls\s+deploy|eb\s+deploy|gcloud\s+(run|app)\s+deploy|flyctl\s+deploy|cdk\s+deploy|pulumi\s+up|ansible-playbook|scp\s|rsync\s)/;
export const TEST =
  /\b((npm|yarn|pnpm|bun)\s+(run\s+)?(test|check|lint|ci:test)|npx\s+(vitest|jest|mocha|playwright)|pytest|python\s+-m\s+(pytest|unittest)|tox|go\s+test|mvn\w*\s+[^\n&;]*\b(test|verify)|gradle\w*\s+[^\n&;]*\b(test|check|build)|\.\/gradlew\s+[^\n&;]*\b(test|check|build)|cargo\s+test|dotnet\s+test|rspec|rake\s+(test|spec)|bundle\s+exec\s+(rspec|rake)|phpunit|jest|vitest|make\s+(test|check)|slipway\s+(review|pipeline)|sonar-scanner|sonar:sonar|checkov|trivy|hadolint)/;

const lines = (v: unknown): string[] => (typeof v === 'string' ? [v] : asArray(v).map((x) => (typeof x === 'string' ? x : '')).filter(Boolean));

const SCRIPTS = new WeakMap<CiDoc, readonly Script[]>();

/** The scripts of a pipeline (extracted once per document: most CI rules read them). */
export function scripts(doc: CiDoc): readonly Script[] {
  let cached = SCRIPTS.get(doc);
  if (!cached) SCRIPTS.set(doc, (cached = extractScripts(doc)));
  return cached;
}

function extractScripts(doc: CiDoc): Script[] {
  const out: Script[] = [];
  switch (doc.kind) {
    case 'github':
      for (const job of doc.jobs) {
        asArray(job.body.steps).forEach((s, i) => {
          const run = asObject(s)?.run;
          if (typeof run === 'string') out.push({ job: job.id, text: run, location: at(doc, ['jobs', job.id, 'steps', i, 'run']) });
          const script = asObject(asObject(s)?.with)?.script;
          if (typeof script === 'string') out.push({ job: job.id, text: script, location: at(doc, ['jobs', job.id, 'steps', i, 'with', 'script']) });
        });
      }
      break;
    case 'gitlab':
      for (const job of doc.jobs) {
        for (const key of ['before_script', 'script', 'after_script']) {
          const v = job.body[key];
          if (typeof v === 'string') out.push({ job: job.id, text: v, location: at(doc, [job.id, key]) });
          else lines(v).forEach((text, i) => out.push({ job: job.id, text, location: at(doc, [job.id, key, i]) }));
        }
      }
      break;
    case 'buildspec': {
      const phases = asObject(asObject(doc.doc.value)?.phases) ?? {};
      for (const phase of ['install', 'pre_build', 'build', 'post_build']) {
        lines(asObject(phases[phase])?.commands).forEach((text, i) => out.push({ job: phase, text, location: at(doc, ['phases', phase, 'commands', i]) }));
      }
      break;
    }
    case 'jenkins':
      for (const stage of doc.stages) {
        const re = /\b(sh|bat|powershell)\s*\(?\s*(?:script\s*:\s*)?('''|"""|'|")([\s\S]*?)\2/g;
        for (let m = re.exec(stage.body); m; m = re.exec(stage.body)) {
          const pos = positionAt(doc.source, stage.bodyStart + m.index);
          out.push({ job: stage.name, text: m[3]!, location: { file: doc.path, ...pos } });
        }
      }
      break;
  }
  return out;
}

/** Where a Jenkins stage is declared. */
export function stageLocation(doc: Extract<CiDoc, { kind: 'jenkins' }>, stage: JenkinsStage): Location {
  return { file: doc.path, line: stage.line, column: stage.column };
}

export function githubNeeds(job: CiJob): string[] {
  const n = job.body.needs;
  return typeof n === 'string' ? [n] : asArray(n).map(String);
}

export function stepsOf(job: CiJob): Record<string, unknown>[] {
  return asArray(job.body.steps).map((s) => asObject(s) ?? {});
}
