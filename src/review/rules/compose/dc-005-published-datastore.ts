import { asArray, asObject } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

/** Default ports of databases, caches and brokers. */
const DATASTORE_PORTS = new Set([5432, 3306, 6379, 27017, 9200, 9300, 5672, 15672, 11211, 9092, 2181, 8086, 5984, 7000, 9042, 26257, 1433, 1521]);

export default defineRule({
  meta: {
    id: 'SLW-DC-005',
    slug: 'published-datastore',
    target: 'compose',
    pillar: 'security',
    severity: 'medium',
    title: 'Database port published on every interface',
    rationale: '`"5432:5432"` binds 0.0.0.0: on a laptop in a café or a shared VM the database with its development password is open to the network (and Docker bypasses host firewalls).',
    fixHint: 'Bind to loopback (`"127.0.0.1:5432:5432"`) or do not publish it: services reach each other on the compose network.',
    wellArchitected: ['SEC05-BP02'],
    equivalents: {},
  },
  check(doc) {
    return each(doc.services, (s) =>
      asArray(s.body.ports).flatMap((p, i) => {
        const { host, target, hostIp } = parsePort(p);
        if (target === undefined || !DATASTORE_PORTS.has(target) || host === undefined) return [];
        if (hostIp && hostIp !== '0.0.0.0' && hostIp !== '::') return [];
        return [{ location: at(doc, ['services', s.name, 'ports', i]), message: `service ${s.name} publishes port ${target} on all interfaces` }];
      }),
    );
  },
});

function parsePort(p: unknown): { host?: number; target?: number; hostIp?: string } {
  const o = asObject(p);
  if (o) return { target: Number(o.target), ...(o.published !== undefined ? { host: Number(o.published) } : {}), ...(typeof o.host_ip === 'string' ? { hostIp: o.host_ip } : {}) };
  const parts = String(p).replace(/\/\w+$/, '').split(':');
  if (parts.length === 1) return { target: Number(parts[0]) };
  const target = Number(parts[parts.length - 1]);
  const host = Number(parts[parts.length - 2]?.split('-')[0]);
  return { target, host, ...(parts.length === 3 ? { hostIp: parts[0] } : {}) };
}
