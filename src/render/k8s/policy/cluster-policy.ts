import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';

/**
 * The part of Kyverno's ClusterPolicy (kyverno.io/v1) Slipway writes. Typed here: no npm
 * package ships Kyverno's types. Rule-level `failureAction` needs Kyverno ≥ 1.13.
 */
export interface ClusterPolicy {
  apiVersion: 'kyverno.io/v1';
  kind: 'ClusterPolicy';
  metadata: IObjectMeta;
  spec: { background: boolean; rules: PolicyRule[] };
}

export interface PolicyRule {
  name: string;
  match: { any: { resources: { kinds: string[]; namespaces?: string[]; selector?: LabelSelector } }[] };
  validate: {
    failureAction: 'Enforce' | 'Audit';
    message: string;
    pattern?: Record<string, unknown>;
    foreach?: { list: string; deny: { conditions: { all: Condition[] } } }[];
    deny?: { conditions: { any: Condition[] } };
  };
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

export interface Condition {
  key: string;
  operator: 'AnyNotIn' | 'AnyIn' | 'Equals' | 'NotEquals';
  value: string | string[] | boolean;
}
