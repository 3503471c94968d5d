import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IService } from 'kubernetes-models/v1/Service';
import type { ServiceType } from '../../../spec/component.js';
import { partOf, serviceSecretName } from '../names.js';
import { BACKING_SERVICES } from './catalog.js';

/** Name of the in-cluster dev stand-in; the same as its Secret and Service. */
export const backingName = (app: string, type: ServiceType) => serviceSecretName(app, type);

function labels(app: string, type: ServiceType): Record<string, string> {
  return { 'app.kubernetes.io/name': backingName(app, type), 'app.kubernetes.io/part-of': app, 'app.kubernetes.io/component': 'backing-service' };
}

/**
 * Dev only: one replica of the official image on a 5 GiB volume, run as the image's own
 * non-root user under the same restrictions as the app (the namespace enforces them).
 */
export function backingStatefulSet(app: string, type: ServiceType): IStatefulSet {
  const svc = BACKING_SERVICES[type];
  const name = backingName(app, type);
  const env: IEnvVar[] = Object.entries(svc.dev.env).map(([k, v]) =>
    v.startsWith('secret:') ? { name: k, valueFrom: { secretKeyRef: { name, key: v.slice('secret:'.length) } } } : { name: k, value: v },
  );
  const scratch = svc.dev.scratch.map((path, i) => ({ name: `scratch-${i}`, path }));
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, labels: labels(app, type) },
    spec: {
      serviceName: name,
      replicas: 1,
      selector: { matchLabels: labels(app, type) },
      template: {
        metadata: { labels: labels(app, type) },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: svc.dev.uid,
            runAsGroup: svc.dev.uid,
            fsGroup: svc.dev.uid,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: type,
              image: svc.dev.image,
              ...(svc.dev.args ? { args: svc.dev.args } : {}),
              ports: [{ name: 'tcp', containerPort: svc.port, protocol: 'TCP' }],
              env,
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
              securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              readinessProbe: { tcpSocket: { port: 'tcp' }, periodSeconds: 10 },
              livenessProbe: { tcpSocket: { port: 'tcp' }, periodSeconds: 20, initialDelaySeconds: 30 },
              volumeMounts: [{ name: 'data', mountPath: svc.dev.dataPath }, ...scratch.map((s) => ({ name: s.name, mountPath: s.path }))],
            },
          ],
          volumes: scratch.map((s) => ({ name: s.name, emptyDir: {} })),
        },
      },
      volumeClaimTemplates: [
        { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } } },
      ],
    },
  };
}

export function backingService(app: string, type: ServiceType): IService {
  const name = backingName(app, type);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: labels(app, type) },
    spec: { clusterIP: 'None', selector: labels(app, type), ports: [{ name: 'tcp', port: BACKING_SERVICES[type].port, targetPort: 'tcp', protocol: 'TCP' }] },
  };
}

/** Only the app's own pods reach the dev database. */
export function backingPolicy(app: string, type: ServiceType): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: backingName(app, type), labels: labels(app, type) },
    spec: {
      podSelector: { matchLabels: labels(app, type) },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: partOf(app) } }], ports: [{ protocol: 'TCP', port: BACKING_SERVICES[type].port }] }],
    },
  };
}

/** The connection URL a component reads in dev, pointing at the stand-in above. */
export function devConnectionUrl(app: string, type: ServiceType): string {
  const host = `${backingName(app, type)}:${BACKING_SERVICES[type].port}`;
  const urls: Record<ServiceType, string> = {
    postgres: `postgres://postgres:<password>@${host}/postgres`,
    mysql: `mysql://root:<password>@${host}/app`,
    mariadb: `mysql://root:<password>@${host}/app`,
    mongodb: `mongodb://root:<password>@${host}/?authSource=admin`,
    redis: `redis://${host}/0`,
    memcached: host,
    rabbitmq: `amqp://app:<password>@${host}/`,
    kafka: host,
    elasticsearch: `http://${host}`,
    opensearch: `http://${host}`,
    minio: `http://${host}`,
    sqs: `http://${host}/queue/${app}`,
  };
  return urls[type];
}
