import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../exec/run-command.js';
import { LineMasker, MAX_PENDING_LINE } from '../../masking/line-masker.js';
import { SecretMasker } from '../../masking/secret-masker.js';
import { StepLog } from './step-log.js';

const SECRET = 'hunter2-Sup3rS3cret-token';

function feed(chunks: string[], secrets = [SECRET]): string[] {
  const masker = new SecretMasker();
  for (const s of secrets) masker.add(s);
  const lines: string[] = [];
  const lm = new LineMasker(masker, (l) => lines.push(l));
  for (const c of chunks) lm.write(c);
  lm.end();
  return lines;
}

describe('secret masking', () => {
  it('masks a secret split across output chunks at every possible point', () => {
    const text = `token=${SECRET} and again ${SECRET}\nnext line\n`;
    for (let cut = 1; cut < text.length; cut++) {
      const lines = feed([text.slice(0, cut), text.slice(cut)]);
      expect(lines, `split at ${cut}`).toEqual(['token=*** and again ***', 'next line']);
    }
  });

  it('masks a secret fed one character at a time', () => {
    expect(feed([...`a${SECRET}b\n`])).toEqual(['a***b']);
  });

  it('masks inside an overlong line emitted in pieces, even when the secret straddles a piece boundary', () => {
    for (const offset of [0, 1, 7, SECRET.length - 1]) {
      const filler = 'x'.repeat(MAX_PENDING_LINE - offset);
      const chunks = [filler, SECRET.slice(0, 5), `${SECRET.slice(5)}${'y'.repeat(100)}`, '\n'];
      const joined = feed(chunks).join('');
      expect(joined).not.toContain(SECRET.slice(0, 8));
      expect(joined).toContain('***');
      expect(joined.length).toBe(filler.length + 3 + 100);
    }
  });

  it('masks every line of a multi-line secret (a PEM key printed as is)', () => {
    const pem = '-----BEGIN KEY-----\nMIIBVwIBADANBgkqhkiG9w0BAQEFAASCAT\n-----END KEY-----';
    const lines = feed([`key:\n${pem}\n`], [pem]);
    expect(lines.join('\n')).not.toContain('MIIBVwIBADANBgkqhkiG9w0BAQEFAASCAT');
  });

  it('masks the longer of two overlapping secrets whole, and ignores values too short to mask', () => {
    expect(feed(['abc-secret-value-long abc\n'], ['abc-secret', 'abc-secret-value-long', 'ab'])).toEqual(['*** abc']);
  });

  describe('through a real process writing the secret in two separate writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-mask-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('never lets the secret reach the log file or the live output', async () => {
      const masker = new SecretMasker();
      masker.add(SECRET);
      const live: string[] = [];
      const log = new StepLog(join(dir, 'step.log'), masker, (l) => live.push(l));
      log.open();
      const half = SECRET.length >> 1;
      const r = await runCommand({
        command: `printf 'start %s' "${SECRET.slice(0, half)}"; sleep 0.3; printf '%s end\\n' "${SECRET.slice(half)}"; echo "$TOKEN" >&2`,
        cwd: dir,
        env: { ...process.env, TOKEN: SECRET },
        log,
        masker,
      });
      log.close();
      expect(r.exitCode).toBe(0);
      const file = readFileSync(join(dir, 'step.log'), 'utf8');
      expect(file).not.toContain(SECRET.slice(0, half + 1));
      expect(file).toContain('start *** end');
      // stdout and stderr are separate pipes: their relative order is not guaranteed.
      expect([...live].sort()).toEqual(['***', 'start *** end']);
    });
  });
});
