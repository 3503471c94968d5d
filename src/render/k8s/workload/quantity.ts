/**
 * Just enough of Kubernetes quantities to keep a limit at or above its request when
 * `scale.cpu` / `scale.memory` raise a request past the tier's limit.
 */
const CPU = /^(\d+(?:\.\d+)?)(m?)$/;
const MEM = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/;
const MEM_UNIT: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };

/** Millicores, or undefined when the text is not a CPU quantity. */
export function cpuMillis(q: string): number | undefined {
  const m = CPU.exec(q);
  return m ? Number(m[1]) * (m[2] ? 1 : 1000) : undefined;
}

/** Bytes, or undefined when the text is not a memory quantity. */
export function memoryBytes(q: string): number | undefined {
  const m = MEM.exec(q);
  return m ? Number(m[1]) * (MEM_UNIT[m[2] ?? ''] ?? 1) : undefined;
}

/** The larger of two quantities by the given measure; `a` when either cannot be read. */
export function maxQuantity(a: string, b: string, measure: (q: string) => number | undefined): string {
  const x = measure(a);
  const y = measure(b);
  return x !== undefined && y !== undefined && y > x ? b : a;
}
