import type { Component } from '../../src/spec/component.js';
import { median } from '../support/stats.js';
import type { CorpusEntry } from './corpus.js';
import { startEquivalent, type EquivalenceContext } from './start-equivalence.js';

/** The services the corpus normalises to; others (kafka, elasticsearch …) are not scored. */
export const SCORED_SERVICES = new Set(['postgres', 'mysql', 'mariadb', 'redis', 'mongodb', 'rabbitmq']);

export interface RepoScore {
  repo: string;
  found: boolean;
  language: boolean;
  packageManager: boolean;
  start: boolean;
  port: boolean;
  services: { tp: number; fp: number; fn: number };
  env: { hit: number; total: number };
  predicted: { language?: string; packageManager?: string; start?: string; port?: number; services: string[]; missingEnv: string[] };
  ms: number;
  cpuMs: number;
  coldMs: number;
}

export function scoreRepo(entry: CorpusEntry, c: Component | undefined, eq: EquivalenceContext, time: { ms: number; cpuMs: number; coldMs: number }): RepoScore {
  const services = (c?.services ?? []).map((s) => s.type as string).filter((s) => SCORED_SERVICES.has(s));
  const truthServices = new Set(entry.services);
  const envNames = new Set((c?.env ?? []).map((e) => e.name));
  const start = c?.kind === 'static' ? undefined : c?.commands.start;
  return {
    repo: entry.repo,
    found: Boolean(c),
    language: c?.language === entry.language,
    packageManager: c?.packageManager === entry.package_manager,
    start: Boolean(c && entry.start_cmd && startEquivalent({ kind: c.kind, ...(start ? { start } : {}) }, entry.start_cmd, eq)),
    port: c?.port === entry.port,
    services: {
      tp: services.filter((s) => truthServices.has(s)).length,
      fp: services.filter((s) => !truthServices.has(s)).length,
      fn: entry.services.filter((s) => !services.includes(s)).length,
    },
    env: { hit: entry.env_vars.filter((n) => envNames.has(n)).length, total: entry.env_vars.length },
    predicted: {
      ...(c?.language ? { language: c.language } : {}),
      ...(c?.packageManager ? { packageManager: c.packageManager } : {}),
      ...(c ? { start: c.kind === 'static' ? '(static site)' : (c.commands.start ?? '(none)') } : {}),
      ...(c?.port ? { port: c.port } : {}),
      services,
      missingEnv: entry.env_vars.filter((n) => !envNames.has(n)),
    },
    ...time,
  };
}

export interface Summary {
  n: number;
  language: number;
  packageManager: number;
  start: number;
  port: number;
  servicesPrecision: number;
  servicesRecall: number;
  servicesF1: number;
  envRecall: number;
  medianMs: number;
  medianCpuMs: number;
  p90Ms: number;
  medianColdMs: number;
}

export function summarize(scores: RepoScore[]): Summary {
  const frac = (f: (s: RepoScore) => boolean) => scores.filter(f).length / scores.length;
  const tp = sum(scores.map((s) => s.services.tp));
  const fp = sum(scores.map((s) => s.services.fp));
  const fn = sum(scores.map((s) => s.services.fn));
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const ms = scores.map((s) => s.ms).sort((a, b) => a - b);
  const med = (xs: number[]) => (xs.length ? median(xs) : 0); // 0 without repositories, as p90Ms
  return {
    n: scores.length,
    language: frac((s) => s.language),
    packageManager: frac((s) => s.packageManager),
    start: frac((s) => s.start),
    port: frac((s) => s.port),
    servicesPrecision: precision,
    servicesRecall: recall,
    servicesF1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    envRecall: sum(scores.map((s) => s.env.hit)) / Math.max(1, sum(scores.map((s) => s.env.total))),
    medianMs: med(ms),
    medianCpuMs: med(scores.map((s) => s.cpuMs)),
    p90Ms: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.9))] ?? 0,
    medianColdMs: med(scores.map((s) => s.coldMs)),
  };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

