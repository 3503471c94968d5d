import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';

/**
 * External Secrets Operator's ExternalSecret (external-secrets.io/v1, ESO ≥ 0.17): fills a
 * Secret from AWS Secrets Manager, so no secret value is ever in the repository. Typed here
 * because no npm package ships ESO's current (v1) CRD types for Node 20.
 */
export interface ExternalSecret {
  apiVersion: 'external-secrets.io/v1';
  kind: 'ExternalSecret';
  metadata: IObjectMeta;
  spec: {
    refreshInterval: string;
    secretStoreRef: { kind: 'ClusterSecretStore' | 'SecretStore'; name: string };
    target: { name: string; creationPolicy: 'Owner' | 'Merge' | 'Orphan' | 'None' };
    data: { secretKey: string; remoteRef: { key: string; property?: string } }[];
  };
}

/** The ClusterSecretStore the platform team points at AWS Secrets Manager (docs/kubernetes.md). */
export const SECRET_STORE = 'aws-secrets-manager';

/** `secretName` ← the JSON secret `remoteKey` in Secrets Manager, one property per key. */
export function externalSecret(name: string, labels: Record<string, string>, remoteKey: string, keys: string[]): ExternalSecret {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name, labels },
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: SECRET_STORE },
      target: { name, creationPolicy: 'Owner' },
      data: keys.map((k) => ({ secretKey: k, remoteRef: { key: remoteKey, property: k } })),
    },
  };
}
