import { EXIT, UserError } from '../../errors.js';
import type { RenderOptions } from '../renderer.js';
import { SERVICE_TYPES, type ServiceType } from './networking/service.js';

export interface K8sOptions {
  /** How public components are exposed: ClusterIP behind the Ingress (default), or directly. */
  serviceType: ServiceType;
  /** Fill Secrets through External Secrets Operator from AWS Secrets Manager. */
  externalSecrets: boolean;
  /** DNS zone of the Ingress hosts; example.com (with a note) until the team sets one. */
  domain: string | undefined;
  /** Mix the PrometheusRules into every overlay (off for clusters without the Prometheus operator). */
  prometheusRules: boolean;
  /** Registry the overlays point images at before the pipeline pins a release. */
  registry: string;
}

/** Slipway's local registry: where `slipway pipeline` pushes when nothing else is configured. */
export const DEFAULT_REGISTRY = '127.0.0.1:5000';

export function k8sOptions(opts: RenderOptions): K8sOptions {
  const serviceType = opts['serviceType'] ?? 'ClusterIP';
  if (typeof serviceType !== 'string' || !(SERVICE_TYPES as readonly string[]).includes(serviceType)) {
    throw new UserError(`unknown service type "${String(serviceType)}"`, EXIT.usage, `use one of: ${SERVICE_TYPES.join(', ')}`);
  }
  const domain = typeof opts['domain'] === 'string' && opts['domain'] ? opts['domain'] : undefined;
  if (domain !== undefined && !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(domain)) {
    throw new UserError(`"${domain}" is not a DNS name`, EXIT.usage, 'pass a domain such as apps.example.org');
  }
  return {
    serviceType: serviceType as ServiceType,
    externalSecrets: opts['externalSecrets'] === true,
    prometheusRules: opts['prometheusRules'] !== false,
    domain,
    registry: typeof opts['registry'] === 'string' && opts['registry'] ? opts['registry'] : DEFAULT_REGISTRY,
  };
}
