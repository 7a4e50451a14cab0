import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clauseById, firstSection, indexOfClause, newClause, sendEdit, textOf } from '../support/editing.js';
import { RawClient } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

interface Entry {
  seq: number;
  docId: string | null;
  at: number;
  actor: string | null;
  action: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
interface Page {
  entries: Entry[];
  next: number | null;
  chainIntact: boolean;
  firstBrokenEntry: { seq: number } | null;
  verification: { from: number; checked: number; full: boolean };
}

const GENESIS = '0'.repeat(64);

/** Recomputes a chain from its entries as the README describes, as an auditor holding an export would. */
function verifyExport(entries: Entry[], chain: string): boolean {
  let prev = GENESIS;
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1 || e.prevHash !== prev) return false;
    const hash = createHash('sha256')
      .update(JSON.stringify([prev, chain, e.seq, e.at, e.actor, e.action, JSON.stringify(e.detail)]))
      .digest('hex');
    if (hash !== e.hash) return false;
    prev = e.hash;
  }
  return true;
}

describe('audit chains', () => {
  let server: TestServer;
  let docA: string;
  let docB: string;
  const clients: RawClient[] = [];
  const para = (doc: string, pid: string, what: string) => `/api/documents/${doc}/paragraphs/${pid}/${what}`;
  const audit = (doc: string, query = '') => server.api<Page>('GET', `/api/documents/${doc}/audit${query}`);
  const seed = async (doc: string) => {
    const c = await RawClient.synced(`${server.wsUrl}/${doc}?token=${ADMIN_TOKEN}`);
    clients.push(c);
    sendEdit(c, () => firstSection(c.doc).insert(1, [newClause('p1', 'One.'), newClause('p2', 'Two.')]));
    const room = await server.accord.services.rooms.get(doc);
    await c.until(() => indexOfClause(room.doc, 'p2') >= 0, 'the paragraphs');
  };

  beforeEach(async () => {
    server = await startTestServer();
    docA = await server.createDoc('A');
    docB = await server.createDoc('B');
    await seed(docA);
    await seed(docB);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  it('each document has its own chain, and installation events have theirs', async () => {
    for (const status of ['under_negotiation', 'draft', 'under_negotiation'] as const) {
      await server.api('POST', para(docA, 'p1', 'status'), { status });
      await server.api('POST', para(docB, 'p1', 'status'), { status });
    }
    await server.api('POST', '/api/tokens', { label: 'installation event' });
    for (const doc of [docA, docB]) {
      const page = (await audit(doc)).body;
      expect(page.chainIntact).toBe(true);
      expect(page.entries.every((e) => e.docId === doc)).toBe(true);
      expect(page.entries.filter((e) => e.action === 'status.set')).toHaveLength(3);
      expect(verifyExport(page.entries, doc)).toBe(true);
    }
    const installation = await server.api<Page>('GET', '/api/audit');
    expect(installation.body.entries.map((e) => e.action)).toContain('token.issue');
    expect(installation.body.entries.every((e) => e.docId === null)).toBe(true);
    expect(verifyExport(installation.body.entries, '')).toBe(true);
    const member = await server.addPerson(docA, 'chair');
    expect((await server.api('GET', '/api/audit', undefined, member.token)).status).toBe(403);
  });

  it('text edits are recorded once per person, paragraph and minute, naming the paragraphs', async () => {
    const member = await server.addPerson(docA, 'member', 'Typing Tom');
    const m = await RawClient.synced(`${server.wsUrl}/${docA}?token=${member.token}`);
    clients.push(m);
    const room = await server.accord.services.rooms.get(docA);
    const started = Date.now();
    for (let i = 0; i < 30; i++) {
      const pid = i % 3 === 0 ? 'p2' : 'p1';
      sendEdit(m, () => textOf(clauseById(m.doc, pid)).insert(0, 'x'));
      // Each keystroke its own batch and transaction, as when typing slowly.
      const typed = i + 1;
      await m.until(() => {
        const all = textOf(clauseById(room.doc, 'p1')).toString() + textOf(clauseById(room.doc, 'p2')).toString();
        return all.split('x').length - 1 === typed;
      }, 'the keystroke at the server');
      await room.flushed();
    }
    const ended = Date.now();
    const edits = (await audit(docA)).body.entries.filter((e) => e.actor === member.userId && e.action === 'text.edit');
    const minutes = Math.floor(ended / 60_000) - Math.floor(started / 60_000) + 1;
    for (const pid of ['p1', 'p2']) {
      const mentioning = edits.filter((e) => (e.detail.paragraphs as string[]).includes(pid));
      expect(mentioning.length).toBeGreaterThanOrEqual(1);
      expect(mentioning.length).toBeLessThanOrEqual(minutes);
    }
    // Who changed p2, and when, is still there to read.
    expect(edits[0]?.detail.minute).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
  });

  it('verifies incrementally from a stored checkpoint, and fully on request', async () => {
    const first = (await audit(docA)).body;
    expect(first.verification).toMatchObject({ from: 0, full: false });
    const total = first.entries.length;
    expect(first.verification.checked).toBe(total);
    for (let i = 0; i < 3; i++) {
      await server.api('POST', para(docA, 'p1', 'status'), { status: i % 2 ? 'draft' : 'under_negotiation' });
    }
    const second = (await audit(docA)).body;
    expect(second.verification).toMatchObject({ from: total, checked: 3 });
    expect(second.chainIntact).toBe(true);

    // Tampering after the checkpoint is found by the next read; before it, by a full verification.
    server.accord.db.exec('DROP TRIGGER audit_entries_no_update');
    server.accord.db.prepare("UPDATE audit_entries SET actor = 'someone' WHERE chain = ? AND seq = 1").run(docA);
    expect((await audit(docA)).body.chainIntact).toBe(true);
    const full = (await audit(docA, '?verify=full')).body;
    expect(full.chainIntact).toBe(false);
    expect(full.firstBrokenEntry?.seq).toBe(1);
    // Document B's chain is not affected by A's.
    expect((await audit(docB, '?verify=full')).body.chainIntact).toBe(true);
  });

  it('pages the JSON and exports the whole chain as JSON Lines, beyond 1,000 entries', async () => {
    await server.accord.store.transaction(async (tx) => {
      for (let i = 0; i < 2500; i++)
        await tx.audit.append(docA, { actor: 'admin', action: 'test.filler', detail: { i } });
    });
    const pages: Entry[] = [];
    for (let after = 0; ; ) {
      const page = (await audit(docA, `?after=${after}&limit=1000`)).body;
      pages.push(...page.entries);
      if (page.next === null) break;
      after = page.next;
    }
    const res = await fetch(`http://127.0.0.1:${server.port}/api/documents/${docA}/audit?format=jsonl`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Entry);
    expect(lines.length).toBeGreaterThan(2500);
    expect(lines).toEqual(pages);
    expect(verifyExport(lines, docA)).toBe(true);
  });
});

describe('an installation from before the per-document chains', () => {
  it('carries its single chain over into per-document chains and records the move', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const Database = (await import('better-sqlite3')).default;
    const { migrations } = await import('../../server/store/sqliteDatabase.js');
    const dir = mkdtempSync(join(tmpdir(), 'accord-legacy-audit-'));
    const db = new Database(join(dir, 'accord.sqlite'));
    for (const m of migrations.slice(0, 2)) db.exec(m as string);
    db.pragma('user_version = 2');
    let prev = GENESIS;
    const legacy: Array<[string | null, string]> = [
      ['doc-a', 'document.create'],
      [null, 'session.signin'],
      ['doc-b', 'document.create'],
      ['doc-a', 'status.set'],
    ];
    for (const [docId, action] of legacy) {
      const at = 1_700_000_000_000;
      const hash = createHash('sha256')
        .update(JSON.stringify([prev, docId, at, 'admin', action, '{}']))
        .digest('hex');
      db.prepare(
        'INSERT INTO audit_log (doc_id, at, actor, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(docId, at, 'admin', action, '{}', prev, hash);
      prev = hash;
    }
    db.close();

    const server = await startTestServer({ dataDir: dir });
    try {
      const { audit } = server.accord.store;
      expect((await audit.list('doc-a')).map((e) => [e.seq, e.action])).toEqual([
        [1, 'document.create'],
        [2, 'status.set'],
      ]);
      expect(verifyExport((await audit.list('doc-a')) as Entry[], 'doc-a')).toBe(true);
      expect(verifyExport((await audit.list('doc-b')) as Entry[], 'doc-b')).toBe(true);
      const installation = await audit.list(null);
      expect(installation.map((e) => e.action)).toEqual(['session.signin', 'audit.migrated']);
      expect(installation[1]?.detail).toEqual({ legacyEntries: 4, legacyTailHash: prev, legacyChainIntact: true });
      expect((await audit.verify(null)).intact).toBe(true);
    } finally {
      await server.stop();
      removeDir(dir);
    }
  });
});
