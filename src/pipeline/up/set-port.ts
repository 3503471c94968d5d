import { EXIT, UserError } from '../../errors.js';
import type { AppSpec } from '../../spec/app-spec.js';
import { environmentNames } from '../../spec/environments.js';
import { formatProblem } from '../../spec/errors.js';
import { loadSpec, parseSpec, writeSpecText } from '../../spec/io.js';

/** Records environments.<env>.port in slipway.yaml, keeping the user's comments and layout. */
export function setEnvironmentPort(dir: string, env: string, port: number): AppSpec {
  const loaded = loadSpec(dir);
  if (!loaded?.ok) throw new UserError('slipway.yaml is missing or not valid', EXIT.usage, 'run `slipway analyze --write` first');
  // Declaring one environment declares the set: keep the others (dev, test, prod) alongside.
  if (!loaded.spec.environments) for (const name of environmentNames(loaded.spec)) loaded.doc.setIn(['environments', name], loaded.doc.createNode({}));
  loaded.doc.setIn(['environments', env, 'port'], port);
  const text = loaded.doc.toString({ lineWidth: 0 });
  const reparsed = parseSpec(text, loaded.file);
  if (!reparsed.ok) throw new UserError(`cannot set environments.${env}.port: ${reparsed.problems.map(formatProblem).join('; ')}`, EXIT.usage);
  writeSpecText(dir, text);
  return reparsed.spec;
}
