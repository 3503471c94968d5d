import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import { APP_UID } from '../../docker/runtime-stage.js';
import { configMapName, imageName, secretName, selectorLabels, serviceSecretName, workloadLabels } from '../names.js';
import type { Workload } from '../workloads.js';
import { resourcesFor } from './resources.js';

/** The nginx image's user (src/render/docker/nginx.ts), for static components. */
const NGINX_UID = 101;
/** Seconds the pod keeps serving after removal from endpoints, so in-flight requests finish. */
const PRESTOP_SLEEP_SECONDS = 5;
const GRACE_SECONDS = 30;

/**
 * The pod every workload runs: hardened (non-root, read-only root with an emptyDir /tmp,
 * no capabilities, no privilege escalation, seccomp RuntimeDefault, no API token), probed
 * on the health path, spread across zones, draining before it stops.
 */
export function podTemplate(app: string, w: Workload, opts: { restartPolicy?: 'Always' | 'Never'; spread: boolean }): IPodTemplateSpec {
  const serves = w.port !== undefined;
  // The user the Dockerfile creates; numeric, so the kubelet can verify runAsNonRoot.
  const uid = w.nginx ? NGINX_UID : APP_UID;
  const container: IContainer = {
    name: w.name,
    image: imageName(app, w.name),
    imagePullPolicy: 'IfNotPresent',
    ...(w.port !== undefined ? { ports: [{ name: 'http', containerPort: w.port, protocol: 'TCP' as const }] } : {}),
    env: envFor(app, w),
    resources: resourcesFor(w),
    securityContext: {
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    },
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    ...(serves ? probes(w) : {}),
    ...(serves && opts.restartPolicy !== 'Never' ? { lifecycle: { preStop: { sleep: { seconds: PRESTOP_SLEEP_SECONDS } } } } : {}),
  };
  return {
    metadata: { labels: workloadLabels(app, w) },
    spec: {
      serviceAccountName: w.name,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      ...(opts.restartPolicy ? { restartPolicy: opts.restartPolicy } : {}),
      terminationGracePeriodSeconds: GRACE_SECONDS,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: uid,
        runAsGroup: uid,
        fsGroup: uid,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      ...(opts.spread ? { topologySpreadConstraints: spread(app, w) } : {}),
      containers: [container],
      volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }],
    },
  };
}

function probes(w: Workload): Pick<IContainer, 'startupProbe' | 'readinessProbe' | 'livenessProbe'> {
  const check: IProbe = w.healthPath ? { httpGet: { path: w.healthPath, port: 'http' } } : { tcpSocket: { port: 'http' } };
  return {
    // Up to 3 minutes to boot (JVMs, migrations on start) before liveness takes over.
    startupProbe: { ...check, periodSeconds: 5, failureThreshold: 36, timeoutSeconds: 2 },
    readinessProbe: { ...check, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 2 },
    livenessProbe: { ...check, periodSeconds: 20, failureThreshold: 3, timeoutSeconds: 2 },
  };
}

function spread(app: string, w: Workload): ITopologySpreadConstraint[] {
  const labelSelector = { matchLabels: selectorLabels(app, w) };
  // ScheduleAnyway: a one-zone dev cluster still schedules; the scheduler prefers spreading.
  return [
    { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector, matchLabelKeys: ['pod-template-hash'] },
    { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector, matchLabelKeys: ['pod-template-hash'] },
  ];
}

/** Env by reference only: config from the ConfigMap, secrets and connections from Secrets, never values. */
function envFor(app: string, w: Workload): IEnvVar[] {
  const env: IEnvVar[] = [];
  if (w.port !== undefined && !w.component.env.some((v) => v.name === 'PORT')) env.push({ name: 'PORT', value: String(w.port) });
  for (const v of w.config) {
    if (v.name === 'PORT' && w.port !== undefined) {
      env.push({ name: 'PORT', value: String(w.port) });
      continue;
    }
    env.push({ name: v.name, valueFrom: { configMapKeyRef: { name: configMapName(w), key: v.name, optional: !v.required } } });
  }
  for (const v of w.secrets) {
    env.push({ name: v.name, valueFrom: { secretKeyRef: { name: secretName(w), key: v.name, optional: !v.required } } });
  }
  for (const c of w.connections) {
    env.push({ name: c.env, valueFrom: { secretKeyRef: { name: serviceSecretName(app, c.service), key: 'url' } } });
  }
  return env;
}
