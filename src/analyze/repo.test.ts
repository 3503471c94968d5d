import { describe, expect, it } from 'vitest';
import { GENERATED_MARKER } from '../render/renderer.js';
import { tempView } from './collectors/__fixtures__/temp-repo.js';

describe('RepoView reads', () => {
  it('gives the same text and notes for a bound whether or not a larger read came first', () => {
    const text = 'x'.repeat(100);
    const fresh = tempView({ 'a.txt': text });
    const warm = tempView({ 'a.txt': text });
    warm.read('a.txt');
    for (const view of [fresh, warm]) {
      expect(view.read('a.txt', 10)).toBe('x'.repeat(10));
      expect(view.read('a.txt', 100)).toBe(text);
    }
    expect(warm.notes).toEqual(fresh.notes);
    expect(fresh.notes).toEqual([{ level: 'info', file: 'a.txt', message: 'is longer than 10 bytes; read the first 10' }]);
  });

  it('looks for the generated marker without a note about the rest of the file', () => {
    const repo = tempView({ 'ours.conf': `# ${GENERATED_MARKER}\n${'#\n'.repeat(600)}`, 'theirs.conf': '#\n'.repeat(600) });
    expect(repo.isGenerated('ours.conf')).toBe(true);
    expect(repo.isGenerated('theirs.conf')).toBe(false);
    expect(repo.notes).toEqual([]);
  });
});
