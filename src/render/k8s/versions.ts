/** Oldest Kubernetes the manifests run on: preStop `sleep` handlers are on by default from 1.30. */
export const KUBERNETES_MIN_VERSION = '1.30';
