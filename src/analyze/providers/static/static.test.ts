import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyze.js';
import { RepoView } from '../../repo.js';
import { staticProvider } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => join(here, '__fixtures__', name);
const example = (name: string) => join(here, '../../../../examples', name);

describe('static provider', () => {
  it('detects a folder with index.html and no manifest', () => {
    expect(staticProvider.detect(RepoView.open(example('static-landing')), '.').length).toBeGreaterThan(0);
    expect(staticProvider.detect(RepoView.open(example('python-polyglot-shop')), 'web').length).toBeGreaterThan(0);
  });

  it.each(['python-stdlib-hello', 'php-plain-guestbook', 'go-gin-orders', 'node-hello'])('does not detect %s', (name) => {
    expect(staticProvider.detect(RepoView.open(example(name)), '.')).toEqual([]);
  });

  it("leaves an index.html inside another project's folders to that project", () => {
    expect(staticProvider.detect(RepoView.open(fixture('flask-templates')), 'templates')).toEqual([]);
  });

  it('makes a site in a subfolder one static component (its own subfolders are part of it)', () => {
    const r = analyzeRepo(RepoView.open(fixture('site-in-subfolder')), [staticProvider]);
    expect(r.spec!.components).toHaveLength(1);
    expect(r.spec!.components[0]).toMatchObject({ path: 'site', kind: 'static', language: 'html', runtime: 'static', staticDir: '.' });
  });

  it('has a README describing what it detects', () => {
    expect(existsSync(join(here, 'README.md'))).toBe(true);
  });
});
