import { parentPort, workerData } from 'node:worker_threads';
import { ClosedModel } from './closed-model.js';
import { ExchangeRunner } from './exchange-runner.js';
import { compileScenario } from './exchange.js';
import type { FromWorker, PhaseCommand, ToWorker, WorkerSetup } from './messages.js';
import { OpenModel } from './open-model.js';
import { SecondRecorder } from './recorder.js';
import { Sender, sweepInterval } from './sender.js';

// One generator thread: owns its keep-alive connections and runs the phases the main thread sends.
const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('worker-entry.ts runs as a worker thread');
const post = (m: FromWorker): void => port.postMessage(m);

const requests = compileScenario(setup.scenario, setup.timeoutMs, new URL(setup.origin).host);
const sender = new Sender(setup.origin, setup.connections, { sweepMs: sweepInterval(Math.min(...requests.map((r) => r.timeoutMs))) });
let current: OpenModel | ClosedModel | undefined;

async function runPhase(cmd: PhaseCommand): Promise<void> {
  const recorder = new SecondRecorder(cmd.startAt, (bucket) => post({ type: 'second', phase: cmd.phase, bucket }));
  const runner = new ExchangeRunner(sender, requests, recorder);
  const vars = setup.scenario.vars;
  const model =
    cmd.shape.model === 'open'
      ? new OpenModel(runner, {
          stages: cmd.shape.stages,
          startAt: cmd.startAt,
          workerIndex: setup.workerIndex,
          workerCount: setup.workerCount,
          maxInFlight: setup.connections,
          maxRequests: cmd.maxRequests,
          timeoutMs: setup.timeoutMs,
          vars,
        })
      : new ClosedModel(runner, { vus: cmd.shape.vus, firstVu: cmd.firstVu, startAt: cmd.startAt, durationMs: cmd.shape.durationMs, maxRequests: cmd.maxRequests, vars });
  current = model;
  const totals = await model.run();
  current = undefined;
  recorder.close();
  post({ type: 'phase-done', phase: cmd.phase, totals });
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'phase') {
    runPhase(m).catch((err: unknown) => post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) }));
  } else if (m.type === 'stop') {
    current?.stop();
  } else {
    sender.close();
    port.close();
  }
});
post({ type: 'ready' });
