import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import { encodeAwareness, encodeAwarenessUpdate } from '../../shared/protocol/frames.js';
import { decodeNotice } from '../../shared/protocol/notice.js';
import {
  clauseById,
  firstSection,
  indexOfClause,
  newClause,
  sendAsStep2,
  sendEdit,
  textOf,
} from '../support/editing.js';
import { RawClient, UpgradeRefused } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * Attacks on governance over the raw wire protocol. Every case checks the
 * stored document, what other clients received and the audit log.
 */
describe('the server enforces governance whatever a client sends', () => {
  let server: TestServer;
  let docId: string;
  let chair: RawClient;
  let witness: RawClient;
  let member: { userId: string; token: string; name: string; affiliation: string };
  let observer: { userId: string; token: string; name: string };
  const clients: RawClient[] = [];

  const url = (token: string) => `${server.wsUrl}/${docId}?token=${token}`;
  const join = async (token: string) => {
    const c = await RawClient.synced(url(token));
    clients.push(c);
    return c;
  };
  const serverDoc = async () => (await server.accord.services.rooms.get(docId)).doc;
  const storedState = async () => {
    const room = await server.accord.services.rooms.get(docId);
    await room.flushed();
    const stored = await server.accord.store.log.load(docId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    return doc;
  };
  const textAt = (doc: Y.Doc, id: string) => textOf(clauseById(doc, id)).toString();
  const auditActions = async () =>
    (await server.accord.store.audit.list(docId)).map((e) => `${e.actor}:${e.action}:${JSON.stringify(e.detail)}`);
  const lastNotice = (c: RawClient) => decodeNotice(c.notices[c.notices.length - 1] ?? '');
  const settle = () => new Promise((r) => setTimeout(r, 150));

  /** Asserts the refusal reached `c`, and the server, the store and the witness are unchanged. */
  async function expectRefused(c: RawClient, code: string, before: { server: Uint8Array; audit: string[] }) {
    await c.until(() => c.notices.length > 0, 'a refusal notice');
    expect(lastNotice(c)?.code).toBe(code);
    await settle();
    expect(Y.encodeStateVector(await serverDoc())).toEqual(before.server);
    expect(Y.encodeStateVector(await storedState())).toEqual(before.server);
    expect(Y.encodeStateVector(witness.doc)).toEqual(before.server);
    expect(await auditActions()).toEqual(before.audit);
  }
  const snapshot = async () => ({ server: Y.encodeStateVector(await serverDoc()), audit: await auditActions() });

  beforeEach(async () => {
    server = await startTestServer();
    docId = await server.createDoc();
    member = await server.addPerson(docId, 'member', 'Maria Member');
    observer = await server.addPerson(docId, 'observer', 'Otto Observer');
    chair = await join(ADMIN_TOKEN);
    // Three paragraphs: p-open, p-locked (agreed and locked by the chair), p-after.
    sendEdit(chair, () => {
      const s = firstSection(chair.doc);
      s.insert(s.length, [
        newClause('p-open', 'Open text.'),
        newClause('p-locked', 'Agreed text.'),
        newClause('p-after', 'After.'),
      ]);
    });
    const room = await server.accord.services.rooms.get(docId);
    await chair.until(() => indexOfClause(room.doc, 'p-after') >= 0, 'server to have the clauses');
    expect(
      (await server.api('POST', `/api/documents/${docId}/paragraphs/p-locked/status`, { status: 'agreed' })).status,
    ).toBe(200);
    expect((await server.api('POST', `/api/documents/${docId}/paragraphs/p-locked/lock`)).status).toBe(200);
    witness = await join(ADMIN_TOKEN);
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  describe('access', () => {
    it('refuses an upgrade without a token, with an unknown token, and for a non-member', async () => {
      const outsider = await server.addPerson(await server.createDoc('Other group'), 'chair');
      for (const [u, status] of [
        [`${server.wsUrl}/${docId}`, 401],
        [url('not-a-token'), 401],
        [url(outsider.token), 403],
      ] as const) {
        await expect(RawClient.connect(u)).rejects.toMatchObject({ status });
      }
    });

    it('says the same for a document that does not exist as for one you are not in', async () => {
      const outsider = await server.addPerson(await server.createDoc('Other group'), 'chair');
      const missing = await RawClient.connect(`${server.wsUrl}/no-such-doc?token=${outsider.token}`).catch((e) => e);
      const foreign = await RawClient.connect(url(outsider.token)).catch((e) => e);
      expect(missing).toBeInstanceOf(UpgradeRefused);
      expect((missing as UpgradeRefused).status).toBe((foreign as UpgradeRefused).status);
    });

    it('refuses an expired session', async () => {
      const db = server.accord.db;
      const session = await server.accord.store.credentials.issue(member.userId, 'session');
      db.prepare("UPDATE credentials SET expires_at = ? WHERE kind = 'session' AND user_id = ?").run(
        Date.now() - 1,
        member.userId,
      );
      await expect(
        RawClient.connect(`${server.wsUrl}/${docId}`, { cookie: `accord_session=${session}` }),
      ).rejects.toMatchObject({ status: 401 });
    });

    it('refuses a foreign Origin even with a valid session cookie (cross-site WebSocket hijacking)', async () => {
      const session = await server.accord.store.credentials.issue(member.userId, 'session');
      await expect(
        RawClient.connect(`${server.wsUrl}/${docId}`, {
          cookie: `accord_session=${session}`,
          origin: 'https://evil.example',
        }),
      ).rejects.toMatchObject({ status: 403 });
      const ok = await RawClient.connect(`${server.wsUrl}/${docId}`, {
        cookie: `accord_session=${session}`,
        origin: server.accord.services.config.PUBLIC_URL,
      });
      clients.push(ok);
      expect(ok.isOpen).toBe(true);
    });

    it('cuts a member off within a second when their membership is revoked', async () => {
      const m = await join(member.token);
      const res = await server.api('DELETE', `/api/documents/${docId}/members/${member.userId}`);
      expect(res.status).toBe(200);
      const started = Date.now();
      expect(await m.closed()).toBe(CloseCode.forbidden);
      expect(Date.now() - started).toBeLessThan(1000);
      await expect(RawClient.connect(url(member.token))).rejects.toMatchObject({ status: 403 });
      expect((await auditActions()).some((a) => a.includes('member.remove'))).toBe(true);
    });

    it('downgrading a member to observer takes effect on the open connection', async () => {
      const m = await join(member.token);
      await server.api('PATCH', `/api/documents/${docId}/members/${member.userId}`, { role: 'observer' });
      expect(await m.closed()).toBe(CloseCode.roleChanged);
      const again = await join(member.token);
      const before = await snapshot();
      sendEdit(again, () => textOf(clauseById(again.doc, 'p-open')).insert(0, 'Sneaky '));
      await expectRefused(again, 'read_only', before);
    });

    it('throttles a flood of upgrade attempts before authentication, and memory stays flat', async () => {
      const rssBefore = process.memoryUsage().rss;
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) {
        statuses.push(
          await RawClient.connect(url('bogus')).then(
            () => 101,
            (e: UpgradeRefused) => e.status,
          ),
        );
      }
      expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
      expect(statuses.slice(-10).every((s) => s === 429)).toBe(true);
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(50 * 1024 * 1024);
    });

    it('closes a connection that floods messages with 4429', async () => {
      const m = await join(member.token);
      for (let i = 0; i < 400 && m.isOpen; i++) m.send(new Uint8Array([3])); // query awareness
      expect(await m.closed()).toBe(CloseCode.rateLimited);
      expect(witness.isOpen).toBe(true);
    });
  });

  describe('observers change nothing', () => {
    it('refuses an observer insert', async () => {
      const o = await join(observer.token);
      const before = await snapshot();
      sendEdit(o, () => textOf(clauseById(o.doc, 'p-open')).insert(0, 'Observer was here. '));
      await expectRefused(o, 'read_only', before);
    });

    it('refuses an observer sync step 2 carrying new content', async () => {
      const o = await join(observer.token);
      const before = await snapshot();
      sendAsStep2(o, () => firstSection(o.doc).insert(0, [newClause('p-observer', 'Injected')]));
      await expectRefused(o, 'read_only', before);
    });

    it('refuses an observer delete-only update', async () => {
      const o = await join(observer.token);
      const before = await snapshot();
      sendEdit(o, () => textOf(clauseById(o.doc, 'p-open')).delete(0, 4));
      await expectRefused(o, 'read_only', before);
      expect(textAt(await serverDoc(), 'p-open')).toBe('Open text.');
    });

    it('accepts an observer sync step 2 that carries nothing new', async () => {
      const o = await join(observer.token);
      o.send(new Uint8Array([0, 1, 2, 0, 0])); // step 2 with an empty update
      await settle();
      expect(o.isOpen).toBe(true);
      expect(o.notices).toEqual([]);
    });
  });

  describe('locked paragraphs', () => {
    let m: RawClient;
    beforeEach(async () => {
      m = await join(member.token);
    });

    it('refuses typing inside a locked paragraph', async () => {
      const before = await snapshot();
      sendEdit(m, () => textOf(clauseById(m.doc, 'p-locked')).insert(6, ' not'));
      await expectRefused(m, 'paragraph_locked', before);
      expect(lastNotice(m)?.paragraphIds).toEqual(['p-locked']);
    });

    it('refuses formatting inside a locked paragraph', async () => {
      const before = await snapshot();
      sendEdit(m, () => textOf(clauseById(m.doc, 'p-locked')).format(0, 6, { bold: true }));
      await expectRefused(m, 'paragraph_locked', before);
    });

    it('refuses changing a locked paragraph’s attributes', async () => {
      const before = await snapshot();
      sendEdit(m, () => clauseById(m.doc, 'p-locked').setAttribute('kind', 'preambular'));
      await expectRefused(m, 'paragraph_locked', before);
    });

    it('refuses deleting text in, or deleting, a locked paragraph', async () => {
      let before = await snapshot();
      sendEdit(m, () => textOf(clauseById(m.doc, 'p-locked')).delete(0, 7));
      await expectRefused(m, 'paragraph_locked', before);

      const m2 = await join(member.token);
      before = await snapshot();
      sendEdit(m2, () => firstSection(m2.doc).delete(indexOfClause(m2.doc, 'p-locked'), 1));
      await expectRefused(m2, 'paragraph_locked', before);
    });

    it('refuses splitting a locked paragraph (as the editor does it: cut the tail, new clause after)', async () => {
      const before = await snapshot();
      sendEdit(m, () => {
        const t = textOf(clauseById(m.doc, 'p-locked'));
        const tail = t.toString().slice(6);
        t.delete(6, tail.length);
        firstSection(m.doc).insert(indexOfClause(m.doc, 'p-locked') + 1, [newClause('p-split', tail)]);
      });
      await expectRefused(m, 'paragraph_locked', before);
    });

    it('refuses joining a locked paragraph with the next one', async () => {
      const before = await snapshot();
      sendEdit(m, () => {
        const after = textOf(clauseById(m.doc, 'p-after')).toString();
        textOf(clauseById(m.doc, 'p-locked')).insert(12, ` ${after}`);
        firstSection(m.doc).delete(indexOfClause(m.doc, 'p-after'), 1);
      });
      await expectRefused(m, 'paragraph_locked', before);
    });

    it('refuses a select-all delete across locked and unlocked paragraphs as a whole', async () => {
      const before = await snapshot();
      sendEdit(m, () => {
        const s = firstSection(m.doc);
        s.delete(1, s.length - 1);
      });
      await expectRefused(m, 'paragraph_locked', before);
      const doc = await serverDoc();
      expect(textAt(doc, 'p-open')).toBe('Open text.');
      expect(textAt(doc, 'p-after')).toBe('After.');
    });

    it('refuses deleting the section that holds a locked paragraph, even without listing its children', async () => {
      const before = await snapshot();
      // Only the section item in the delete set: applying it would delete the locked clause implicitly.
      const section = firstSection(m.doc);
      const item = section._item as Y.Item;
      const update = encodeDeleteOnly(item.id.client, item.id.clock);
      m.send(new Uint8Array([0, 2, ...lengthPrefixed(update)]));
      await expectRefused(m, 'paragraph_locked', before);
    });

    it('refuses a chair editing a locked paragraph: unlock first', async () => {
      const before = await snapshot();
      sendEdit(chair, () => textOf(clauseById(chair.doc, 'p-locked')).insert(0, 'Chair: '));
      await expectRefused(chair, 'paragraph_locked', before);
    });

    it('refuses an edit made offline before the lock that arrives after it', async () => {
      await server.api('POST', `/api/documents/${docId}/paragraphs/p-locked/unlock`, { reason: 'reopen for test' });
      const offline = await join(member.token);
      // Made "offline": computed locally, not sent yet.
      const pending = sendLater(offline.doc, () => textOf(clauseById(offline.doc, 'p-locked')).insert(0, 'Late '));
      await server.api('POST', `/api/documents/${docId}/paragraphs/p-locked/lock`);
      const before = await snapshot();
      offline.send(new Uint8Array([0, 1, ...lengthPrefixed(pending)])); // as the reconnect's sync step 2
      await expectRefused(offline, 'paragraph_locked', before);
    });

    it('allows typing next to a locked paragraph and inserting paragraphs around it', async () => {
      sendEdit(m, () => {
        textOf(clauseById(m.doc, 'p-open')).insert(0, 'Still open: ');
        firstSection(m.doc).insert(indexOfClause(m.doc, 'p-locked'), [newClause('p-before-bis', 'New before.')]);
        firstSection(m.doc).insert(indexOfClause(m.doc, 'p-locked') + 1, [newClause('p-after-bis', 'New after.')]);
      });
      await witness.until(() => indexOfClause(witness.doc, 'p-after-bis') >= 0, 'witness to get the edit');
      expect(m.notices).toEqual([]);
      const stored = await storedState();
      expect(textAt(stored, 'p-open')).toBe('Still open: Open text.');
      expect(textAt(stored, 'p-locked')).toBe('Agreed text.');
      expect(
        (await auditActions()).some((a) => a.startsWith(`${member.userId}:text.edit`) && a.includes('p-open')),
      ).toBe(true);
    });

    it('refuses a new paragraph that takes the id of a locked one', async () => {
      const before = await snapshot();
      sendEdit(m, () => firstSection(m.doc).insert(0, [newClause('p-locked', 'Impostor')]));
      await expectRefused(m, 'duplicate_paragraph_id', before);
    });

    it('refuses renaming another paragraph to a locked paragraph’s id', async () => {
      const before = await snapshot();
      sendEdit(m, () => clauseById(m.doc, 'p-open').setAttribute('id', 'p-locked'));
      await expectRefused(m, 'duplicate_paragraph_id', before);
    });
  });

  describe('server-owned state', () => {
    it('refuses a client writing the governance map (e.g. unlocking by itself)', async () => {
      const m = await join(member.token);
      const before = await snapshot();
      sendEdit(m, () => (m.doc.getMap('gov').get('locks') as Y.Map<unknown>).delete('p-locked'));
      await expectRefused(m, 'server_owned', before);
    });

    it('refuses elements and marks the editor schema does not have (a <script>, an onclick mark)', async () => {
      const m = await join(member.token);
      const before = await snapshot();
      sendEdit(m, () => firstSection(m.doc).insert(1, [new Y.XmlElement('script')]));
      await expectRefused(m, 'malformed_update', before);
      const m2 = await join(member.token);
      sendEdit(m2, () => textOf(clauseById(m2.doc, 'p-open')).format(0, 3, { onclick: 'alert(1)' }));
      await expectRefused(m2, 'malformed_update', before);
    });

    it('refuses attributes and brackets of the wrong shape (kind: 42, a bracket without a proposer)', async () => {
      const m = await join(member.token);
      const before = await snapshot();
      sendEdit(m, () => clauseById(m.doc, 'p-open').setAttribute('kind', 42 as unknown as string));
      await expectRefused(m, 'malformed_update', before);
      const m2 = await join(member.token);
      sendEdit(m2, () => textOf(clauseById(m2.doc, 'p-open')).format(0, 3, { 'bracket--x': 'not a bracket' }));
      await expectRefused(m2, 'malformed_update', before);
      const m3 = await join(member.token);
      const ok = {
        id: 'b1',
        by: member.userId,
        byName: `Maria Member (${member.affiliation})`,
        at: Date.now(),
        group: null,
      };
      sendEdit(m3, () => textOf(clauseById(m3.doc, 'p-open')).format(0, 3, { 'bracket--ok': ok }));
      await witness.until(
        () => JSON.stringify(textOf(clauseById(witness.doc, 'p-open')).toDelta()).includes('bracket--ok'),
        'witness to get the well-formed bracket',
      );
      expect(m3.notices).toEqual([]);
    });

    it('refuses a client creating another root type', async () => {
      const m = await join(member.token);
      const before = await snapshot();
      sendEdit(m, () => m.doc.getMap('statuses').set('p-locked', 'draft'));
      await expectRefused(m, 'server_owned', before);
    });

    it('an objection is always in the caller’s name', async () => {
      const res = await server.api<{ author: { id: string; name: string } }>(
        'POST',
        `/api/documents/${docId}/paragraphs/p-open/objections`,
        { reason: 'Too vague', author: { id: observer.userId, name: 'Otto Observer' }, authorId: observer.userId },
        member.token,
      );
      expect(res.status).toBe(201);
      expect(res.body.author).toMatchObject({ id: member.userId, name: 'Maria Member' });
      const objections = [
        ...((await serverDoc()).getMap('gov').get('objections') as Y.Map<{ author: { id: string } }>).values(),
      ];
      expect(objections.map((o) => o.author.id)).toEqual([member.userId]);
      // Only the author withdraws; observers cannot object at all.
      const id = (objections[0] as unknown as { id: string }).id;
      expect(
        (await server.api('POST', `/api/documents/${docId}/objections/${id}/withdraw`, undefined, ADMIN_TOKEN)).status,
      ).toBe(403);
      expect(
        (
          await server.api(
            'POST',
            `/api/documents/${docId}/paragraphs/p-open/objections`,
            { reason: 'x' },
            observer.token,
          )
        ).status,
      ).toBe(403);
      expect(
        (await server.api('POST', `/api/documents/${docId}/objections/${id}/withdraw`, undefined, member.token)).status,
      ).toBe(200);
    });

    it('awareness cannot impersonate: the name and role come from the session', async () => {
      const m = await join(member.token);
      m.send(
        encodeAwareness(
          encodeAwarenessUpdate([
            { clientId: 4242, clock: 1, state: { user: { name: 'The Chair', role: 'chair', color: '#ff0000' } } },
          ]),
        ),
      );
      await witness.until(() => witness.awareness.has(4242), 'awareness to reach the witness');
      expect(witness.awareness.get(4242)?.user).toMatchObject({
        name: 'Maria Member',
        role: 'member',
        color: '#ff0000',
      });
      // Another connection cannot take over or remove that client id.
      const o = await join(observer.token);
      o.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 4242, clock: 2, state: null }])));
      await settle();
      expect(witness.awareness.get(4242)).not.toBeNull();
    });

    it('statuses follow the rules: members cannot agree, nobody agrees a bracketed or objected paragraph', async () => {
      expect(
        (
          await server.api(
            'POST',
            `/api/documents/${docId}/paragraphs/p-open/status`,
            { status: 'agreed' },
            member.token,
          )
        ).status,
      ).toBe(403);
      await server.api('POST', `/api/documents/${docId}/paragraphs/p-open/objections`, { reason: 'No' }, member.token);
      const res = await server.api<{ error: { code: string } }>(
        'POST',
        `/api/documents/${docId}/paragraphs/p-open/status`,
        {
          status: 'agreed',
        },
      );
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('rule_violation');
      const lock = await server.api('POST', `/api/documents/${docId}/paragraphs/p-open/lock`);
      expect(lock.status).toBe(409);
      const unlock = await server.api('POST', `/api/documents/${docId}/paragraphs/p-locked/unlock`, { reason: '' });
      expect(unlock.status).toBe(400);
    });
  });

  it('the audit log is hash-chained and tampering is detected', async () => {
    const res = await server.api<{ entries: Array<{ action: string }>; chainIntact: boolean }>(
      'GET',
      `/api/documents/${docId}/audit`,
    );
    expect(res.body.chainIntact).toBe(true);
    expect(res.body.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['document.create', 'status.set', 'paragraph.lock', 'text.edit']),
    );
    expect(() => server.accord.db.exec("UPDATE audit_entries SET actor = 'someone-else'")).toThrow(/append-only/);
    server.accord.db.exec('DROP TRIGGER audit_entries_no_update');
    server.accord.db.exec("UPDATE audit_entries SET detail = '{}' WHERE action = 'paragraph.lock'");
    expect((await server.accord.services.audit.verify(docId, { full: true })).intact).toBe(false);
    expect((await server.api('GET', `/api/documents/${docId}/audit`, undefined, member.token)).status).toBe(403);
  });
});

function sendLater(doc: Y.Doc, fn: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const l = (u: Uint8Array) => updates.push(u);
  doc.on('update', l);
  doc.transact(fn);
  doc.off('update', l);
  return Y.mergeUpdates(updates);
}

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

/** An update with no structs and a delete set of one item. */
function encodeDeleteOnly(client: number, clock: number): Uint8Array {
  const bytes: number[] = [0]; // number of clients with structs
  bytes.push(1); // number of clients in the delete set
  bytes.push(...varUint(client), ...varUint(1), ...varUint(clock), ...varUint(1));
  return new Uint8Array(bytes);
}

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n % 128) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
