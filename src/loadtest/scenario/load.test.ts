import { describe, expect, it } from 'vitest';
import { UserError } from '../../errors.js';
import { parseScenario } from './load.js';

const problems = (text: string, env: NodeJS.ProcessEnv = {}): string => {
  try {
    parseScenario(text, 'checkout.yaml', env);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as UserError).message;
  }
  throw new Error('expected the scenario to be rejected');
};

describe('scenario files', () => {
  it('reads requests, defaults, bodies, extraction and think time', () => {
    const s = parseScenario(
      `name: checkout
defaults:
  headers: { Accept: text/html }
  think: 1s
  timeout: 2s
requests:
  - path: /
  - name: pay
    method: post
    path: /pay?cart={{cart}}
    headers: { authorization: "Bearer {{env.SHOP_TOKEN}}" }
    body: "amount=10"
    expect: [200, 201]
    think: 250ms
    extract:
      receipt: { regex: "receipt-(\\\\d+)" }
`.replace('/pay?cart={{cart}}', '/pay'),
      'checkout.yaml',
      { SHOP_TOKEN: 's3cret' },
    );
    expect(s.name).toBe('checkout');
    expect(s.requests[0]).toMatchObject({ name: 'GET /', method: 'GET', headers: { accept: 'text/html' }, thinkMs: 1000, timeoutMs: 2000, expectStatus: null });
    expect(s.requests[1]).toMatchObject({ name: 'pay', method: 'POST', body: 'amount=10', expectStatus: [200, 201], thinkMs: 250 });
    expect(s.requests[1]?.extract).toEqual([{ var: 'receipt', from: 'regex', pattern: 'receipt-(\\d+)' }]);
    expect(s.vars['env.SHOP_TOKEN']).toBe('s3cret');
    expect(s.secretVars).toEqual(['env.SHOP_TOKEN']);
  });

  it('json bodies set the content type', () => {
    const s = parseScenario('requests:\n  - path: /login\n    method: POST\n    json: { user: ada }\n', 'x.yaml');
    expect(s.requests[0]).toMatchObject({ body: '{"user":"ada"}', bodyKind: 'json', headers: { 'content-type': 'application/json' } });
  });

  it('names the file and line of an unknown key', () => {
    expect(problems('requests:\n  - path: /\n    thinktime: 1s\n')).toContain('checkout.yaml:3:5: requests[0].thinktime: unknown key');
  });

  it('names the line of a bad duration, a bad JSON path and an undefined placeholder', () => {
    const msg = problems(`requests:
  - path: /a
    think: soon
  - path: /b/{{order}}
    extract:
      id: { json: "items[x]" }
`);
    expect(msg).toContain('checkout.yaml:3:12: requests[0].think: "soon" is not a duration');
    expect(msg).toContain('checkout.yaml:4:11: requests[1].path: {{order}} is not defined');
    expect(msg).toContain('checkout.yaml:6:11: requests[1].extract.id: "items[x]" is not a JSON path');
  });

  it('a value extracted earlier may be used later, not before', () => {
    const ok = `requests:\n  - path: /login\n    extract: { t: { header: x-token } }\n  - path: /me\n    headers: { authorization: "{{t}}" }\n`;
    expect(parseScenario(ok, 'x.yaml').requests).toHaveLength(2);
    const early = `requests:\n  - path: /me\n    headers: { authorization: "{{t}}" }\n  - path: /login\n    extract: { t: { header: x-token } }\n`;
    expect(problems(early)).toContain('checkout.yaml:3:31: requests[0].headers.authorization: {{t}} is not defined');
  });

  it('an environment variable that is not set is an error, not an empty header', () => {
    expect(problems('requests:\n  - path: /\n    headers: { x-key: "{{env.NOPE}}" }\n')).toContain('the environment variable NOPE is not set');
  });

  it('refuses headers the generator frames itself or could not send, at their line', () => {
    const msg = problems('defaults:\n  headers: { bad name: x }\nrequests:\n  - path: /\n    headers: { content-length: "5" }\n');
    expect(msg).toContain('checkout.yaml:5:32: requests[0].headers.content-length: Slipway frames the body itself');
    expect(msg).toMatch(/checkout\.yaml:2:\d+: defaults\.headers\.bad name: "bad name" is not a valid header name/);
    expect(problems('requests:\n  - path: /\n    headers: { x-a: "one\\r\\nx-b: two" }\n')).toContain('cannot hold line breaks');
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problems('requests:\n  - path: /\n   method: [GET\n')).toMatch(/checkout\.yaml:\d+/);
  });

  it('requires at least one request whose path starts with /', () => {
    expect(problems('requests: []\n')).toContain('requests: list at least one request');
    expect(problems('requests:\n  - path: login\n')).toContain('checkout.yaml:2:11: requests[0].path: starts with "/"');
  });
});
