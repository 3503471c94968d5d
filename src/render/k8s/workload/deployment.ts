import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { selectorLabels, workloadLabels } from '../names.js';
import type { Workload } from '../workloads.js';
import { podTemplate } from './pod-template.js';

/**
 * A long-running component. No `replicas`: the HPA owns the count, so an apply never
 * resets a scaled-out deployment. Surge-only rollouts keep full capacity during a deploy.
 */
export function deployment(app: string, w: Workload): IDeployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: w.name, labels: workloadLabels(app, w) },
    spec: {
      selector: { matchLabels: selectorLabels(app, w) },
      revisionHistoryLimit: 5,
      progressDeadlineSeconds: 300,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: podTemplate(app, w, { spread: true }),
    },
  };
}

/**
 * A kind: job component runs to completion. A Job's pod template is immutable, so the
 * pipeline replaces it (`kubectl replace --force`) on each release; finished Jobs are
 * garbage-collected after a day.
 */
export function job(app: string, w: Workload): IJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: w.name, labels: workloadLabels(app, w) },
    spec: {
      backoffLimit: 3,
      ttlSecondsAfterFinished: 86_400,
      template: podTemplate(app, w, { restartPolicy: 'Never', spread: false }),
    },
  };
}

/** One identity per component, with no API token: components never talk to the Kubernetes API. */
export function serviceAccount(app: string, w: Workload): IServiceAccount {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: w.name, labels: workloadLabels(app, w) },
    automountServiceAccountToken: false,
  };
}
