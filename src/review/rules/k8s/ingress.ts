import { asArray, asObject, type Json, type K8sObject } from '../../parse/k8s.js';

export interface IngressBackend {
  service: string;
  port: unknown;
  /** Path of the backend inside the Ingress, for locations. */
  path: (string | number)[];
}

/** Every backend of an Ingress (networking.k8s.io/v1 and the older serviceName form). */
export function ingressBackends(ing: K8sObject): IngressBackend[] {
  const spec = asObject(ing.body.spec) ?? {};
  const out: IngressBackend[] = [];
  const add = (b: Json | undefined, path: (string | number)[]): void => {
    if (!b) return;
    const svc = asObject(b.service);
    if (svc && typeof svc.name === 'string') {
      const port = asObject(svc.port);
      out.push({ service: svc.name, port: port?.number ?? port?.name, path: [...path, 'service'] });
    } else if (typeof b.serviceName === 'string') out.push({ service: b.serviceName, port: b.servicePort, path: [...path, 'serviceName'] });
  };
  add(asObject(spec.defaultBackend) ?? asObject(spec.backend), ['spec', spec.defaultBackend ? 'defaultBackend' : 'backend']);
  asArray(spec.rules).forEach((r, i) => {
    asArray(asObject(asObject(r)?.http)?.paths).forEach((p, j) => add(asObject(asObject(p)?.backend), ['spec', 'rules', i, 'http', 'paths', j, 'backend']));
  });
  return out;
}
