import { expect } from 'vitest';
import * as Y from 'yjs';
import { readGovernance } from '../../shared/model/readDraft.js';
import { readSilences, type Silence, type SilenceView } from '../../shared/model/silence.js';
import { firstSection, newClause, sendEdit } from './editing.js';
import { RawClient } from './rawClient.js';
import { ADMIN_TOKEN, type TestServer } from './testServer.js';

export type Person = Awaited<ReturnType<TestServer['addPerson']>>;

/** A section element as the editor makes it: section[id] > sectionHeading, clauses. */
export function newSection(id: string, heading: string, clauses: Y.XmlElement[]): Y.XmlElement {
  const s = new Y.XmlElement('section');
  s.setAttribute('id', id);
  const h = new Y.XmlElement('sectionHeading');
  h.insert(0, [new Y.XmlText(heading)]);
  s.insert(0, [h, ...clauses]);
  return s;
}

/**
 * A draft for silence tests: the first section holds `a1`..`a3`, a second section `s-b` holds
 * `b1`..`b3`. The chair's raw client wrote them; `chair` stays connected.
 */
export async function silenceDraft(server: TestServer): Promise<{ docId: string; chair: RawClient }> {
  const docId = await server.createDoc('Silence draft');
  const chair = await RawClient.synced(`${server.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
  sendEdit(chair, () => {
    const first = firstSection(chair.doc);
    first.insert(first.length, [
      newClause('a1', 'First a.'),
      newClause('a2', 'Second a.'),
      newClause('a3', 'Third a.'),
    ]);
    const root = chair.doc.getXmlFragment('default');
    root.insert(root.length, [
      newSection('s-b', 'Section B', [
        newClause('b1', 'First b.'),
        newClause('b2', 'Second b.'),
        newClause('b3', 'Third b.'),
      ]),
    ]);
  });
  const room = await server.accord.services.rooms.get(docId);
  await chair.until(() => hasClause(room.doc, 'b3'), 'server to have the clauses');
  return { docId, chair };
}

function hasClause(doc: Y.Doc, id: string): boolean {
  const walk = (el: Y.XmlElement | Y.XmlFragment): boolean =>
    el.toArray().some((c) => c instanceof Y.XmlElement && (c.getAttribute('id') === id || walk(c)));
  return walk(doc.getXmlFragment('default'));
}

function readSilencesOf(doc: Y.Doc): SilenceView {
  return readSilences(doc.getMap('gov'));
}

/** What the server's room holds now: silences and governance. */
export async function serverState(server: TestServer, docId: string) {
  const room = await server.accord.services.rooms.get(docId);
  return { silence: readSilencesOf(room.doc), gov: readGovernance(room.doc.getMap('gov')) };
}

export function silenceApi(server: TestServer, docId: string) {
  const call = <T>(method: string, path: string, body?: unknown, who?: Person) =>
    server.api<T & { error?: { code: string; details?: { rule?: string } } }>(
      method,
      `/api/documents/${docId}${path}`,
      body,
      who?.token,
    );
  return {
    start: (body: Record<string, unknown>, who?: Person) => call<Silence>('POST', '/silences', body, who),
    extend: (sid: string, deadline: number, who?: Person) =>
      call<Silence>('POST', `/silences/${sid}/extend`, { deadline: new Date(deadline).toISOString() }, who),
    end: (sid: string, who?: Person, reason?: string) =>
      call<Silence>('POST', `/silences/${sid}/end`, reason === undefined ? undefined : { reason }, who),
    breakOn: (pid: string, reason: string, who?: Person) =>
      call<{ id: string }>('POST', `/paragraphs/${pid}/break-silence`, { reason }, who),
    call,
  };
}

/** Waits (polling, no fixed sleep) until `check` holds. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves when the wall clock reaches `at` (epoch ms): the tests' deadlines are instants, not durations. */
export function clockAt(at: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));
}

export function expectRule(res: { status: number; body: { error?: { details?: { rule?: string } } } }, rule: string) {
  expect(res.status).toBe(409);
  expect(res.body.error?.details?.rule).toBe(rule);
}
