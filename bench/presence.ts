import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { EDITOR_ROOT, Node } from '../shared/model/schemaNames.js';
import { clauseElement, writeDraft } from '../shared/model/writeDraft.js';
import { PresenceClient } from './presenceClient.js';
import { type BenchSection, fmt } from './section.js';
import { type ServerKind, ServerProcess, servers } from './serverProcess.js';

/**
 * Issue 9's room of a real expert group: 100 people in one draft — one writer at 10 edits/s,
 * ten typists at 5 edits/s, 89 readers — every one a client that echoes awareness as the stock
 * y-websocket provider does, with presence on (everyone announced, every edit moves its
 * author's caret) and off. Delivery of every edit to the 99 others, disconnections, server
 * CPU and message rates; Accord, the reference y-websocket server and Hocuspocus in one run.
 *
 * BENCH_PRESENCE_SECONDS (20) per run; 3 servers, presence on (BENCH_PRESENCE_OFF=1: off as well).
 */
const PEOPLE = 100;
const TYPISTS = 10;
const WRITER_RATE = 10;
const TYPIST_RATE = 5;

export interface PresenceRun {
  presence: boolean;
  seconds: number;
  edits: number;
  delivered: number;
  expected: number;
  p50: number;
  p95: number;
  p99: number;
  /** Sockets closed by the server during the run (code → count). */
  closes: Record<string, number>;
  serverCpuPct: number;
  /** Frames the server sent to all clients per second: document updates, awareness. */
  outUpdatesPerS: number;
  outAwarenessPerS: number;
  /** Frames the clients sent per second: document updates, awareness (echoes included). */
  inUpdatesPerS: number;
  inAwarenessPerS: number;
  /** Clients that see all 100 people present at the end (presence on). */
  seeEveryone: number;
  clientCpuPct: number;
  clientLoopDelayP99Ms: number;
}

export interface PresenceResult {
  server: string;
  runs: PresenceRun[];
  error?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** The XmlText of paragraph `i` (section 0), creating the draft's paragraphs if the room is empty. */
function paragraphText(doc: Y.Doc, i: number): Y.XmlText {
  const section = doc.getXmlFragment(EDITOR_ROOT).get(0) as Y.XmlElement;
  const clauses = section
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === Node.clause);
  const paragraph = clauses[i]?.get(0);
  if (!(paragraph instanceof Y.XmlElement)) throw new Error(`no paragraph ${i}`);
  const text = paragraph.get(0);
  if (text instanceof Y.XmlText) return text;
  const created = new Y.XmlText();
  paragraph.insert(0, [created]);
  return created;
}

/** One paragraph per active person: Accord's new draft has one, the peers' rooms start empty. */
function ensureParagraphs(doc: Y.Doc, count: number): void {
  const root = doc.getXmlFragment(EDITOR_ROOT);
  doc.transact(() => {
    if (root.length === 0) {
      writeDraft(root, { sections: [{ id: 's1', heading: 'Section', paragraphs: [] }] });
    }
    const section = root.get(0) as Y.XmlElement;
    const have = section.toArray().filter((n) => n instanceof Y.XmlElement && n.nodeName === Node.clause).length;
    for (let i = have; i < count; i++) {
      section.push([
        clauseElement({
          id: `bench-p${i}`,
          kind: 'operative',
          bis: false,
          altGroup: null,
          bracket: null,
          blocks: [{ type: 'text', runs: [{ text: `Paragraph ${i}. `, brackets: [] }] }],
        }),
      ]);
    }
  });
  for (let i = 0; i < count; i++) paragraphText(doc, i);
}

async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function run(kind: ServerKind, server: ServerProcess, presence: boolean, seconds: number): Promise<PresenceRun> {
  const room = kind.createRooms
    ? ((await kind.createRooms(server.port, 1, `presence-${presence}`))[0] as string)
    : `presence-${presence}-${Date.now()}`;
  const url = kind.url(server.port, room);
  const active = TYPISTS + 1;
  const first = await PresenceClient.connect(url, room, kind.flavor, true);
  await within(first.synced, 20_000, 'the first client to sync');
  ensureParagraphs(first.doc, active);
  await within(first.resync(), 20_000, 'the paragraphs to be stored');
  const people: PresenceClient[] = [first];
  for (let i = 1; i < PEOPLE; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, PEOPLE - i) }, (_, k) =>
        PresenceClient.connect(url, room, kind.flavor, i + k < active),
      ),
    );
    await within(Promise.all(batch.map((c) => c.synced)), 30_000, 'clients to sync');
    people.push(...batch);
  }
  if (presence) {
    for (const [i, p] of people.entries()) p.announce({ user: { name: `Delegate ${i}`, color: '#1e3a8a' } });
  }
  await sleep(1000);

  // Delivery: edit k of sender s reached a client once an update carries s's clock past the clock after edit k.
  const senders = people.slice(0, active);
  const sentAt = senders.map(() => [] as number[]);
  const clockAfter = senders.map(() => [] as number[]);
  const latencies: number[] = [];
  for (const [r, client] of people.entries()) {
    const next = senders.map(() => 0);
    client.onUpdate = (update) => {
      const to = Y.parseUpdateMeta(update).to;
      const now = performance.now();
      senders.forEach((s, k) => {
        if (k === r) return;
        const clock = to.get(s.doc.clientID);
        if (clock === undefined) return;
        const after = clockAfter[k] as number[];
        const at = sentAt[k] as number[];
        let n = next[k] as number;
        while (n < after.length && (after[n] as number) <= clock) latencies.push(now - (at[n++] as number));
        next[k] = n;
      });
    };
  }
  const countersBefore = totals(people);
  const before = await server.stats();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const clientCpu = process.cpuUsage();
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    senders.map(async (s, k) => {
      const rate = k === 0 ? WRITER_RATE : TYPIST_RATE;
      const text = paragraphText(s.doc, k);
      for (let i = 0; ; i++) {
        const due = start + (i * 1000) / rate + (k * 1000) / (rate * active); // spread the senders
        if (due >= end) break;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        (sentAt[k] as number[]).push(performance.now());
        text.insert(text.length, i % 8 === 7 ? ' ' : 'x');
        (clockAfter[k] as number[]).push(Y.getState(s.doc.store, s.doc.clientID));
        if (presence) s.awareness.setLocalStateField('cursor', { anchor: caret(text), head: caret(text) });
      }
    }),
  );
  const edits = sentAt.reduce((n, a) => n + a.length, 0);
  const expected = edits * (PEOPLE - 1);
  const deadline = performance.now() + 10_000;
  while (latencies.length < expected && performance.now() < deadline) await sleep(20);
  const wall = (performance.now() - start) / 1000;
  loop.disable();
  const cpu = process.cpuUsage(clientCpu);
  const after = await server.stats();
  const countersAfter = totals(people);

  let seeEveryone = 0;
  if (presence) {
    const until = performance.now() + 5000;
    do {
      seeEveryone = people.filter((p) => p.awareness.getStates().size >= PEOPLE).length;
      if (seeEveryone === PEOPLE) break;
      await sleep(100);
    } while (performance.now() < until);
  }
  const closes: Record<string, number> = {};
  for (const p of people) if (p.closeCode !== null) closes[p.closeCode] = (closes[p.closeCode] ?? 0) + 1;
  for (const p of people) p.close();
  const sorted = Float64Array.from(latencies).sort();
  const rate = (k: keyof ReturnType<typeof totals>) => (countersAfter[k] - countersBefore[k]) / wall;
  return {
    presence,
    seconds,
    edits,
    delivered: latencies.length,
    expected,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    closes,
    serverCpuPct: ((after.cpuUs - before.cpuUs) / 1e6 / wall) * 100,
    outUpdatesPerS: rate('inUpdates'),
    outAwarenessPerS: rate('inAwareness'),
    inUpdatesPerS: rate('outUpdates'),
    inAwarenessPerS: rate('outAwareness'),
    seeEveryone,
    clientCpuPct: ((cpu.user + cpu.system) / 1000 / (wall * 1000)) * 100,
    clientLoopDelayP99Ms: Math.max(0, loop.percentile(99) / 1e6 - 5),
  };
}

function caret(text: Y.XmlText): unknown {
  return Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length, -1));
}

/** What all clients received (in…) and sent (out…) so far. */
function totals(people: PresenceClient[]) {
  const t = { inUpdates: 0, inAwareness: 0, outUpdates: 0, outAwareness: 0 };
  for (const p of people) {
    t.inUpdates += p.received.updates;
    t.inAwareness += p.received.awareness;
    t.outUpdates += p.sent.updates;
    t.outAwareness += p.sent.awareness;
  }
  return t;
}

export async function benchSection(): Promise<BenchSection> {
  const seconds = Number(process.env.BENCH_PRESENCE_SECONDS ?? 20) || 20;
  // Presence off as well only when asked (BENCH_PRESENCE_OFF=1): the full bench stays within ~10 minutes.
  const modes = process.env.BENCH_PRESENCE_OFF === '1' ? [false, true] : [true];
  const only = process.env.BENCH_SERVERS?.split(',').filter(Boolean);
  // Accord as shipped (synchronous=FULL) and the peers; BENCH_SERVERS picks as for the fan-out.
  const kinds = servers.filter(
    (k) => !k.env?.BENCH_SQLITE_SYNCHRONOUS && (!only || only.some((o) => k.file.startsWith(o))),
  );
  const results: PresenceResult[] = [];
  for (const kind of kinds) {
    process.stderr.write(`  presence, ${kind.name} …\n`);
    const dataDir = kind.durable ? mkdtempSync(join(tmpdir(), 'accord-bench-')) : null;
    const result: PresenceResult = { server: kind.name, runs: [] };
    let server: ServerProcess | null = null;
    try {
      server = await ServerProcess.start(kind, dataDir ? { BENCH_DATA_DIR: dataDir } : {});
      for (const presence of modes) result.runs.push(await run(kind, server, presence, seconds));
    } catch (err) {
      result.error = err instanceof Error ? err.message : String(err);
      process.stderr.write(`  FAILED: ${result.error}\n`);
    } finally {
      await server?.stop().catch(() => {});
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
    results.push(result);
  }
  return section(results, seconds);
}

function section(results: PresenceResult[], seconds: number): BenchSection {
  const rows: BenchSection['rows'] = [];
  const modes = [false, true].filter((p) => results.some((res) => res.runs.some((r) => r.presence === p)));
  const row = (metric: string, show: (r: PresenceRun) => string) => {
    for (const presence of modes) {
      rows.push({
        metric: `presence ${presence ? 'on' : 'off'}: ${metric}`,
        values: results.map((res) => {
          const r = res.runs.find((x) => x.presence === presence);
          return r ? show(r) : '–';
        }),
      });
    }
  };
  row('delivery p50 / p95 / p99, ms', (r) => `${fmt(r.p50)} / ${fmt(r.p95)} / ${fmt(r.p99)}`);
  row('delivered / expected', (r) => `${r.delivered} / ${r.expected}`);
  row('connections closed by the server', (r) => {
    const entries = Object.entries(r.closes);
    return entries.length === 0 ? '0' : entries.map(([code, n]) => `${n} (${code})`).join(', ');
  });
  row('server CPU, % of one core', (r) => fmt(r.serverCpuPct, 0));
  row(
    'server → clients frames/s: updates, awareness',
    (r) => `${fmt(r.outUpdatesPerS, 0)}, ${fmt(r.outAwarenessPerS, 0)}`,
  );
  row(
    'clients → server frames/s: updates, awareness',
    (r) => `${fmt(r.inUpdatesPerS, 0)}, ${fmt(r.inAwarenessPerS, 0)}`,
  );
  rows.push({
    metric: 'presence on: clients that see all 100 present at the end',
    values: results.map((res) => {
      const r = res.runs.find((x) => x.presence);
      return r ? `${r.seeEveryone} / ${PEOPLE}` : '–';
    }),
  });
  row('bench client CPU %, loop delay p99 ms', (r) => `${fmt(r.clientCpuPct, 0)} %, ${fmt(r.clientLoopDelayP99Ms)}`);
  if (results.some((r) => r.error)) rows.push({ metric: 'error', values: results.map((r) => r.error ?? '') });
  return {
    title: `room of ${PEOPLE} (${seconds} s)`,
    columns: results.map((r) => r.server),
    rows,
    note:
      `1 writer at ${WRITER_RATE} edits/s, ${TYPISTS} typists at ${TYPIST_RATE} edits/s, ${PEOPLE - TYPISTS - 1} readers, ` +
      'all in one room; every client echoes awareness like the stock y-websocket provider. Presence on: everyone ' +
      'announces a state and every edit moves its author’s caret. Delivery from each local edit to each of the 99 ' +
      'other clients. Each server in its own process on loopback; clients in the bench process.',
    data: results,
  };
}
