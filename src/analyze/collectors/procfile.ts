import type { FactSheet } from '../facts.js';
import type { AnalyzeContext, EvidenceCollector } from '../provider.js';
import { interpretStart } from './commands/start-command.js';
import { findInScope } from './scope.js';

/**
 * Procfile (Heroku, Dokku, foreman): `web:` is the component's start command (it wins over
 * package scripts and the README); `release:` runs once per deploy; every other entry is a
 * process of its own (a worker component with the same build).
 */
export const procfileCollector: EvidenceCollector = {
  id: 'procfile',
  collect(repo, facts: FactSheet, ctx: AnalyzeContext) {
    const [file] = findInScope(facts, ctx, ['Procfile']);
    if (!file) return;
    const text = repo.read(file, 64 * 1024);
    if (text === null) return;
    text.split('\n').forEach((raw, i) => {
      const m = /^([A-Za-z0-9_-]+)\s*:\s*(.+)$/.exec(raw.trim());
      if (!m || raw.trim().startsWith('#')) return;
      const [, type, command] = m as unknown as [string, string, string];
      const origin = { source: 'procfile' as const, file, line: i + 1, excerpt: raw.trim().slice(0, 200) };
      const meaning = interpretStart(command, repo, facts.dir);
      const process = meaning?.start ?? command.trim();
      const how = meaning?.reason ? `: ${meaning.reason}` : '';
      if (type === 'web') {
        facts.add('commands.start', process, { ...origin, reason: `Procfile web process${how}` });
        if (meaning?.release) facts.add('commands.release', meaning.release, { ...origin, reason: 'Procfile web process migrates before starting' });
        if (meaning?.port) facts.add('port', meaning.port, { ...origin, reason: `Procfile web process listens on ${meaning.port}` });
      } else if (type === 'release') {
        facts.add('commands.release', command.trim(), { ...origin, reason: 'Procfile release process: runs once per deploy' });
      } else {
        facts.addProcess(type, process, { ...origin, reason: `Procfile ${type} process${how}` });
      }
    });
  },
};
