import { loadSpec } from '../../spec/io.js';

/** The project's name from slipway.yaml (to filter a shared PostgreSQL store); undefined: all runs. */
export function projectName(dir: string): string | undefined {
  try {
    const loaded = loadSpec(dir);
    return loaded?.ok ? loaded.spec.name : undefined;
  } catch {
    return undefined;
  }
}
