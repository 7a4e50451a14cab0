import * as Y from 'yjs';
import { EDITOR_ROOT, Node } from '../shared/model/schemaNames.js';
import { writeDraft } from '../shared/model/writeDraft.js';
import { type ServerKind, ServerProcess } from './serverProcess.js';
import { WireClient } from './wireClient.js';

export interface CollabResult {
  server: string;
  fanout: {
    readers: number;
    edits: number;
    delivered: number;
    p50: number;
    p95: number;
    p99: number;
    cpuUsPerMessage: number;
  }[];
  largeDocSyncMs: number;
  largeDocBytes: number;
  memoryPerRoomKb: number;
  cpuSeconds: number;
  peakRssMb: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The paragraph text the writer types into; builds Accord's structure on servers that start empty. */
function typingTarget(doc: Y.Doc): Y.XmlText {
  const root = doc.getXmlFragment(EDITOR_ROOT);
  if (root.length === 0) {
    writeDraft(root, {
      sections: [
        {
          id: 's',
          heading: 'Section',
          paragraphs: [
            {
              id: 'p',
              kind: 'operative',
              bis: false,
              altGroup: null,
              bracket: null,
              blocks: [{ type: 'text', runs: [] }],
            },
          ],
        },
      ],
    });
  }
  const section = root.get(0) as Y.XmlElement;
  const clause = section.toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === Node.clause) as Y.XmlElement;
  const paragraph = clause.get(0) as Y.XmlElement;
  let text = paragraph.get(0);
  if (!(text instanceof Y.XmlText)) {
    text = new Y.XmlText();
    paragraph.insert(0, [text]);
  }
  return text as Y.XmlText;
}

async function room(kind: ServerKind, server: ServerProcess, name: string): Promise<string> {
  return kind.createRooms ? (await kind.createRooms(server.port, 1, name))[0]! : `${name}-${Date.now()}`;
}

async function fanout(kind: ServerKind, server: ServerProcess, readers: number, seconds: number, rate: number) {
  const id = await room(kind, server, `fanout-${readers}`);
  const writer = await WireClient.connect(kind.url(server.port, id), id, kind.flavor, true);
  await writer.synced;
  const text = typingTarget(writer.doc!);
  await writer.resync();
  const clients: WireClient[] = [];
  for (let i = 0; i < readers; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, readers - i) }, () =>
        WireClient.connect(kind.url(server.port, id), id, kind.flavor),
      ),
    );
    await Promise.all(batch.map((c) => c.synced));
    clients.push(...batch);
  }
  await sleep(300);
  const sent: number[] = [];
  const latencies: number[] = [];
  for (const c of clients) {
    const base = c.updates;
    c.onUpdate = () => {
      const t = sent[c.updates - base - 1];
      if (t !== undefined) latencies.push(performance.now() - t);
    };
  }
  const before = await server.stats();
  const edits = Math.round(seconds * rate);
  const start = performance.now();
  for (let i = 0; i < edits; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    sent[i] = performance.now();
    text.insert(text.length, i % 10 === 9 ? ' ' : 'x');
  }
  const deadline = performance.now() + 5000;
  while (latencies.length < edits * readers && performance.now() < deadline) await sleep(20);
  const after = await server.stats();
  for (const c of [writer, ...clients]) c.close();
  latencies.sort((a, b) => a - b);
  const delivered = latencies.length;
  return {
    readers,
    edits,
    delivered,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    cpuUsPerMessage: (after.cpuUs - before.cpuUs) / Math.max(1, delivered),
  };
}

async function largeDoc(kind: ServerKind, server: ServerProcess, paragraphs: number) {
  const id = await room(kind, server, 'large');
  const writer = await WireClient.connect(kind.url(server.port, id), id, kind.flavor, true);
  await writer.synced;
  const doc = writer.doc!;
  typingTarget(doc);
  const section = doc.getXmlFragment(EDITOR_ROOT).get(0) as Y.XmlElement;
  for (let i = 0; i < paragraphs; i++) {
    const clause = new Y.XmlElement(Node.clause);
    const p = new Y.XmlElement(Node.paragraph);
    const t = new Y.XmlText();
    doc.transact(() => {
      clause.setAttribute('id', `p-${i}`);
      clause.setAttribute('kind', 'operative');
      p.insert(0, [t]);
      clause.insert(0, [p]);
      section.push([clause]);
    });
    for (const word of ['The ', 'Group ', 'recommends ', `item ${i}.`]) t.insert(t.length, word);
    if (i % 100 === 99) await writer.resync();
  }
  await writer.resync();
  const bytes = Y.encodeStateAsUpdate(doc).byteLength;
  // The writer stays connected: servers that store nothing drop a document when its last client leaves.
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    const c = await WireClient.connect(kind.url(server.port, id), id, kind.flavor, true);
    await c.synced;
    times.push(performance.now() - t);
    const got = (c.doc!.getXmlFragment(EDITOR_ROOT).get(0) as Y.XmlElement).length;
    if (got < paragraphs) throw new Error(`${kind.name}: synced only ${got} paragraphs`);
    c.close();
  }
  writer.close();
  times.sort((a, b) => a - b);
  return { ms: times[2]!, bytes };
}

async function memoryPerRoom(kind: ServerKind, server: ServerProcess, rooms: number) {
  const ids = kind.createRooms
    ? await kind.createRooms(server.port, rooms, 'room')
    : Array.from({ length: rooms }, (_, i) => `room-${i}`);
  await sleep(2500); // Accord unloads the rooms it created; every server starts from no open room
  const before = await server.stats(true);
  const clients: WireClient[] = [];
  for (let i = 0; i < rooms; i += 50) {
    const batch = await Promise.all(
      ids.slice(i, i + 50).map((id) => WireClient.connect(kind.url(server.port, id), id, kind.flavor)),
    );
    await Promise.all(batch.map((c) => c.synced));
    clients.push(...batch);
  }
  await sleep(500);
  const after = await server.stats(true);
  for (const c of clients) c.close();
  return (after.rss - before.rss) / rooms / 1024;
}

export async function runCollabBench(
  kind: ServerKind,
  opts: { readers: number[]; seconds: number; rate: number; rooms: number; paragraphs: number },
  log: (s: string) => void,
): Promise<CollabResult> {
  const server = await ServerProcess.start(kind);
  try {
    const results: CollabResult['fanout'] = [];
    for (const n of opts.readers) {
      log(`  fan-out, ${n} readers …`);
      results.push(await fanout(kind, server, n, opts.seconds, opts.rate));
    }
    log(`  large document (${opts.paragraphs} paragraphs) …`);
    const large = await largeDoc(kind, server, opts.paragraphs);
    log(`  memory per open room (${opts.rooms} rooms) …`);
    const perRoom = await memoryPerRoom(kind, server, opts.rooms);
    const end = await server.stats();
    return {
      server: kind.name,
      fanout: results,
      largeDocSyncMs: large.ms,
      largeDocBytes: large.bytes,
      memoryPerRoomKb: perRoom,
      cpuSeconds: end.cpuUs / 1e6,
      peakRssMb: end.maxRssKb / 1024,
    };
  } finally {
    await server.stop();
  }
}
