import { expect } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncUpdate } from '../../shared/protocol/frames.js';
import { decodeNotice, type Notice } from '../../shared/protocol/notice.js';
import { clauseById, firstSection, indexOfClause, newClause, sendEdit, textOf } from './editing.js';
import { RawClient } from './rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from './testServer.js';

export interface Person {
  userId: string;
  token: string;
  name: string;
  affiliation: string;
}

/**
 * A draft under attack: one section with `p-open`, `p-locked` (agreed and locked by the
 * chair) and `p-after`; a chair, a member and a witness connected over the raw wire.
 * Checks read the server's document, what is stored in SQLite, what the witness got and
 * the audit log.
 */
export class GuardHarness {
  readonly clients: RawClient[] = [];
  chair!: RawClient;
  witness!: RawClient;
  member!: Person;
  otherMember!: Person;
  observer!: Person;
  chairPerson!: Person;
  docId!: string;
  private env: Record<string, string | number> = {};

  private constructor(public server: TestServer) {}

  static async start(env: Record<string, string | number> = {}): Promise<GuardHarness> {
    const h = new GuardHarness(await startTestServer({ env }));
    h.env = env;
    h.docId = await h.server.createDoc();
    h.member = await h.server.addPerson(h.docId, 'member', 'Maria Member');
    h.otherMember = await h.server.addPerson(h.docId, 'member', 'Oscar Other');
    h.observer = await h.server.addPerson(h.docId, 'observer', 'Otto Observer');
    h.chairPerson = await h.server.addPerson(h.docId, 'chair', 'Carla Chair');
    h.chair = await h.join(h.chairPerson.token);
    sendEdit(h.chair, () => {
      const s = firstSection(h.chair.doc);
      s.insert(s.length, [
        newClause('p-open', 'Open text.'),
        newClause('p-locked', 'Agreed text.'),
        newClause('p-after', 'After.'),
      ]);
    });
    const room = await h.room();
    await h.chair.until(() => indexOfClause(room.doc, 'p-after') >= 0, 'server to have the clauses');
    await h.lock('p-locked');
    h.witness = await h.join(ADMIN_TOKEN);
    return h;
  }

  url(token: string): string {
    return `${this.server.wsUrl}/${this.docId}?token=${token}`;
  }

  async join(token: string): Promise<RawClient> {
    const c = await RawClient.synced(this.url(token));
    this.clients.push(c);
    return c;
  }

  room() {
    return this.server.accord.services.rooms.get(this.docId);
  }

  async serverDoc(): Promise<Y.Doc> {
    return (await this.room()).doc;
  }

  async lock(paragraphId: string): Promise<void> {
    const base = `/api/documents/${this.docId}/paragraphs/${paragraphId}`;
    expect((await this.server.api('POST', `${base}/status`, { status: 'agreed' })).status).toBe(200);
    expect((await this.server.api('POST', `${base}/lock`)).status).toBe(200);
  }

  /** The document as stored in SQLite (what a restart would load). */
  async storedDoc(): Promise<Y.Doc> {
    const room = await this.room();
    await room.flushed();
    const stored = await this.server.accord.store.log.load(this.docId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    return doc;
  }

  async auditActions(): Promise<string[]> {
    return (await this.server.accord.store.audit.list(this.docId)).map(
      (e) => `${e.actor}:${e.action}:${JSON.stringify(e.detail)}`,
    );
  }

  async snapshot(): Promise<{ server: Uint8Array; audit: string[] }> {
    return { server: Y.encodeStateVector(await this.serverDoc()), audit: await this.auditActions() };
  }

  /** Asserts the refusal reached `c`, and the server, the store, the witness and the audit log are unchanged. */
  async expectRefused(c: RawClient, code: string, before: { server: Uint8Array; audit: string[] }): Promise<Notice> {
    await c.until(() => c.notices.length > 0, `a refusal notice (${code})`);
    const notice = lastNotice(c);
    expect(notice?.code).toBe(code);
    await settle();
    const doc = await this.serverDoc();
    expect(Y.encodeStateVector(doc)).toEqual(before.server);
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.store.pendingDs).toBeNull();
    expect(Y.encodeStateVector(await this.storedDoc())).toEqual(before.server);
    expect(Y.encodeStateVector(this.witness.doc)).toEqual(before.server);
    expect(await this.auditActions()).toEqual(before.audit);
    return notice as Notice;
  }

  /** Sends the client's edit and waits until the witness has it, with no refusal. */
  async expectAccepted(c: RawClient, fn: () => void): Promise<void> {
    const notices = c.notices.length;
    sendEdit(c, fn);
    const target = Y.encodeStateVector(c.doc);
    const text = c.doc.getXmlFragment('default').toString();
    // Deletions do not move the state vector: wait for the same text as well.
    await this.witness.until(
      () =>
        (covers(this.witness.doc, target) && this.witness.doc.getXmlFragment('default').toString() === text) ||
        c.notices.length > notices,
      'the witness to receive the edit',
    );
    expect(c.notices.slice(notices).map((n) => decodeNotice(n)?.message ?? n)).toEqual([]);
  }

  sendRaw(c: RawClient, update: Uint8Array): void {
    c.send(encodeSyncUpdate(update));
  }

  textAt(doc: Y.Doc, id: string): string {
    return textOf(clauseById(doc, id)).toString();
  }

  /** Stops the server (everything stored) and starts a new one on the same data; the witness reconnects. */
  async restart(): Promise<void> {
    for (const c of this.clients.splice(0)) c.close();
    const dataDir = this.server.dataDir;
    await this.server.stop();
    this.server = await startTestServer({ dataDir, env: this.env });
    this.witness = await this.join(ADMIN_TOKEN);
  }

  async stop(): Promise<void> {
    for (const c of this.clients.splice(0)) c.close();
    await this.server.stop();
    removeDir(this.server.dataDir);
  }
}

export function lastNotice(c: RawClient): Notice | null {
  return decodeNotice(c.notices[c.notices.length - 1] ?? '');
}

export const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

/** Whether `doc` has everything the state vector names. */
export function covers(doc: Y.Doc, stateVector: Uint8Array): boolean {
  for (const [client, clock] of Y.decodeStateVector(stateVector))
    if (Y.getState(doc.store, client) < clock) return false;
  return true;
}
