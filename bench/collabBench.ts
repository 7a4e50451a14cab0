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
    /** Server CPU per fresh client's sync of the whole document (median of 5 one after another), ms. */
    joinServerMs: number;
    /** 20 clients joining at once: the slowest one's time to its sync step 2, and the server CPU for all 20, ms. */
    stormMaxMs: number;
    stormServerMs: number;
  } | null;
  rooms: {
    count: number;
    clientsPerRoom: number;
    rssKbPerRoom: number;
    heapKbPerRoom: number;
    /** Every client typing at `rate` edits/s for `seconds`: the server's event-loop delay and CPU. */
    rate: number;
    seconds: number;
    edits: number;
    /** Rooms whose two clients end with the same text, all edits included. */
    converged: number;
    loopP99Ms: number;
    loopMaxMs: number;
    serverCpuPct: number;
  } | null;
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
  /** How long every client of the many-rooms phase types, s; and at what rate, edits/s. */
  roomsSeconds: number;
  roomsRate: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
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

export function clause(id: string): Y.XmlElement {
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
export function typingTarget(doc: Y.Doc): Y.XmlText {
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
    // Presence on: the writer's caret moves with every edit, as an editor announces it.
    writer.sendAwareness(writerId, i + 1, { user: { name: 'Writer' }, paragraph: 'p1', cursor: null });
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
    // About 320 bytes of state per paragraph: a 1,000-paragraph draft of ~320 KB, as the issue measures.
    for (const word of [
      'The Group recommends that States ',
      `consider measure ${i} on capacity building `,
      'and international cooperation, ',
      'in line with the principles agreed at its previous sessions ',
      'and with due regard to national circumstances.',
    ]) {
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
  // Server CPU of one cold join at a time: the server's CPU clock around each join.
  const serverMs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const before = await server.stats();
    const c = await WireClient.connect(kind.url(server.port, id), id, kind.flavor, false);
    await within(c.synced, 30_000, 'a cold joiner to sync');
    const after = await server.stats();
    serverMs.push((after.cpuUs - before.cpuUs) / 1000);
    c.close();
    await sleep(50);
  }
  // The storm: 20 clients that have nothing join at once.
  const stormBefore = await server.stats();
  const t = performance.now();
  const storm = await Promise.all(
    Array.from({ length: 20 }, async () => {
      const c = await WireClient.connect(kind.url(server.port, id), id, kind.flavor, false);
      await within(c.synced, 30_000, 'a joiner of the storm to sync');
      return { c, ms: performance.now() - t };
    }),
  );
  const stormAfter = await server.stats();
  for (const { c } of storm) c.close();
  writer.close();
  const syncRunsMs = [...times];
  times.sort((a, b) => a - b);
  serverMs.sort((a, b) => a - b);
  return {
    paragraphs,
    edits,
    buildMs,
    bytes,
    syncMs: times[2]!,
    syncRunsMs,
    joinServerMs: serverMs[2]!,
    stormMaxMs: Math.max(...storm.map((s) => s.ms)),
    stormServerMs: (stormAfter.cpuUs - stormBefore.cpuUs) / 1000,
  };
}

/**
 * Many small rooms, as a node hosting many groups sees them: two clients per room (small document)
 * in a fresh server process — memory per room after GC — then every client typing at `rate`
 * edits/s (spread evenly), the server's event-loop delay and CPU measured meanwhile.
 */
async function manyRooms(kind: ServerKind, server: ServerProcess, ids: string[], seconds: number, rate: number) {
  // One room first, so code paths compiled on first use are not billed to the rooms.
  const [warm] = await connectMany(kind, server, ids.slice(0, 1), () => true);
  typingTarget(warm!.doc!);
  await within(warm!.resync(), 20_000, 'warm-up room');
  warm!.close();
  await sleep(200);
  const before = await server.stats({ gc: true });
  const rest = ids.slice(1);
  const first = await connectMany(kind, server, rest, () => true, 50);
  // Peers start with empty rooms: each first client writes the same small tree Accord's new documents have.
  for (const c of first) typingTarget(c.doc!);
  for (let i = 0; i < first.length; i += 100)
    await within(Promise.all(first.slice(i, i + 100).map((c) => c.resync())), 30_000, 'room trees to be stored');
  const second = await connectMany(kind, server, rest, () => true, 50);
  await sleep(500);
  const after = await server.stats({ gc: true });
  const n = rest.length;
  const heap = (st: ChildStats) => st.heapUsed + st.external;

  const clients = [...first, ...second];
  const texts = clients.map((c) => typingTarget(c.doc!));
  const typed = new Array<number>(clients.length).fill(0);
  const cpuBefore = await server.stats({ loopReset: true });
  const period = 1000 / rate;
  const start = performance.now();
  const end = start + seconds * 1000;
  let edits = 0;
  // Edit e is due at start + e·period/clients (client e mod clients): one timer, every client in turn.
  while (performance.now() < end) {
    const now = performance.now();
    while (start + (edits * period) / clients.length <= Math.min(now, end)) {
      const k = edits % clients.length;
      const text = texts[k]!;
      text.insert(text.length, edits % 10 === 9 ? ' ' : 'x');
      typed[k] = (typed[k] ?? 0) + 1;
      edits++;
    }
    await sleep(5);
  }
  // Room r's clients are first[r] and second[r]: both must hold every edit of both.
  const converged = () =>
    first.filter((c, r) => {
      const other = second[r]!;
      const a = typingTarget(c.doc!).toString();
      return a.length === typed[r]! + typed[r + n]! && a === typingTarget(other.doc!).toString();
    }).length;
  const deadline = performance.now() + 5000;
  while (converged() < n && performance.now() < deadline) await sleep(50);
  const wall = performance.now() - start;
  const cpuAfter = await server.stats();
  for (const c of clients) c.close();
  return {
    count: n,
    clientsPerRoom: 2,
    rssKbPerRoom: (after.rss - before.rss) / n / 1024,
    heapKbPerRoom: (heap(after) - heap(before)) / n / 1024,
    rate,
    seconds,
    edits,
    converged: converged(),
    loopP99Ms: cpuAfter.loopP99Ms,
    loopMaxMs: cpuAfter.loopMaxMs,
    serverCpuPct: ((cpuAfter.cpuUs - cpuBefore.cpuUs) / 1000 / wall) * 100,
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
    result.rooms = await phase(`${opts.rooms} rooms × 2 clients typing (fresh process)`, (s) =>
      manyRooms(kind, s, ids, opts.roomsSeconds, opts.roomsRate),
    );
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
    const reference = results.find((r) => r.server.startsWith('y-websocket'))?.fanout[i];
    row(`fan-out N=${n}: server CPU per (edit × reader), ratio to y-websocket-server`, (r) =>
      at(r, (f) => (reference ? `${fmt(f.cpuUsPerMessage / reference.cpuUsPerMessage, 2)}×` : '–')),
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
  row(
    'cold join: server CPU per fresh client, ms (median of 5, one at a time)',
    large((l) => fmt(l.joinServerMs, 2)),
  );
  const refJoin = results.find((r) => r.server.startsWith('y-websocket'))?.largeDoc?.joinServerMs;
  row(
    'cold join: server CPU per fresh client, ratio to y-websocket-server',
    large((l) => (refJoin ? `${fmt(l.joinServerMs / refJoin, 2)}×` : '–')),
  );
  row(
    'cold join storm: 20 clients at once, slowest sync ms / server CPU ms',
    large((l) => `${fmt(l.stormMaxMs, 0)} / ${fmt(l.stormServerMs, 0)}`),
  );
  const rooms = (show: (m: NonNullable<CollabResult['rooms']>) => string) => (r: CollabResult) =>
    r.rooms ? show(r.rooms) : '–';
  row(
    `memory per open room (${opts.rooms} rooms × 2 clients), RSS KB`,
    rooms((m) => fmt(m.rssKbPerRoom)),
  );
  row(
    `memory per open room (${opts.rooms} rooms × 2 clients), JS heap + external KB`,
    rooms((m) => fmt(m.heapKbPerRoom)),
  );
  row(
    `${opts.rooms} rooms × 2 clients at ${opts.roomsRate} edits/s: server event-loop delay p99 / max, ms`,
    rooms((m) => `${fmt(m.loopP99Ms)} / ${fmt(m.loopMaxMs)}`),
  );
  row(
    `${opts.rooms} rooms × 2 clients at ${opts.roomsRate} edits/s: server CPU %, rooms converged (edits)`,
    rooms((m) => `${fmt(m.serverCpuPct, 0)} %, ${m.converged} / ${m.count} (${m.edits})`),
  );
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
      `One writer at ${opts.rate} edits/s for ${opts.seconds} s per N, each edit with a presence (caret) update; ` +
      "latency from the writer's local edit to each reader receiving it, all (edit, reader) pairs. Each server " +
      'in its own process on loopback; memory per room measured after GC in a fresh server process, then every ' +
      `client of those rooms typing for ${opts.roomsSeconds} s. Cold joins: clients with nothing (empty state ` +
      'vector) syncing the large document.',
    data: results,
  };
}
