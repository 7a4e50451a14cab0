import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { CHROMIUM } from '../tests/support/browser.js';
import { runBrowserBench } from './browserBench.js';
import { type CollabResult, runCollabBench } from './collabBench.js';
import { runExportBench } from './export.js';
import { runGuardBench } from './guard.js';
import { servers } from './serverProcess.js';

/**
 * `npm run bench`: Accord against Hocuspocus and the reference y-websocket server, each in
 * its own process on loopback, in one run; then the update-check cost and export timings.
 * Prints Markdown tables and writes JSON under bench/results/. Never fails on a timing.
 */
const opts = {
  readers: (process.env.BENCH_READERS ?? '10,100,500').split(',').map(Number),
  seconds: Number(process.env.BENCH_SECONDS ?? 8),
  rate: Number(process.env.BENCH_RATE ?? 20),
  rooms: Number(process.env.BENCH_ROOMS ?? 1000),
  paragraphs: Number(process.env.BENCH_PARAGRAPHS ?? 1000),
};
const log = (s: string) => process.stderr.write(`${s}\n`);
const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');

const collab: CollabResult[] = [];
// BENCH_SERVERS=accord,yWebsocket runs a subset (file names in bench/servers).
const only = process.env.BENCH_SERVERS?.split(',');
for (const kind of servers.filter((k) => !only || only.some((o) => k.file.startsWith(o)))) {
  log(`${kind.name}`);
  collab.push(await runCollabBench(kind, opts, log));
}
log('update check cost …');
const guard = runGuardBench();
log('exports …');
const exports = (await runExportBench()).rows;
log('browser (Chromium, 500-paragraph draft) …');
const browser = existsSync(CHROMIUM) ? await runBrowserBench() : null;

const header = `| metric | ${collab.map((c) => c.server).join(' | ')} |\n|---|${collab.map(() => '---:').join('|')}|`;
const row = (name: string, values: string[]) => `| ${name} | ${values.join(' | ')} |`;
const lines = [header];
opts.readers.forEach((n, i) => {
  const at = (c: CollabResult) => c.fanout[i]!;
  lines.push(
    row(
      `fan-out N=${n}: p50 / p95 / p99 ms`,
      collab.map((c) => `${f(at(c).p50)} / ${f(at(c).p95)} / ${f(at(c).p99)}`),
    ),
  );
  lines.push(
    row(
      `fan-out N=${n}: server CPU µs per delivered message`,
      collab.map((c) => f(at(c).cpuUsPerMessage)),
    ),
  );
  lines.push(
    row(
      `fan-out N=${n}: delivered / expected`,
      collab.map((c) => `${at(c).delivered} / ${at(c).edits * n}`),
    ),
  );
});
lines.push(
  row(
    `sync a ${opts.paragraphs}-paragraph document (median of 5), ms`,
    collab.map((c) => f(c.largeDocSyncMs)),
  ),
);
lines.push(
  row(
    `memory per open room (${opts.rooms} rooms), KB`,
    collab.map((c) => f(c.memoryPerRoomKb)),
  ),
);
lines.push(
  row(
    'server CPU, whole run, s',
    collab.map((c) => f(c.cpuSeconds, 2)),
  ),
);
lines.push(
  row(
    'server peak RSS, MB',
    collab.map((c) => f(c.peakRssMb, 0)),
  ),
);
const collabTable = lines.join('\n');

const guardTable = [
  '| update (1,000-paragraph draft, 100 locks) | bytes | check µs | apply µs | check / apply |',
  '|---|---:|---:|---:|---:|',
  ...guard.map((g) => `| ${g.name} | ${g.updateBytes} | ${f(g.checkUs)} | ${f(g.applyUs)} | ${f(g.ratio, 2)} |`),
].join('\n');
const exportTable = [
  '| export of a 500-paragraph draft (median of 3) | ms | bytes |',
  '|---|---:|---:|',
  ...exports.map((e) => `| ${e.name} | ${f(e.ms, 0)} | ${e.bytes} |`),
].join('\n');

const browserTable = browser
  ? [
      `| browser: ${browser.paragraphs} paragraphs, ${browser.brackets} brackets, Chromium | value |`,
      '|---|---:|',
      `| time to first editable render, ms | ${f(browser.firstEditableMs, 0)} |`,
      `| keystroke to paint p50 / p95, ms (${browser.keystrokes} keys) | ${f(browser.keystrokeP50)} / ${f(browser.keystrokeP95)} |`,
    ].join('\n')
  : '(browser bench skipped: no Chromium)';
const when = new Date().toISOString();
const md =
  `Measured ${when.slice(0, 10)} on ${process.platform}/${process.arch}, Node ${process.version}, ` +
  `one writer at ${opts.rate} edits/s for ${opts.seconds} s per N.\n\n${collabTable}\n\n${guardTable}\n\n${exportTable}\n\n${browserTable}\n`;
console.log(md);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const json = JSON.stringify({ when, opts, collab, guard, exports, browser }, null, 2);
writeFileSync(new URL(`./results/${when.replace(/[:.]/g, '-')}.json`, import.meta.url), json);
writeFileSync(new URL('./results/latest.json', import.meta.url), json);
writeFileSync(new URL('./results/latest.md', import.meta.url), md);
