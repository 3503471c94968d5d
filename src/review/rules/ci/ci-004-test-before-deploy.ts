import type { CiDoc } from '../../parse/ci.js';
import { asArray, asObject } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, DEPLOY, githubNeeds, scripts, stageLocation, stepsOf, TEST, type Script } from './shared.js';

/** Actions that deploy (setup-* actions only install tools). */
const DEPLOY_ACTION = /^(?!.*\/setup-).*(deploy|ssh-action)/i;

export default defineRule({
  meta: {
    id: 'SLW-CI-004',
    slug: 'test-before-deploy',
    target: 'ci',
    pillar: 'operational-excellence',
    severity: 'high',
    title: 'Pipeline deploys without a test or quality gate first',
    rationale: 'A deploy that does not depend on tests (or a review/analysis gate) ships whatever was pushed, broken or not, and finds out in production.',
    fixHint: 'Make the deploy job depend on a test job (`needs: [test]`, an earlier GitLab stage, an earlier Jenkins stage) and add `slipway review --gate` or your quality gate.',
    wellArchitected: ['OPS05-BP02', 'REL08-BP02', 'SEC11-BP02'],
    equivalents: {},
  },
  check(doc) {
    const deploys = deployPoints(doc);
    return each(deploys, (d) => (d.tested ? null : { location: d.location, message: `${d.what} deploys with no test or gate before it` }));
  },
});

interface DeployPoint {
  what: string;
  location: Script['location'];
  tested: boolean;
}

function deployPoints(doc: CiDoc): DeployPoint[] {
  const all = scripts(doc);
  const tests = (job: string): boolean => all.some((s) => s.job === job && TEST.test(s.text));
  switch (doc.kind) {
    case 'github': {
      const byId = new Map(doc.jobs.map((j) => [j.id, j]));
      const upstream = (id: string, seen = new Set<string>()): string[] => {
        if (seen.has(id)) return [];
        seen.add(id);
        const job = byId.get(id);
        return job ? githubNeeds(job).flatMap((n) => [n, ...upstream(n, seen)]) : [];
      };
      return doc.jobs.flatMap((job) => {
        const steps = stepsOf(job);
        const i = steps.findIndex((s) => (typeof s.run === 'string' && DEPLOY.test(s.run)) || (typeof s.uses === 'string' && DEPLOY_ACTION.test(s.uses)));
        if (i < 0) return [];
        const before = steps.slice(0, i).some((s) => typeof s.run === 'string' && TEST.test(s.run));
        const tested = before || upstream(job.id).some(tests) || typeof job.body.uses === 'string';
        return [{ what: `job ${job.id}`, location: at(doc, ['jobs', job.id, 'steps', i]), tested }];
      });
    }
    case 'gitlab': {
      const stageOf = (id: string): number => doc.stages.indexOf(String(doc.jobs.find((j) => j.id === id)?.body.stage ?? 'test'));
      return doc.jobs.flatMap((job) => {
        const mine = all.filter((s) => s.job === job.id);
        const i = mine.findIndex((s) => DEPLOY.test(s.text));
        if (i < 0) return [];
        const needs = asArray(job.body.needs).map((n) => (typeof n === 'string' ? n : String(asObject(n)?.job ?? '')));
        const earlier = doc.jobs.filter((j) => (needs.length ? needs.includes(j.id) : stageOf(j.id) < stageOf(job.id)));
        const tested = mine.slice(0, i).some((s) => TEST.test(s.text)) || earlier.some((j) => tests(j.id));
        return [{ what: `job ${job.id}`, location: mine[i]!.location, tested }];
      });
    }
    case 'buildspec': {
      const i = all.findIndex((s) => DEPLOY.test(s.text));
      if (i < 0) return [];
      return [{ what: `phase ${all[i]!.job}`, location: all[i]!.location, tested: all.slice(0, i).some((s) => TEST.test(s.text)) }];
    }
    case 'jenkins': {
      const i = doc.stages.findIndex((st) => /deploy|release/i.test(st.name) || DEPLOY.test(st.body));
      if (i < 0) return [];
      const st = doc.stages[i]!;
      const tested = doc.stages.slice(0, i).some((x) => /test|check|quality|sonar|review|verify/i.test(x.name) || TEST.test(x.body));
      return [{ what: `stage '${st.name}'`, location: stageLocation(doc, st), tested }];
    }
  }
}
