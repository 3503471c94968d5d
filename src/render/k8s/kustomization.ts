/** kustomize's Kustomization file (kustomize.config.k8s.io/v1beta1), the fields Slipway writes. */
export interface Kustomization {
  apiVersion: 'kustomize.config.k8s.io/v1beta1';
  kind: 'Kustomization';
  namespace?: string;
  resources: string[];
  /** kustomize Components mixed in (the monitoring rules). */
  components?: string[];
  labels?: { pairs: Record<string, string>; includeSelectors: boolean }[];
  images?: KustomizeImage[];
}

/** `kustomize edit set image <name>=<newName>:<tag>` (or `@sha256:…`) is how the pipeline pins a release. */
export interface KustomizeImage {
  name: string;
  newName: string;
  newTag?: string;
  digest?: string;
}

/** Tag an overlay carries until the pipeline sets the release's tag or digest: pulling it fails loudly. */
export const UNRELEASED_TAG = 'unreleased';

/** A kustomize Component: resources an overlay opts into with `components:`. */
export interface KustomizeComponent {
  apiVersion: 'kustomize.config.k8s.io/v1alpha1';
  kind: 'Component';
  resources: string[];
}

export function kustomization(fields: Omit<Kustomization, 'apiVersion' | 'kind'>): Kustomization {
  return { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', ...fields };
}
