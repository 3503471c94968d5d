import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenarioServer } from '../__fixtures__/servers.js';
import { runAgainst } from '../__fixtures__/run-helpers.js';
import { parseScenario } from './load.js';

const SCENARIO = `# log in, then fetch an item with the token from the login response
name: login-and-browse
vars:
  user: ada
defaults:
  headers:
    accept: application/json
requests:
  - name: login
    method: POST
    path: /login
    json: { user: "{{user}}" }
    extract:
      token: { json: data.token }
      item: { json: "data.items[1].id" }
      session: { header: x-session }
  - name: item
    path: /items/{{item}}
    headers:
      authorization: "Bearer {{token}}"
      x-session: "{{session}}"
    think: 20ms
`;

describe('scenarios against a real server', () => {
  let server: Awaited<ReturnType<typeof startScenarioServer>>;
  beforeAll(async () => {
    server = await startScenarioServer();
  });
  afterAll(() => server.close());

  it('open model: each arrival runs the scenario; values flow from one response to the next request', async () => {
    const scenario = parseScenario(SCENARIO, 'scenario.yaml');
    const { report } = await runAgainst(server.url, { rate: 10, durationMs: 1000, scenario });
    expect(report.totals.requests).toBe(20);
    expect(report.totals.errors.total).toBe(0);
    expect(server.seen.filter((l) => l === 'POST /login ')).toHaveLength(10);
    expect(server.seen.filter((l) => l === 'GET /items/42 Bearer tok-ada')).toHaveLength(10);
    expect(report.scenario.requests.map((r) => r.name)).toEqual(['login', 'item']);
  });

  it('closed model: virtual users loop over the scenario', async () => {
    server.seen.length = 0;
    const scenario = parseScenario(SCENARIO, 'scenario.yaml');
    const { report } = await runAgainst(server.url, { vus: 2, durationMs: 1000, scenario });
    expect(report.totals.errors.total).toBe(0);
    const logins = server.seen.filter((l) => l.startsWith('POST /login')).length;
    const items = server.seen.filter((l) => l === 'GET /items/42 Bearer tok-ada').length;
    expect(logins).toBeGreaterThan(2);
    expect(items).toBeGreaterThanOrEqual(logins - 2);
    expect(items).toBeLessThanOrEqual(logins);
  });

  it('a value missing from the response fails the request as a response error and ends the iteration', async () => {
    server.seen.length = 0;
    const text = SCENARIO.replace('token: { json: data.token }', 'token: { json: data.nothing }');
    const { report } = await runAgainst(server.url, { rate: 10, durationMs: 1000, scenario: parseScenario(text, 'scenario.yaml') });
    expect(report.totals.errors.byKind).toEqual({ status: 0, timeout: 0, connection: 0, response: 10 });
    expect(report.totals.errors.detail).toEqual({ 'response no token': 10 });
    expect(server.seen.some((l) => l.startsWith('GET /items'))).toBe(false);
  });
});
