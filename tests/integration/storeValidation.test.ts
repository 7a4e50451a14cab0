import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../../server/store/openSqliteStore.js';
import { openSqlite } from '../../server/store/sqliteDatabase.js';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import { clauseString } from '../support/draftPaths.js';
import { RawClient } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * Defect 21: the store is not trusted blindly. What is loaded goes through the same guard
 * as what clients send (a row written by hand or by an old version must not reach every
 * reader), and a store file that exists but is empty or unreadable stops the server with
 * a message naming it, instead of starting a new, empty installation over it.
 */
describe('the store is checked when it is loaded', () => {
  let server: TestServer | null = null;
  const dirs: string[] = [];
  afterEach(async () => {
    await server?.stop();
    server = null;
    for (const d of dirs.splice(0)) removeDir(d);
  });

  /** A draft with some text, stored; the server is stopped so the test can write to the file. */
  async function storedDraft(): Promise<{ dataDir: string; docId: string }> {
    const s = await startTestServer();
    dirs.push(s.dataDir);
    const docId = await s.createDoc('Stored');
    const c = await RawClient.synced(`${s.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
    const para = (c.doc.getXmlFragment('default').get(0) as Y.XmlElement).get(1) as Y.XmlElement;
    const before = Y.encodeStateVector(c.doc);
    ((para.get(0) as Y.XmlElement) ?? para).insert(0, [new Y.XmlText('Kept text.')]);
    c.send(new Uint8Array([0, 2, ...lengthPrefixed(Y.encodeStateAsUpdate(c.doc, before))]));
    const room = await s.accord.services.rooms.get(docId);
    await c.until(() => clauseString(room.doc) === 'Kept text.', 'the text to be stored');
    c.close();
    await s.stop();
    return { dataDir: s.dataDir, docId };
  }

  /** Appends a raw row to the document's update log, as an old version or a hand edit could. */
  /** Writes past the guard, as a hand-edited row or an old version would have. */
  function appendRaw(dataDir: string, docId: string, update: Uint8Array, snapshot = false): void {
    const db = openSqlite(dataDir, 'NORMAL');
    if (snapshot) db.prepare('UPDATE doc_snapshots SET data = ? WHERE doc_id = ?').run(update, docId);
    else {
      db.prepare(
        `INSERT INTO doc_updates (doc_id, seq, data) SELECT ?, coalesce(max(seq), 0) + 1, ? FROM (
           SELECT seq FROM doc_updates WHERE doc_id = ? UNION ALL SELECT seq FROM doc_snapshots WHERE doc_id = ?)`,
      ).run(docId, update, docId, docId);
    }
    db.close();
  }

  function logLines(): { lines: string[]; write(msg: string): void } {
    const lines: string[] = [];
    return { lines, write: (msg: string) => void lines.push(msg) };
  }

  it('does not load a stored foreign root with a <script> element, nor a script in the draft; the rest loads', async () => {
    const { dataDir, docId } = await storedDraft();
    const evil = new Y.Doc();
    evil.getXmlFragment('evil').insert(0, [new Y.XmlElement('script')]);
    appendRaw(dataDir, docId, Y.encodeStateAsUpdate(evil));
    // And a script element inside the draft's section, built on what is stored.
    const store = await openSqliteStore(openSqlite(dataDir, 'NORMAL'));
    const stored = await store.log.load(docId);
    await store.close();
    const copy = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(copy, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(copy, u);
    const sv = Y.encodeStateVector(copy);
    (copy.getXmlFragment('default').get(0) as Y.XmlElement).insert(1, [new Y.XmlElement('script')]);
    appendRaw(dataDir, docId, Y.encodeStateAsUpdate(copy, sv));
    const log = logLines();
    server = await startTestServer({ dataDir, env: { LOG_LEVEL: 'error' }, logDestination: log });
    const c = await RawClient.synced(`${server.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
    expect(clauseString(c.doc)).toBe('Kept text.');
    expect([...c.doc.share.keys()]).not.toContain('evil');
    expect(Y.encodeStateAsUpdate(c.doc).byteLength).toBeGreaterThan(0);
    expect(c.doc.getXmlFragment('default').toString()).not.toContain('script');
    expect(log.lines.some((l) => l.includes(docId) && l.includes('foreign root'))).toBe(true);
    c.close();
  });

  it('does not serve a document whose stored snapshot fails the guard; other documents still open', async () => {
    const { dataDir, docId } = await storedDraft();
    const evil = new Y.Doc();
    evil.getXmlFragment('default').insert(0, [new Y.XmlElement('script')]);
    appendRaw(dataDir, docId, Y.encodeStateAsUpdate(evil), true);
    server = await startTestServer({ dataDir });
    const other = await server.createDoc('Other');
    const c = await RawClient.connect(`${server.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
    expect(await c.closed()).toBe(CloseCode.internalError);
    expect(c.doc.share.size).toBe(0);
    const ok = await RawClient.synced(`${server.wsUrl}/${other}?token=${ADMIN_TOKEN}`);
    expect(ok.isOpen).toBe(true);
    ok.close();
  });

  it('refuses to start on an empty store file that existed before, naming the file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'accord-test-'));
    dirs.push(dataDir);
    writeFileSync(join(dataDir, 'accord.sqlite'), '');
    await expect(startTestServer({ dataDir })).rejects.toThrow(join(dataDir, 'accord.sqlite'));
  });

  it('refuses to start on an unreadable store file, naming the file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'accord-test-'));
    dirs.push(dataDir);
    writeFileSync(join(dataDir, 'accord.sqlite'), 'this is not a database, it is a shopping list');
    await expect(startTestServer({ dataDir })).rejects.toThrow(join(dataDir, 'accord.sqlite'));
  });
});

function lengthPrefixed(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let n = bytes.length;
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
  return [...out, ...bytes];
}
