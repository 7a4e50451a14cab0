import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { type CollabOptions, type CollabResult, collabSection, runCollabBench } from './collabBench.js';
import { type BenchSection, renderSection, type SectionRunner } from './section.js';
import { servers } from './serverProcess.js';

/**
 * `npm run bench`: Accord against the reference y-websocket server and Hocuspocus, each in its
 * own process on loopback, in one run; then every other bench module present (room of 100 with
 * presence, update check, exports, browser). Prints Markdown tables, writes bench/results/<time>.json and latest.json.
 * Never fails on a timing; a part that breaks is reported in its table and the run goes on.
 *
 * BENCH_SECONDS (10), BENCH_READERS ('10,100,200,500'), BENCH_ROOMS (1000), BENCH_RATE (20 edits/s),
 * BENCH_ROOMS_SECONDS (15) and BENCH_ROOMS_RATE (0.5 edits/s per client) for the many-rooms phase,
 * BENCH_NORMAL=1 (Accord with synchronous=NORMAL too),
 * BENCH_PARAGRAPHS (1000), BENCH_PRESENCE_SECONDS (60: the room of 100, bench/presence.ts),
 * BENCH_SERVERS (subset by file name, e.g. 'accord,yWebsocket'), BENCH_SKIP (modules to leave out,
 * e.g. 'presence,browser,export'), BENCH_ONLY (just these modules, e.g. 'presence': no fan-out, results
 * in bench/results/<modules>.md), BENCH_PROFILE (a directory: the servers run with --cpu-prof and write
 * their profiles there).
 */
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const opts: CollabOptions = {
  readers: (process.env.BENCH_READERS ?? '10,100,200,500')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0),
  seconds: num('BENCH_SECONDS', 10),
  rate: num('BENCH_RATE', 20),
  rooms: Math.round(num('BENCH_ROOMS', 1000)),
  paragraphs: Math.round(num('BENCH_PARAGRAPHS', 1000)),
  roomsSeconds: num('BENCH_ROOMS_SECONDS', 15),
  roomsRate: num('BENCH_ROOMS_RATE', 0.5),
};
/** Bench modules run after the servers, each optional: `export async function benchSection()`. */
const MODULES = ['presence', 'guard', 'export', 'exportLoad', 'browser'];

const log = (s: string) => process.stderr.write(`${s}\n`);
/** Others may share the machine: the load average says how quiet it was. */
const loadAtStart = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

const only = process.env.BENCH_SERVERS?.split(',').filter(Boolean);
const skip = new Set(process.env.BENCH_SKIP?.split(','));
/** BENCH_ONLY runs just these modules (no fan-out) and writes bench/results/<names>.md, leaving latest.* alone. */
const onlyModules = process.env.BENCH_ONLY?.split(',').filter(Boolean) ?? null;
const collab: CollabResult[] = [];
if (!onlyModules) {
  // Accord with synchronous=NORMAL only when asked (BENCH_NORMAL=1): the run stays within ~10 minutes.
  const kinds = servers.filter(
    (k) =>
      (process.env.BENCH_NORMAL === '1' || !k.env?.BENCH_SQLITE_SYNCHRONOUS) &&
      (!only || only.some((o) => k.file.startsWith(o))),
  );
  for (const kind of kinds) {
    log(`[${elapsed()}] ${kind.name}`);
    collab.push(await runCollabBench(kind, opts, log));
  }
}
const sections: BenchSection[] = onlyModules ? [] : [collabSection(collab, opts)];
const modules: Record<string, unknown> = {};

for (const name of MODULES) {
  if (onlyModules && !onlyModules.includes(name)) continue;
  if (skip.has(name) || !existsSync(new URL(`./${name}.ts`, import.meta.url))) continue;
  log(`[${elapsed()}] ${name} …`);
  try {
    const mod: unknown = await import(`./${name}.js`);
    const runner = (mod as { benchSection?: unknown }).benchSection;
    if (typeof runner !== 'function') throw new Error(`bench/${name}.ts exports no benchSection()`);
    const out = [await (runner as SectionRunner)()].flat();
    sections.push(...out);
    modules[name] = out.length === 1 ? (out[0]?.data ?? null) : out.map((s) => s.data ?? null);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log(`  ${name} failed: ${message}`);
    sections.push({ title: name, columns: ['error'], rows: [{ metric: 'failed', values: [message] }] });
  }
}

const when = new Date().toISOString();
const machine = `${process.platform}/${process.arch}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, load average at the start ${loadAtStart}, at the end ${loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}`;
const md = `Measured ${when.slice(0, 16).replace('T', ' ')} UTC on ${machine}.\n\n${sections
  .map(renderSection)
  .join('\n\n')}\n`;
console.log(`\n${md}`);
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
const json = `${JSON.stringify(
  {
    when,
    machine,
    opts,
    durationS: (performance.now() - started) / 1000,
    sections: sections.map(({ title, columns, rows, note }) => ({ title, columns, rows, note })),
    collab,
    modules,
  },
  null,
  2,
)}\n`;
writeFileSync(new URL(`${when.replace(/[:.]/g, '-')}.json`, dir), json);
const name = onlyModules ? onlyModules.join('-') : 'latest';
writeFileSync(new URL(`${name}.json`, dir), json);
writeFileSync(new URL(`${name}.md`, dir), md);
log(`[${elapsed()}] done: bench/results/${name}.json, bench/results/${name}.md`);
