import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { EDITOR_ROOT } from '../shared/model/schemaNames.js';
import { clause, typingTarget, within } from './collabBench.js';
import { type BenchSection, fmt } from './section.js';
import { BENCH_TOKEN, ServerProcess, servers } from './serverProcess.js';
import { WireClient } from './wireClient.js';

/**
 * Export under load (Accord only: the peers have no exports): a member types at 20 edits/s into a
 * 1,000-paragraph draft while a PDF of that draft is exported over HTTP. Delivery of the typing to
 * a reader before and during the export, the export's duration, and the server's event-loop delay
 * while it runs (the export is rendered on a worker thread).
 * Run alone with `BENCH_ONLY=exportLoad npm run bench`.
 */
const PARAGRAPHS = 1000;
const RATE = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

interface Window {
  edits: number;
  p50: number;
  p99: number;
  max: number;
}

export interface ExportLoadResult {
  exportMs: number;
  pdfBytes: number;
  loopP99Ms: number;
  loopMaxMs: number;
  before: Window;
  during: Window;
}

async function measure(): Promise<ExportLoadResult> {
  const kind = servers.find((k) => k.file === 'accord.ts' && !k.env)!;
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-'));
  const server = await ServerProcess.start(kind, { BENCH_DATA_DIR: dataDir });
  const clients: WireClient[] = [];
  try {
    const id = (await kind.createRooms!(server.port, 1, 'export-load'))[0]!;
    const url = kind.url(server.port, id);
    const writer = await WireClient.connect(url, id, kind.flavor, true);
    clients.push(writer);
    await within(writer.synced, 20_000, 'writer to sync');
    const doc = writer.doc!;
    const text = typingTarget(doc);
    const section = doc.getXmlFragment(EDITOR_ROOT).get(0) as Y.XmlElement;
    for (let i = 0; i < PARAGRAPHS; i += 50) {
      doc.transact(() => {
        for (let k = i; k < i + 50; k++) {
          const el = clause(`x${k}`);
          section.push([el]);
          (el.get(0) as Y.XmlElement).insert(0, [
            new Y.XmlText(`The Group recommends that States consider measure ${k} on capacity building.`),
          ]);
        }
      });
      await within(writer.resync(), 30_000, 'the draft to be stored');
    }
    const reader = await WireClient.connect(url, id, kind.flavor, false);
    clients.push(reader);
    await within(reader.synced, 30_000, 'reader to sync');

    const sentAt: number[] = [];
    const clockAfter: number[] = [];
    const arrived: number[] = [];
    let next = 0;
    reader.onUpdate = (update) => {
      const to = Y.parseUpdateMeta(update).to.get(doc.clientID);
      if (to === undefined) return;
      const now = performance.now();
      while (next < clockAfter.length && (clockAfter[next] as number) <= to) arrived[next++] = now;
    };
    let typing = true;
    const typed = (async () => {
      const start = performance.now();
      for (let i = 0; typing; i++) {
        const wait = start + (i * 1000) / RATE - performance.now();
        if (wait > 0) await sleep(wait);
        sentAt[i] = performance.now();
        text.insert(text.length, i % 10 === 9 ? ' ' : 'x');
        clockAfter[i] = Y.getState(doc.store, doc.clientID);
      }
    })();
    await sleep(3000);
    const exportStart = performance.now();
    await server.stats({ loopReset: true });
    const res = await fetch(`http://127.0.0.1:${server.port}/api/documents/${id}/export?format=pdf`, {
      headers: { authorization: `Bearer ${BENCH_TOKEN}` },
    });
    const pdf = new Uint8Array(await res.arrayBuffer());
    const exportEnd = performance.now();
    const stats = await server.stats();
    if (res.status !== 200) throw new Error(`export answered ${res.status}`);
    await sleep(1000);
    typing = false;
    await typed;
    const deadline = performance.now() + 5000;
    while (next < sentAt.length && performance.now() < deadline) await sleep(10);
    const window = (from: number, to: number): Window => {
      const lat: number[] = [];
      sentAt.forEach((t, i) => {
        if (t >= from && t < to && arrived[i] !== undefined) lat.push((arrived[i] as number) - t);
      });
      lat.sort((a, b) => a - b);
      return { edits: lat.length, p50: percentile(lat, 50), p99: percentile(lat, 99), max: lat.at(-1) ?? Number.NaN };
    };
    return {
      exportMs: exportEnd - exportStart,
      pdfBytes: pdf.byteLength,
      loopP99Ms: stats.loopP99Ms,
      loopMaxMs: stats.loopMaxMs,
      before: window(exportStart - 2500, exportStart),
      during: window(exportStart, exportEnd),
    };
  } finally {
    for (const c of clients) c.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchSection(): Promise<BenchSection> {
  const r = await measure();
  const w = (x: Window) => `${fmt(x.p50)} / ${fmt(x.p99)} / ${fmt(x.max)} (${x.edits} edits)`;
  return {
    title: `export under load (${PARAGRAPHS} paragraphs, PDF)`,
    columns: ['Accord (SQLite, synchronous=FULL)'],
    rows: [
      { metric: 'PDF export over HTTP, ms (bytes)', values: [`${fmt(r.exportMs, 0)} (${r.pdfBytes})`] },
      { metric: 'typing delivered before the export: p50 / p99 / max, ms', values: [w(r.before)] },
      { metric: 'typing delivered during the export: p50 / p99 / max, ms', values: [w(r.during)] },
      {
        metric: 'server event-loop delay during the export: p99 / max, ms',
        values: [`${fmt(r.loopP99Ms)} / ${fmt(r.loopMaxMs)}`],
      },
    ],
    note:
      `A member types at ${RATE} edits/s, a reader receives; a PDF export of the same draft runs meanwhile ` +
      '(rendered on a worker thread). The peers have no exports.',
    data: r,
  };
}
