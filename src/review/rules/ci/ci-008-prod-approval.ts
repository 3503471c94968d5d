import type { CiDoc } from '../../parse/ci.js';
import { asObject } from '../../parse/k8s.js';
import type { Location } from '../../model.js';
import { defineRule, each, NOTHING } from '../../rule.js';
import { at, DEPLOY, scripts, stageLocation, stepsOf } from './shared.js';

const PROD = /\bprod(uction)?\b/i;

export default defineRule({
  meta: {
    id: 'SLW-CI-008',
    slug: 'prod-approval',
    target: 'ci',
    pillar: 'operational-excellence',
    severity: 'medium',
    title: 'Production deploy without an approval step',
    rationale: 'Production changes should pass a deliberate gate (a protected environment, a manual job, an input step): it is where someone checks the change window and the rollout plan.',
    fixHint: 'GitHub: `environment: production` with required reviewers; GitLab: `when: manual` (and a protected environment); Jenkins: an `input` step before the deploy.',
    wellArchitected: ['OPS06-BP03', 'SEC11-BP06'],
    equivalents: {},
  },
  check(doc) {
    const points = prodDeploys(doc);
    if (points.length === 0) return NOTHING;
    return each(points, (p) => (p.approved ? null : { location: p.location, message: `${p.what} deploys to production without an approval` }));
  },
});

function prodDeploys(doc: CiDoc): { what: string; location: Location; approved: boolean }[] {
  const all = scripts(doc);
  switch (doc.kind) {
    case 'github':
      return doc.jobs
        .filter((j) => (PROD.test(j.id) || PROD.test(String(j.body.name ?? ''))) && stepsOf(j).some((s) => typeof s.run === 'string' && DEPLOY.test(s.run)))
        .map((j) => ({ what: `job ${j.id}`, location: at(doc, ['jobs', j.id]), approved: j.body.environment !== undefined }));
    case 'gitlab':
      return doc.jobs
        .filter((j) => {
          const env = j.body.environment;
          const envName = typeof env === 'string' ? env : String(asObject(env)?.name ?? '');
          return (PROD.test(j.id) || PROD.test(envName)) && all.some((s) => s.job === j.id && DEPLOY.test(s.text));
        })
        .map((j) => ({ what: `job ${j.id}`, location: at(doc, [j.id]), approved: j.body.when === 'manual' }));
    case 'jenkins':
      return doc.stages
        .filter((st) => PROD.test(st.name) && (/deploy|release/i.test(st.name) || DEPLOY.test(st.body)))
        .map((st) => {
          const idx = doc.stages.indexOf(st);
          const approved = /\binput\b/.test(st.body) || doc.stages.slice(0, idx).some((x) => /\binput\s*[({]/.test(x.body));
          return { what: `stage '${st.name}'`, location: stageLocation(doc, st), approved };
        });
    case 'buildspec':
      return [];
  }
}
