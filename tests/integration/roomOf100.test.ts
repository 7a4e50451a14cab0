import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../shared/protocol/messageTypes.js';
import { seedDraft, serverTexts } from '../support/coediting.js';
import { clauseString, clauseText } from '../support/draftPaths.js';
import { caretAt, connectProvider, eventually, synced } from '../support/providers.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/** 60 s as the issue asks; ROOM100_SECONDS changes it (a longer soak, or a quick local run). */
const SECONDS = Number(process.env.ROOM100_SECONDS ?? 60);
const PEOPLE = 100;
const TYPISTS = 10;

/**
 * A real expert group's room: 100 people on one draft through the stock y-websocket
 * provider (which re-sends every awareness update it receives, as the browser's does),
 * one writer at 10 edits/s, ten typists at 5 edits/s each — every edit moves their caret,
 * and like a focused TipTap editor they re-announce it after every remote change — and 89
 * people reading. Nobody may be disconnected by a limit, every edit must reach every
 * reader, and everybody must see everybody.
 */
describe(`a room of ${PEOPLE} for ${SECONDS} s`, () => {
  let server: TestServer;
  let docId: string;
  const people: WebsocketProvider[] = [];
  const closes: string[] = [];
  const framesIn = { sync: 0, awareness: 0 };

  beforeAll(async () => {
    // All 100 come from 127.0.0.1: a meeting room behind one address (limits count people, not addresses).
    server = await startTestServer();
    docId = await seedDraft(
      server,
      'Room of 100',
      Array.from({ length: TYPISTS + 1 }, () => ''),
    );
    for (let i = 0; i < PEOPLE; i++) {
      const person = await server.addPerson(docId, 'member', `Delegate ${i}`);
      const p = connectProvider(server.wsUrl, docId, person.token);
      p.on('connection-close', (event) => {
        if (event) closes.push(`delegate ${i}: ${event.code} ${event.reason}`);
      });
      p.on('status', ({ status }: { status: string }) => {
        if (status !== 'connected' || !p.ws) return;
        p.ws.addEventListener('message', (m: MessageEvent) => {
          const first = new Uint8Array(m.data as ArrayBuffer)[0];
          if (first === MessageType.sync) framesIn.sync++;
          else if (first === MessageType.awareness) framesIn.awareness++;
        });
      });
      p.awareness.setLocalStateField('paragraph', 'p1');
      people.push(p);
      if (i % 10 === 9) await Promise.all(people.slice(i - 9).map((q) => synced(q, 15_000)));
    }
  }, 120_000);

  afterAll(async () => {
    for (const p of people) p.destroy();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it(
    'keeps everyone connected, delivers every edit to every reader, and shows everyone to everyone',
    async () => {
      const writers = people.slice(0, TYPISTS + 1); // writer: paragraph 0 at 10/s; typists: their own at 5/s
      const sent = writers.map(() => 0);
      const edit = (w: number) => {
        const doc = writers[w]?.doc;
        if (!doc) return;
        const text = clauseText(doc, w);
        text.insert(text.length, `${w}.${sent[w]} `);
        sent[w] = (sent[w] ?? 0) + 1;
        writers[w]?.awareness.setLocalStateField('cursor', caretAt(text, text.length));
      };
      // Like TipTap's caret extension in a focused editor, the active ones re-announce their caret
      // after every remote change: dozens of awareness updates a second each, echoed by everyone.
      for (const p of writers) {
        p.doc.on('update', (_u: Uint8Array, origin: unknown) => {
          if (origin === p) p.awareness.setLocalStateField('cursor', p.awareness.getLocalState()?.cursor ?? null);
        });
      }
      const timers = writers.map((_, w) => setInterval(() => edit(w), w === 0 ? 100 : 200));
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const cpu = process.cpuUsage();
      const framesBefore = { ...framesIn };
      await new Promise((r) => setTimeout(r, SECONDS * 1000));
      for (const t of timers) clearInterval(t);
      const used = process.cpuUsage(cpu);
      loop.disable();

      // Nobody was disconnected, whatever the limits.
      expect(closes.slice(0, 5), `${closes.length} closes`).toEqual([]);
      // The server holds every edit, and every reader ends with exactly the server's text.
      const editsIn = (lines: string[], w: number) =>
        lines[w]?.split(' ').filter((t) => t.startsWith(`${w}.`)).length ?? 0;
      let expected: string[] = [];
      const stored = async () => {
        expected = await serverTexts(server, docId);
        return sent.every((count, w) => editsIn(expected, w) === count);
      };
      const start = Date.now();
      while (!(await stored()) && Date.now() - start < 30_000) await new Promise((r) => setTimeout(r, 100));
      for (const [w, count] of sent.entries()) expect(editsIn(expected, w), `edits of writer ${w}`).toBe(count);
      await eventually(
        () => people.every((p) => expected.every((line, i) => line === `p${i + 1}: ${clauseString(p.doc, i)}`)),
        30_000,
        'every reader to hold every edit',
      );
      // Everybody sees all 100 (their own state included).
      await eventually(
        () => people.every((p) => p.awareness.getStates().size === PEOPLE),
        15_000,
        'everyone present at everyone',
      );

      const edits = sent.reduce((a, b) => a + b, 0);
      console.info(
        `room of ${PEOPLE}, ${SECONDS} s: ${edits} edits; server sent ` +
          `${Math.round((framesIn.sync - framesBefore.sync) / SECONDS)} update frames/s and ` +
          `${Math.round((framesIn.awareness - framesBefore.awareness) / SECONDS)} awareness frames/s; ` +
          `CPU of this process (server and ${PEOPLE} clients) ` +
          `${Math.round(((used.user + used.system) / 1000 / (SECONDS * 1000)) * 100)} % of one core, ` +
          `event loop delay p99 ${Math.round(loop.percentile(99) / 1e6)} ms`,
      );
    },
    (SECONDS + 120) * 1000,
  );
});
