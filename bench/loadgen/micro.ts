import { performance } from 'node:perf_hooks';
import { ResponseParser } from '../../src/loadtest/generator/http/response-parser.js';
import { createHistogram } from '../../src/loadtest/metrics/histogram.js';
import { LatencyBatch } from '../../src/loadtest/metrics/latency-batch.js';

// `npx tsx bench/loadgen/micro.ts`: CPU time of the generator's per-request pieces — the
// response parser on real heads, the clock, histogram recording. Prints figures; asserts nothing.
const N = Number(process.env.BENCH_ITERATIONS ?? 1_000_000);

function cpuNs(run: (count: number) => void): number {
  run(Math.ceil(N / 10));
  const c0 = process.cpuUsage();
  run(N);
  const c = process.cpuUsage(c0);
  return ((c.user + c.system) * 1000) / N;
}
const row = (name: string, ns: number): void => console.log(`| ${name} | ${ns.toFixed(0)} |`);

const nginx = (date: string): string =>
  `HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: ${date}\r\nContent-Type: text/plain\r\nContent-Length: 17\r\nConnection: keep-alive\r\n\r\nhello from nginx\n`;
const node = (date: string): string =>
  `HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 11\r\nDate: ${date}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\nhello world`;
const chunked = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nb\r\n{"ok":true}\r\n0\r\n\r\n';

/** Responses as a socket delivers them: copied into one reused read buffer, then parsed. */
function parse(streams: Buffer[]): number {
  const p = new ResponseParser();
  const read = Buffer.alloc(64 * 1024);
  return cpuNs((count) => {
    for (let i = 0; i < count; i++) {
      const s = streams[i % streams.length] as Buffer;
      s.copy(read, 0);
      p.begin(false, false, false);
      if (p.feed(read, 0, s.length) !== s.length) throw new Error('not one complete response');
    }
  });
}

// Distinct heads defeat the memo: a different Date every response.
const dates = Array.from({ length: 1000 }, (_, i) => `Sat, 22 Nov 2026 02:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} GMT`);
const first = dates[0] as string;
console.log(`${N} iterations each, CPU time per iteration\n`);
console.log('| response parser (copy into the read buffer included) | ns |');
console.log('|---|---|');
row('nginx, every head different (full parse)', parse(dates.map((d) => Buffer.from(nginx(d)))));
row('nginx, the same head again (remembered)', parse([Buffer.from(nginx(first))]));
row('node http, every head different', parse(dates.map((d) => Buffer.from(node(d)))));
row('node http, the same head again', parse([Buffer.from(node(first))]));
row('chunked JSON, the same head again', parse([Buffer.from(chunked)]));

let sink = 0;
const origin = performance.timeOrigin;
console.log('\n| clock read | ns |');
console.log('|---|---|');
row('performance.now()', cpuNs((n) => { for (let i = 0; i < n; i++) sink += performance.now(); }));
row('timeOrigin + performance.now() (generator/clock.ts)', cpuNs((n) => { for (let i = 0; i < n; i++) sink += origin + performance.now(); }));
row('process.hrtime.bigint()', cpuNs((n) => { for (let i = 0; i < n; i++) sink += Number(process.hrtime.bigint() & 1n); }));
row('Date.now() (whole ms only)', cpuNs((n) => { for (let i = 0; i < n; i++) sink += Date.now(); }));

// Latencies as a loaded local target gives them: 200 µs – 5 ms.
const latencies = Array.from({ length: 4096 }, (_, i) => 200 + ((i * 7919) % 4800));
console.log('\n| latency recording, per response | ns |');
console.log('|---|---|');
const direct = createHistogram();
row('hdr-histogram-js recordValue', cpuNs((n) => { for (let i = 0; i < n; i++) direct.recordValue(latencies[i & 4095] as number); }));
const batched = createHistogram();
const batch = new LatencyBatch(batched);
// A flush per 65,536 responses: about one second of a fast run.
row('LatencyBatch.record, flushed per 65,536', cpuNs((n) => {
  for (let i = 0; i < n; i++) {
    batch.record(latencies[i & 4095] as number);
    if ((i & 0xffff) === 0xffff) batch.flush();
  }
  batch.flush();
}));
if (sink === 42) console.log('');
