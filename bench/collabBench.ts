import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { EDITOR_ROOT, Node } from '../shared/model/schemaNames.js';
import { clauseElement, writeDraft } from '../shared/model/writeDraft.js';
import { type BenchSection, fmt } from './section.js';
import { type ServerKind, ServerProcess } from './serverProcess.js';
import type { ChildStats } from './servers/childStats.js';
import { WireClient } from './wireClient.js';

export interface FanoutResult {
  readers: number;
  edits: number;
  /** (edit, reader) pairs observed within the deadline; expected = edits × readers. */
  delivered: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Server CPU during the typing window / (edits × readers). */
  cpuUsPerMessage: number;
  /** Share of that CPU spent in the kernel (mostly socket writes), %. */
  cpuKernelPct: number;
  /** CPU of the bench process (writer + all readers) during the window, % of one core: high means suspect latencies. */
  clientCpuPct: number;
  /** The bench process's event-loop delay p99 during the window, beyond the sampling interval, ms. */
  clientLoopDelayP99Ms: number;
  /** A reader that applies every update ends with exactly the writer's text. */
  converged: boolean;
}

export interface PhaseStats {
  name: string;
  wallS: number;
  cpuS: number;
  peakRssMb: number;
}

export interface CollabResult {
  server: string;
  error?: string;
  fanout: FanoutResult[];
  largeDoc: {
    paragraphs: number;
    edits: number;
    buildMs: number;
    bytes: number;
    syncMs: number;
    syncRunsMs: number[];
  } | null;
  rooms: { count: number; rssKbPerRoom: number; heapKbPerRoom: number } | null;
  phases: PhaseStats[];
  cpuSeconds: number;
  peakRssMb: number;
}

export interface CollabOptions {
  readers: number[];
  seconds: number;
  rate: number;
  rooms: number;
  paragraphs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function clause(id: string): Y.XmlElement {
  return clauseElement({
    id,
    kind: 'operative',
    bis: false,
    altGroup: null,
    bracket: null,
    blocks: [{ type: 'text', runs: [] }],
  });
}

/**
 * The paragraph text to type into. Accord's new documents already hold section > [sectionHeading,
 * clause > paragraph]; on the peers, which start empty, the first client writes the same tree.
 */
function typingTarget(doc: Y.Doc): Y.XmlText {
  const root = doc.getXmlFragment(EDITOR_ROOT);
  if (root.length === 0) {
    doc.transact(() =>
      writeDraft(root, {
        sections: [
          {
            id: 's1',
            heading: 'Section',
            paragraphs: [{ id: 'p1', kind: 'operative', bis: false, altGroup: null, bracket: null, blocks: [] }],
          },
        ],
      }),
    );
  }
  const section = root.get(0) as Y.XmlElement;
  const first = section.toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === Node.clause);
  if (!(first instanceof Y.XmlElement)) throw new Error('no clause in the document');
  const paragraph = first.get(0) as Y.XmlElement;
  let text = paragraph.get(0);
  if (!(text instanceof Y.XmlText)) {
    text = new Y.XmlText();
    paragraph.insert(0, [text]);
  }
  return text as Y.XmlText;
}

async function connectMany(
  kind: ServerKind,
  server: ServerProcess,
  ids: string[],
  withDoc: (i: number) => boolean,
  batch = 25,
): Promise<WireClient[]> {
  const clients: WireClient[] = [];
  for (let i = 0; i < ids.length; i += batch) {
    const next = await Promise.all(
      ids
        .slice(i, i + batch)
        .map((id, k) => WireClient.connect(kind.url(server.port, id), id, kind.flavor, withDoc(i + k))),
    );
    await within(Promise.all(next.map((c) => c.synced)), 20_000, 'clients to sync');
    clients.push(...next);
  }
  return clients;
}

async function newRoom(kind: ServerKind, server: ServerProcess, name: string): Promise<string> {
  return kind.createRooms ? (await kind.createRooms(server.port, 1, name))[0]! : `${name}-${Date.now()}`;
}

/** One writer typing at `rate` edits/s into one room, `readers` clients receiving. */
async function fanout(
  kind: ServerKind,
  server: ServerProcess,
  readers: number,
  seconds: number,
  rate: number,
): Promise<FanoutResult> {
  const id = await newRoom(kind, server, `fanout-${readers}`);
  const writer = await WireClient.connect(kind.url(server.port, id), id, kind.flavor, true);
  await within(writer.synced, 20_000, 'writer to sync');
  const doc = writer.doc!;
  const text = typingTarget(doc);
  await within(writer.resync(), 20_000, 'the document structure to be stored');
  // Reader 0 applies every update (it checks convergence); the others only decode frame headers.
  const clients = await connectMany(
    kind,
    server,
    Array.from({ length: readers }, () => id),
    (i) => i === 0,
  );
  await sleep(300);

  // Edit i is delivered to a reader once an update from the writer reaches the writer's clock after edit i:
  // that holds however a server batches or splits updates.
  const sentAt: number[] = [];
  const clockAfter: number[] = [];
  const latencies: number[] = [];
  const writerId = doc.clientID;
  for (const c of clients) {
    let next = 0;
    c.onUpdate = (update) => {
      const to = Y.parseUpdateMeta(update).to.get(writerId);
      if (to === undefined) return;
      const now = performance.now();
      while (next < clockAfter.length && clockAfter[next]! <= to) latencies.push(now - sentAt[next++]!);
    };
  }
  const edits = Math.round(seconds * rate);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const before = await server.stats();
  const clientCpu = process.cpuUsage();
  loop.enable();
  const start = performance.now();
  for (let i = 0; i < edits; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    sentAt[i] = performance.now();
    text.insert(text.length, i % 10 === 9 ? ' ' : 'x');
    clockAfter[i] = Y.getState(doc.store, writerId);
  }
  const deadline = performance.now() + 5000;
  while (latencies.length < edits * readers && performance.now() < deadline) await sleep(10);
  const wall = performance.now() - start;
  loop.disable();
  const cpu = process.cpuUsage(clientCpu);
  const after = await server.stats();
  const verifier = clients[0]?.doc;
  const converged = verifier
    ? typingTarget(verifier).toString() === text.toString() && text.length === edits
    : text.length === edits;
  for (const c of [writer, ...clients]) c.close();
  latencies.sort((a, b) => a - b);
  return {
    readers,
    edits,
    delivered: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    cpuUsPerMessage: (after.cpuUs - before.cpuUs) / (edits * readers),
    cpuKernelPct: ((after.systemUs - before.systemUs) / Math.max(1, after.cpuUs - before.cpuUs)) * 100,
    clientCpuPct: ((cpu.user + cpu.system) / 1000 / wall) * 100,
    clientLoopDelayP99Ms: Math.max(0, loop.percentile(99) / 1e6 - 1), // beyond the 1 ms sampling interval
    converged,
  };
}

/** A document of `paragraphs` clauses built through small edits, then fresh clients syncing it. */
async function largeDoc(kind: ServerKind, server: ServerProcess, paragraphs: number) {
  const id = await newRoom(kind, server, 'large');
  const writer = await WireClient.connect(kind.url(server.port, id), id, kind.flavor, true);
  await within(writer.synced, 20_000, 'writer to sync');
  const doc = writer.doc!;
  typingTarget(doc);
  const section = doc.getXmlFragment(EDITOR_ROOT).get(0) as Y.XmlElement;
  let edits = 0;
  const t0 = performance.now();
  for (let i = 0; i < paragraphs; i++) {
    const el = clause(`b${i}`);
    const t = new Y.XmlText();
    doc.transact(() => {
      section.push([el]);
      (el.get(0) as Y.XmlElement).insert(0, [t]); // readable once integrated
    });
    edits += 1;
    for (const word of ['The ', 'Group ', 'recommends ', 'that ', `item ${i}.`]) {
      t.insert(t.length, word);
      edits += 1;
    }
    // Bounded in-flight work: wait for the server every 50 paragraphs (250 edits).
    if (i % 50 === 49) await within(writer.resync(), 60_000, 'the large document to be stored');
  }
  await within(writer.resync(), 60_000, 'the large document to be stored');
  const buildMs = performance.now() - t0;
  const bytes = Y.encodeStateAsUpdate(doc).byteLength;
  // The writer stays connected: servers that store nothing drop a document when its last client leaves.
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    const c = await WireClient.connect(kind.url(server.port, id), id, kind.flavor, true);
    await within(c.synced, 30_000, 'a fresh client to sync the large document');
    times.push(performance.now() - t);
    const got = (c.doc!.getXmlFragment(EDITOR_ROOT).get(0) as Y.XmlElement).length;
    c.close();
    if (got < paragraphs) throw new Error(`${kind.name}: a fresh client synced only ${got} paragraphs`);
    await sleep(50);
  }
  writer.close();
  const syncRunsMs = [...times];
  times.sort((a, b) => a - b);
  return { paragraphs, edits, buildMs, bytes, syncMs: times[2]!, syncRunsMs };
}

/** Opens one client per room (small document) in a fresh server process; the growth after GC / rooms. */
async function openRooms(kind: ServerKind, server: ServerProcess, ids: string[]) {
  // One room first, so code paths compiled on first use are not billed to the rooms.
  const [warm] = await connectMany(kind, server, ids.slice(0, 1), () => true);
  typingTarget(warm!.doc!);
  await within(warm!.resync(), 20_000, 'warm-up room');
  warm!.close();
  await sleep(200);
  const before = await server.stats({ gc: true });
  const rest = ids.slice(1);
  const clients = await connectMany(kind, server, rest, () => true, 50);
  // Peers start with empty rooms: each client writes the same small tree Accord's new documents have.
  for (const c of clients) typingTarget(c.doc!);
  for (let i = 0; i < clients.length; i += 100)
    await within(Promise.all(clients.slice(i, i + 100).map((c) => c.resync())), 30_000, 'room trees to be stored');
  await sleep(500);
  const after = await server.stats({ gc: true });
  for (const c of clients) c.close();
  const n = rest.length;
  const heap = (s: ChildStats) => s.heapUsed + s.external;
  return {
    count: n,
    rssKbPerRoom: (after.rss - before.rss) / n / 1024,
    heapKbPerRoom: (heap(after) - heap(before)) / n / 1024,
  };
}

export async function runCollabBench(
  kind: ServerKind,
  opts: CollabOptions,
  log: (s: string) => void,
): Promise<CollabResult> {
  const result: CollabResult = {
    server: kind.name,
    fanout: [],
    largeDoc: null,
    rooms: null,
    phases: [],
    cpuSeconds: 0,
    peakRssMb: 0,
  };
  const dataDir = kind.durable ? mkdtempSync(join(tmpdir(), 'accord-bench-')) : null;
  const env: Record<string, string> = dataDir ? { BENCH_DATA_DIR: dataDir } : {};
  let server: ServerProcess | null = null;
  const phase = async <T>(name: string, fn: (s: ServerProcess) => Promise<T>): Promise<T> => {
    const s = server!;
    log(`  ${name} …`);
    const before = await s.stats({ resetPeak: true });
    const t = performance.now();
    const out = await fn(s);
    const after = await s.stats();
    result.phases.push({
      name,
      wallS: (performance.now() - t) / 1000,
      cpuS: (after.cpuUs - before.cpuUs) / 1e6,
      peakRssMb: after.phasePeakRssKb / 1024,
    });
    return out;
  };
  const stop = async () => {
    if (!server) return;
    const end = await server.stats();
    result.cpuSeconds += end.cpuUs / 1e6;
    result.peakRssMb = Math.max(result.peakRssMb, end.lifePeakRssKb / 1024);
    await server.stop();
    server = null;
  };
  const startUp = { name: 'start-up (module loading, both processes)', wallS: 0, cpuS: 0, peakRssMb: 0 };
  const start = async () => {
    const t = performance.now();
    server = await ServerProcess.start(kind, env);
    const s = await server.stats({ resetPeak: true });
    startUp.wallS += (performance.now() - t) / 1000;
    startUp.cpuS += s.cpuUs / 1e6;
    startUp.peakRssMb = Math.max(startUp.peakRssMb, s.phasePeakRssKb / 1024);
  };
  result.phases.push(startUp);
  try {
    await start();
    for (const n of opts.readers) {
      result.fanout.push(await phase(`fan-out, ${n} readers`, (s) => fanout(kind, s, n, opts.seconds, opts.rate)));
    }
    result.largeDoc = await phase(`large document (${opts.paragraphs} paragraphs)`, (s) =>
      largeDoc(kind, s, opts.paragraphs),
    );
    const count = opts.rooms + 1; // + the warm-up room
    const ids = kind.createRooms
      ? await phase(`create ${count} documents (HTTP API)`, (s) => kind.createRooms!(s.port, count, 'room'))
      : Array.from({ length: count }, (_, i) => `room-${i}`);
    // Memory per room in a fresh process, so heap grown by earlier phases does not absorb the rooms.
    await stop();
    await start();
    result.rooms = await phase(`open ${opts.rooms} rooms (fresh process)`, (s) => openRooms(kind, s, ids));
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
    log(`  FAILED: ${result.error}`);
  } finally {
    await stop().catch(() => {});
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
  return result;
}

/** The servers side by side: one column per server, one row per metric. */
export function collabSection(results: CollabResult[], opts: CollabOptions): BenchSection {
  const rows: BenchSection['rows'] = [];
  const row = (metric: string, value: (r: CollabResult) => string) =>
    rows.push({ metric, values: results.map((r) => value(r)) });
  opts.readers.forEach((n, i) => {
    const at = (r: CollabResult, show: (f: FanoutResult) => string) => {
      const f = r.fanout[i];
      return f ? show(f) : '–';
    };
    row(`fan-out N=${n}: latency p50 / p95 / p99, ms`, (r) =>
      at(r, (f) => `${fmt(f.p50)} / ${fmt(f.p95)} / ${fmt(f.p99)}`),
    );
    row(`fan-out N=${n}: server CPU µs per delivered message (kernel %)`, (r) =>
      at(r, (f) => `${fmt(f.cpuUsPerMessage)} (${fmt(f.cpuKernelPct, 0)} %)`),
    );
    row(`fan-out N=${n}: delivered / expected, converged`, (r) =>
      at(r, (f) => `${f.delivered} / ${f.edits * f.readers}${f.converged ? '' : ' NOT CONVERGED'}`),
    );
    row(`fan-out N=${n}: bench client CPU %, loop delay p99 ms`, (r) =>
      at(r, (f) => `${fmt(f.clientCpuPct, 0)} %, ${fmt(f.clientLoopDelayP99Ms)}`),
    );
  });
  const large = (show: (l: NonNullable<CollabResult['largeDoc']>) => string) => (r: CollabResult) =>
    r.largeDoc ? show(r.largeDoc) : '–';
  row(
    `large doc: sync ${opts.paragraphs} paragraphs to a fresh client (median of 5), ms`,
    large((l) => fmt(l.syncMs)),
  );
  row(
    'large doc: build through small edits, s (edits)',
    large((l) => `${fmt(l.buildMs / 1000, 2)} (${l.edits})`),
  );
  row(
    'large doc: state size, KB',
    large((l) => fmt(l.bytes / 1024, 0)),
  );
  row(`memory per open room (${opts.rooms} rooms), RSS KB`, (r) => fmt(r.rooms?.rssKbPerRoom));
  row(`memory per open room (${opts.rooms} rooms), JS heap + external KB`, (r) => fmt(r.rooms?.heapKbPerRoom));
  const phaseNames = [...new Set(results.flatMap((r) => r.phases.map((p) => p.name)))];
  for (const name of phaseNames) {
    row(`phase ${name}: server CPU s / peak RSS MB`, (r) => {
      const p = r.phases.find((x) => x.name === name);
      return p ? `${fmt(p.cpuS, 2)} / ${fmt(p.peakRssMb, 0)}` : '–';
    });
  }
  const ran = (r: CollabResult, n: number) => (r.peakRssMb > 0 ? n : null); // 0: the server never started
  row('whole run: server CPU s', (r) => fmt(ran(r, r.cpuSeconds), 2));
  row('whole run: server peak RSS MB', (r) => fmt(ran(r, r.peakRssMb), 0));
  if (results.some((r) => r.error)) row('error', (r) => r.error ?? '');
  return {
    title: 'collaboration server',
    columns: results.map((r) => r.server),
    rows,
    note:
      `One writer at ${opts.rate} edits/s for ${opts.seconds} s per N; latency from the writer's local edit to ` +
      'each reader receiving it, all (edit, reader) pairs. Each server in its own process on loopback; ' +
      'memory per room measured after GC in a fresh server process.',
    data: results,
  };
}
