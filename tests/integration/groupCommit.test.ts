import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type CollabSocket, Connection } from '../../server/collab/connection.js';
import type { Room } from '../../server/collab/room.js';
import { RoomManager } from '../../server/collab/roomManager.js';
import type { FrameBatch } from '../../server/collab/wireFrames.js';
import type { AccordStore } from '../../server/store/accordStore.js';
import type { DocStore } from '../../server/store/docStore.js';
import { LogDocStore } from '../../server/store/logDocStore.js';
import { openSqliteStore } from '../../server/store/openSqliteStore.js';
import { openSqlite, type SqliteDatabase } from '../../server/store/sqliteDatabase.js';
import { writeDraft } from '../../shared/model/writeDraft.js';
import { encodeSyncStep1, encodeSyncUpdate } from '../../shared/protocol/frames.js';
import { removeDir } from '../support/testServer.js';

/**
 * Group commit (issue 16): the updates every room accepted in one event-loop turn are stored
 * in one transaction of the real SQLite store, with their audit entries, before any room
 * broadcasts them; a room whose part fails is dropped alone. And cold joins: joiners with
 * nothing share one encoding of the state, which the next change invalidates.
 * Rooms are driven directly through the transport-free socket interface (CONTEXT.md).
 */
describe('group commit and cold joins', () => {
  let dir: string;
  let db: SqliteDatabase;
  let accordStore: AccordStore;
  /** A second connection to the same file: it sees only what is committed. */
  let reader: Database.Database;
  let rooms: RoomManager;
  let groups: string[][];
  let failAuditOf: string | null;

  const turn = () => new Promise((r) => setImmediate(r));
  const storedCount = (docId: string) =>
    (reader.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?').get(docId) as { n: number }).n;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-group-'));
    db = openSqlite(dir, 'FULL');
    accordStore = await openSqliteStore(db, { closeHandle: false });
    reader = new Database(join(dir, 'accord.sqlite'), { readonly: true });
    const sqlite = new LogDocStore(accordStore);
    groups = [];
    failAuditOf = null;
    // The real store, with each group commit's documents noted (a decorator, like the metrics' one).
    const store: DocStore = {
      load: (id) => sqlite.load(id),
      appendGroup: (appends) => {
        groups.push(appends.map((a) => a.docId));
        return sqlite.appendGroup(appends);
      },
      compact: (id, s, seq) => sqlite.compact(id, s, seq),
      logLength: (id) => sqlite.logLength(id),
      close: () => sqlite.close(),
    };
    rooms = new RoomManager({
      store,
      log: pino({ level: 'silent' }),
      policy: () => null,
      idleMs: 60_000,
      compactAfterUpdates: 10_000,
      awareness: { timeoutMs: 30_000, intervalMs: 50, maxStateBytes: 4096 },
      // A failing part: an entry the store cannot write (JSON has no BigInt), refused inside the transaction.
      onEdits: (docId, edits) =>
        edits.map((e) => ({
          actor: e.conn.principal.userId,
          action: 'text.edit',
          detail: docId === failAuditOf ? { refused: 1n } : {},
        })),
    });
  });
  afterEach(async () => {
    await rooms.closeAll();
    await accordStore.close();
    reader.close();
    db.close();
    removeDir(dir);
  });

  /** A socket that records what it is sent, and whether that was already committed when it was. */
  interface Probe extends CollabSocket {
    batches: FrameBatch[];
    singles: Uint8Array[];
    closed: number | null;
    storedWhenSent: number[];
  }
  const probe = (docId: string): Probe => {
    const p: Probe = {
      batches: [],
      singles: [],
      closed: null,
      storedWhenSent: [],
      send: (data) => p.singles.push(data),
      sendBatch: (batch) => {
        p.batches.push(batch);
        p.storedWhenSent.push(storedCount(docId));
      },
      close: (code) => {
        p.closed = code;
      },
    };
    return p;
  };
  const connect = async (docId: string, user: string) => {
    const socket = probe(docId);
    const conn = new Connection(
      socket,
      { userId: user, name: user, affiliation: '', isAdmin: false },
      'member',
      docId,
      1000,
    );
    const room = await rooms.join(conn);
    return { socket, conn, room };
  };
  /** The messages of every batch after the greeting, decoded as document updates. */
  const updatesIn = (p: Probe) => p.batches.slice(1).flatMap((b) => b.messages.filter((m) => m[0] === 0 && m[1] === 2));
  const draftUpdate = (text: string) => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    writeDraft(doc.getXmlFragment('default'), {
      sections: [
        {
          id: 's1',
          heading: text,
          paragraphs: [{ id: 'p1', kind: 'operative', bis: false, altGroup: null, bracket: null, blocks: [] }],
        },
      ],
    });
    return Y.mergeUpdates(updates);
  };

  it('the updates of several rooms in one turn are one transaction, stored before anyone sees them', async () => {
    const ids = ['doc-a', 'doc-b', 'doc-c'];
    const pairs = await Promise.all(
      ids.map(async (id) => ({ writer: await connect(id, `w-${id}`), reader: await connect(id, `r-${id}`) })),
    );
    await turn();
    groups = [];
    for (const [i, { writer }] of pairs.entries())
      writer.room.receive(writer.conn, encodeSyncUpdate(draftUpdate(`S${i}`)));
    for (const id of ids) expect(storedCount(id)).toBe(0);
    await turn();
    await turn();
    expect(groups).toEqual([ids]);
    for (const [i, { reader: r }] of pairs.entries()) {
      const id = ids[i] as string;
      // The edit and the binding of the writer's client id to its user: both stored, then both sent.
      expect(storedCount(id)).toBe(2);
      expect(updatesIn(r.socket)).toHaveLength(2);
      // Sent only once committed (a second connection sees the rows).
      expect(r.socket.storedWhenSent.at(-1)).toBe(2);
      const audit = reader.prepare('SELECT count(*) AS n FROM audit_entries WHERE chain = ?').get(id) as { n: number };
      expect(audit.n).toBe(1);
    }
  });

  it('a room whose part of the group fails is dropped alone; the others are stored and broadcast', async () => {
    const ids = ['doc-a', 'doc-b', 'doc-c'];
    const pairs = await Promise.all(
      ids.map(async (id) => ({ writer: await connect(id, `w-${id}`), reader: await connect(id, `r-${id}`) })),
    );
    await turn();
    failAuditOf = 'doc-b';
    for (const [i, { writer }] of pairs.entries())
      writer.room.receive(writer.conn, encodeSyncUpdate(draftUpdate(`S${i}`)));
    await turn();
    await turn();
    expect(storedCount('doc-a')).toBe(2);
    expect(storedCount('doc-b')).toBe(0);
    expect(storedCount('doc-c')).toBe(2);
    const b = pairs[1]!;
    expect(b.reader.socket.closed).toBe(1011);
    expect(b.writer.socket.closed).toBe(1011);
    expect(updatesIn(b.reader.socket)).toHaveLength(0);
    expect(b.writer.room.isFailed).toBe(true);
    for (const k of [0, 2]) {
      expect(updatesIn(pairs[k]!.reader.socket)).toHaveLength(2);
      expect(pairs[k]!.reader.socket.closed).toBeNull();
    }
  });

  it('room sequence numbers continue across group commits, compaction and a reload', async () => {
    const w = await connect('doc-seq', 'w');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, draftUpdate('Seq'));
    w.room.receive(w.conn, encodeSyncUpdate(Y.encodeStateAsUpdate(doc)));
    await w.room.flushed();
    const text = new Y.XmlText();
    const para = () =>
      ((doc.getXmlFragment('default').get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlElement;
    const send = (fn: () => void) => {
      const sv = Y.encodeStateVector(doc);
      fn();
      w.room.receive(w.conn, encodeSyncUpdate(Y.encodeStateAsUpdate(doc, sv)));
    };
    send(() => para().insert(0, [text]));
    for (let i = 0; i < 5; i++) send(() => text.insert(text.length, `${i}`));
    await w.room.flushed();
    await w.room.compact();
    for (let i = 5; i < 10; i++) send(() => text.insert(text.length, `${i}`));
    await w.room.flushed();
    const seqs = reader.prepare('SELECT seq FROM doc_updates WHERE doc_id = ? ORDER BY seq').all('doc-seq') as {
      seq: number;
    }[];
    const snap = reader.prepare('SELECT seq FROM doc_snapshots WHERE doc_id = ?').get('doc-seq') as { seq: number };
    expect(seqs.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5].map((k) => snap.seq + k));
    const stored = await accordStore.log.load('doc-seq');
    const fresh = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(fresh, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(fresh, u);
    expect(fresh.getXmlFragment('default').toString()).toBe(doc.getXmlFragment('default').toString());
  });

  it('concurrent cold joiners share one encoding of the state; a joiner after an edit gets the edit', async () => {
    const w = await connect('doc-cold', 'w');
    w.room.receive(w.conn, encodeSyncUpdate(draftUpdate('Before')));
    await w.room.flushed();
    const empty = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()));
    const join = async (n: number, room: Room) => {
      const joiners = await Promise.all(Array.from({ length: n }, (_, i) => connect('doc-cold', `j${i}`)));
      for (const j of joiners) room.receive(j.conn, empty);
      return joiners;
    };
    /** The sync step 2 each joiner got, applied to a fresh doc: the heading text it shows. */
    const headingOf = (p: Probe) => {
      const step2 = p.batches.find(
        (b) => b.messages.length === 1 && b.messages[0]![0] === 0 && b.messages[0]![1] === 1,
      );
      if (!step2) throw new Error('no sync step 2');
      const d = new Y.Doc();
      Y.applyUpdate(d, step2.messages[0]!.subarray(2 + lengthBytes(step2.messages[0]!.subarray(2))));
      return (d.getXmlFragment('default').get(0) as Y.XmlElement).get(0)?.toString() ?? '';
    };
    const first = await join(10, w.room);
    await turn();
    const step2s = first.map((j) => j.socket.batches.find((b) => b.messages[0]![1] === 1));
    expect(new Set(step2s).size).toBe(1); // one encoding for all ten
    expect(headingOf(first[0]!.socket)).toContain('Before');

    // An edit and ten more joiners in the same turn: they are answered once it is stored, with it.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(w.room.doc));
    const heading = (fresh.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    const sv = Y.encodeStateVector(fresh);
    (heading.get(0) as Y.XmlText).insert(0, 'After ');
    w.room.receive(w.conn, encodeSyncUpdate(Y.encodeStateAsUpdate(fresh, sv)));
    const second = await join(10, w.room);
    await w.room.flushed();
    await turn();
    for (const j of second) expect(headingOf(j.socket)).toContain('After Before');
    const later = second.map((j) => j.socket.batches.find((b) => b.messages[0]![1] === 1));
    expect(new Set(later).size).toBe(1);
    expect(later[0]).not.toBe(step2s[0]);
  });
});

/** Bytes of the varint length prefix at the start of `b`. */
function lengthBytes(b: Uint8Array): number {
  let n = 0;
  while ((b[n] as number) & 0x80) n++;
  return n + 1;
}
