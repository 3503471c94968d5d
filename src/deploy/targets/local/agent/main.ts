import { readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../../../fs/atomic-write.js';
import { ensureEnvDirs, envPaths } from '../paths.js';
import { startControlServer } from './control-server.js';
import { EnvironmentAgent } from './environment-agent.js';

/**
 * The per-environment agent process (started detached by ensure-agent.ts). It outlives the CLI,
 * holds the proxy and supervises the releases; its output goes to .slipway/envs/<env>/agent.log.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { project: { type: 'string' }, env: { type: 'string' } } });
  if (!values.project || !values.env) throw new Error('usage: agent --project DIR --env ENV');
  const paths = envPaths(values.project, values.env);
  ensureEnvDirs(paths);
  const stamp = (): string => new Date().toISOString();
  const log = (line: string): void => void process.stdout.write(`${stamp()} ${line}\n`);
  const agent = new EnvironmentAgent(paths, values.env, log);
  log(`agent ${process.pid} starting for ${values.env} (${paths.root})`);
  writeFileAtomic(paths.pid, `${process.pid}\n`);
  await agent.recover();
  for (const n of agent.notes) log(n);
  const token = readFileSync(paths.token, 'utf8').trim();
  let exiting = false;
  const exit = async (how: 'down' | 'signal'): Promise<void> => {
    if (exiting) return;
    exiting = true;
    if (how === 'signal') await agent.shutdown();
    server.close();
    rmSync(paths.socket, { force: true });
    rmSync(paths.pid, { force: true });
    log(`agent ${process.pid} stopped (${how})`);
    process.exit(0);
  };
  const server = await startControlServer(agent, paths.socket, token, () => void exit('down'));
  process.on('SIGTERM', () => void exit('signal'));
  process.on('SIGINT', () => void exit('signal'));
  log(`agent ready on ${paths.socket}`);
}

main().catch((err: unknown) => {
  process.stdout.write(`agent failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
