import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { appLabels, tlsSecretName, workloadLabels } from '../names.js';
import type { Workload } from '../workloads.js';

/** Response headers every public component sends (ingress-nginx `custom-headers`). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export const securityHeadersName = (app: string) => `${app}-security-headers`;

export function securityHeaders(app: string): IConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: securityHeadersName(app), labels: appLabels(app) }, data: SECURITY_HEADERS };
}

/**
 * A public component behind ingress-nginx: TLS only (HTTP redirects), HSTS and the
 * security headers above. The TLS Secret is issued by cert-manager or uploaded by the team.
 */
export function ingress(app: string, w: Workload & { port: number }, namespace: string, host: string): IIngress {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: w.name,
      labels: workloadLabels(app, w),
      annotations: {
        'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true',
        'nginx.ingress.kubernetes.io/custom-headers': `${namespace}/${securityHeadersName(app)}`,
        'nginx.ingress.kubernetes.io/proxy-body-size': '10m',
      },
    },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: [host], secretName: tlsSecretName(w) }],
      rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: w.name, port: { name: 'http' } } } }] } }],
    },
  };
}
