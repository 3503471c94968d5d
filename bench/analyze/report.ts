import type { RepoScore, Summary } from './score.js';

const TARGETS = { language: 1, start: 0.9, port: 0.9, servicesF1: 0.9, medianMs: 50 };

/** The per-repository table, then the summary against the issue's targets. */
export function printReport(scores: RepoScore[], s: Summary, missing: string[], m: { runs: number; cores: number; loadBefore: number; loadAfter: number }, out: NodeJS.WritableStream): void {
  const w = (line = '') => out.write(`${line}\n`);
  const mark = (ok: boolean) => (ok ? 'ok' : '--');
  w(`repo                                        lang pm   start port svc(tp/fp/fn) env     ms (wall / cpu)`);
  for (const r of scores) {
    w(`${r.repo.padEnd(44)}${mark(r.language).padEnd(5)}${mark(r.packageManager).padEnd(5)}${mark(r.start).padEnd(6)}${mark(r.port).padEnd(5)}${`${r.services.tp}/${r.services.fp}/${r.services.fn}`.padEnd(14)}${`${r.env.hit}/${r.env.total}`.padEnd(8)}${r.ms.toFixed(1)} / ${r.cpuMs.toFixed(1)}`);
    const misses = [
      !r.found && 'no component at app_dir',
      r.found && !r.language && `language ${r.predicted.language}`,
      r.found && !r.packageManager && `pm ${r.predicted.packageManager ?? '(none)'}`,
      r.found && !r.start && `start ${r.predicted.start}`,
      r.found && !r.port && `port ${r.predicted.port ?? '(none)'}`,
      (r.services.fp || r.services.fn) && `services ${JSON.stringify(r.predicted.services)}`,
    ].filter(Boolean);
    if (misses.length) w(`    miss: ${misses.join('; ')}`);
  }
  if (missing.length) w(`\nnot checked out (skipped): ${missing.join(', ')}`);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const vs = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');
  w();
  w(`${s.n} repositories, ${m.runs} run(s) each (time: median of the runs per repository); ${m.cores} cores, load average ${m.loadBefore.toFixed(1)} → ${m.loadAfter.toFixed(1)}`);
  w(`language accuracy         ${pct(s.language).padStart(7)}   target 100%     ${vs(s.language >= TARGETS.language)}`);
  w(`package manager accuracy  ${pct(s.packageManager).padStart(7)}`);
  w(`start command accuracy    ${pct(s.start).padStart(7)}   target >= 90%   ${vs(s.start >= TARGETS.start)}`);
  w(`port accuracy             ${pct(s.port).padStart(7)}   target >= 90%   ${vs(s.port >= TARGETS.port)}`);
  w(`services precision        ${pct(s.servicesPrecision).padStart(7)}`);
  w(`services recall           ${pct(s.servicesRecall).padStart(7)}`);
  w(`services F1               ${s.servicesF1.toFixed(3).padStart(7)}   target >= 0.9   ${vs(s.servicesF1 >= TARGETS.servicesF1)}`);
  w(`env var recall            ${pct(s.envRecall).padStart(7)}`);
  w(`median analysis time      ${`${s.medianMs.toFixed(1)} ms`.padStart(9)} target <= 50 ms ${vs(s.medianMs <= TARGETS.medianMs)}  (wall clock; p90 ${s.p90Ms.toFixed(1)} ms, first run median ${s.medianColdMs.toFixed(1)} ms)`);
  w(`median analysis CPU time  ${`${s.medianCpuMs.toFixed(1)} ms`.padStart(9)}   (user + system of this process: less sensitive to other load on the machine)`);
}
