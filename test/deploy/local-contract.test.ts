import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localTarget } from '../../src/deploy/targets/local/index.js';
import { freePort } from '../../src/net/free-port.js';
import { describeDeployTargetContract } from './contract.case.js';
import { nodeHelloSpec, nodeHelloVariant } from './node-hello-variants.js';

// Real processes, a real agent and real ports: examples/node-hello and a copy that crashes on boot.
describeDeployTargetContract('local', async () => {
  const projectDir = mkdtempSync(join(tmpdir(), 'slipway-test-local-contract-'));
  const port = await freePort();
  const spec = nodeHelloSpec(port);
  return {
    target: localTarget,
    spec,
    projectDir,
    env: 'dev',
    options: { bakeMs: 0, drainMs: 2_000, healthTimeoutMs: 10_000 },
    good: (n) => ({ kind: 'bundle', dir: nodeHelloVariant('good', `v${n}`, projectDir), digest: `v${n}` }),
    bad: () => ({ kind: 'bundle', dir: nodeHelloVariant('crash-on-boot', 'bad', projectDir), digest: 'bad' }),
    serving: async () => (await (await fetch(`http://127.0.0.1:${port}/`)).text()).split(' ')[0]!,
    cleanup: async () => {
      await localTarget.down({ spec, projectDir, env: 'dev', log: () => undefined });
      rmSync(projectDir, { recursive: true, force: true });
    },
  };
});
