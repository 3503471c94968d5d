import { readFileSync } from 'node:fs';
import { removeContainer } from '../../../../engine/container.js';
import { detectEngine } from '../../../../engine/detect.js';
import type { InstanceRecord } from '../state.js';
import { signalGroup } from '../instance.js';

/**
 * Stops the processes a dead agent left running (state.json lists them). A pid is only
 * signalled when /proc shows it still carries the instance's SLIPWAY_INSTANCE id, so a
 * recycled pid is never killed. Returns how many were stopped.
 */
export async function killOrphans(instances: readonly InstanceRecord[]): Promise<number> {
  const ours = instances.filter((i) => isInstance(i.pid, i.instanceId));
  for (const i of ours) signalGroup(i.pid, 'SIGTERM');
  const deadline = Date.now() + 3_000;
  while (ours.some((i) => alive(i.pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const i of ours) signalGroup(i.pid, 'SIGKILL');
  // A container outlives its killed engine client: remove it by name.
  const containers = instances.flatMap((i) => (i.container ? [i.container] : []));
  if (containers.length) {
    const engine = await detectEngine({ need: 'run' }).catch(() => null);
    if (engine) await Promise.all(containers.map((c) => removeContainer(engine, c).catch(() => undefined)));
  }
  return ours.length + containers.length;
}

function isInstance(pid: number, instanceId: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`SLIPWAY_INSTANCE=${instanceId}`);
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, not yet reaped by whoever adopted it) is as good as gone.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return false;
  }
}
