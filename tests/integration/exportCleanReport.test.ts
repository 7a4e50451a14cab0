import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { modelOf } from '../../server/documents/snapshotModel.js';
import { demoDraft } from '../../shared/demo/demoDraft.js';
import { countOpenBrackets } from '../../shared/model/brackets.js';
import { markNameOf } from '../../shared/model/markKeys.js';
import { connectProvider, eventually, synced } from '../support/providers.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

interface BracketAttrs {
  id: string;
  group: string | null;
}

/**
 * What a chair does in the editor to settle the text: every inline alternative keeps its
 * first option, every whole-paragraph alternative its first paragraph, and all brackets go.
 */
function resolveEverything(doc: Y.Doc): void {
  doc.transact(() => {
    for (const section of doc.getXmlFragment('default').toArray()) {
      if (!(section instanceof Y.XmlElement)) continue;
      const seenGroups = new Set<string>();
      const drop: number[] = [];
      section.toArray().forEach((clause, i) => {
        if (!(clause instanceof Y.XmlElement) || clause.nodeName !== 'clause') return;
        const group = clause.getAttribute('altGroup');
        if (typeof group === 'string' && group !== '') {
          if (seenGroups.has(group)) drop.push(i);
          seenGroups.add(group);
          clause.removeAttribute('altGroup');
        }
        if (clause.getAttribute('bracket') !== undefined) clause.removeAttribute('bracket');
        resolveInline(clause);
      });
      for (const i of drop.reverse()) section.delete(i, 1);
    }
  });
}

function resolveInline(el: Y.XmlElement): void {
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlElement) resolveInline(child);
    if (!(child instanceof Y.XmlText)) continue;
    const delta = child.toDelta() as { insert: string; attributes?: Record<string, unknown> }[];
    const firstOption = new Map<string, string>();
    let at = 0;
    const pieces = delta.map((d) => {
      const piece = { from: at, length: d.insert.length, attributes: d.attributes ?? {} };
      at += d.insert.length;
      return piece;
    });
    for (const piece of pieces.reverse()) {
      const keys = Object.keys(piece.attributes).filter((k) => markNameOf(k) === 'bracket');
      if (keys.length === 0) continue;
      const losing = keys.some((k) => {
        const b = piece.attributes[k] as BracketAttrs;
        return b.group !== null && !isFirstOption(delta, b, firstOption);
      });
      if (losing) child.delete(piece.from, piece.length);
      else child.format(piece.from, piece.length, Object.fromEntries(keys.map((k) => [k, null])));
    }
  }
}

function isFirstOption(
  delta: { insert: string; attributes?: Record<string, unknown> }[],
  b: BracketAttrs,
  cache: Map<string, string>,
): boolean {
  if (b.group === null) return true;
  if (!cache.has(b.group)) {
    for (const d of delta) {
      for (const [k, v] of Object.entries(d.attributes ?? {})) {
        const attrs = v as BracketAttrs;
        if (markNameOf(k) === 'bracket' && attrs.group === b.group && !cache.has(b.group)) cache.set(b.group, attrs.id);
      }
    }
  }
  return cache.get(b.group) === b.id;
}

describe('the clean report of the demo draft', () => {
  let server: TestServer;
  let docId: string;
  let member: { token: string };
  const get = async (path: string, token = ADMIN_TOKEN) => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await server.accord.store.users.get('admin');
    if (!admin) throw new Error('no admin');
    const demo = demoDraft();
    docId = (await server.accord.setup.create(admin, demo.title, 'EG/2026/1', demo)).id;
    member = await server.addPerson(docId, 'member');
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('is refused while brackets, alternatives, objections or unagreed paragraphs remain, listing them', async () => {
    const refused = await get(`/api/documents/${docId}/export?format=docx&variant=clean`);
    expect(refused.status).toBe(409);
    const error = JSON.parse(refused.text).error as {
      code: string;
      message: string;
      details: { notAgreed: { paragraphId: string; number: string; reasons: string[] }[] };
    };
    expect(error.code).toBe('not_agreed');
    const room = await server.accord.services.rooms.get(docId);
    const { draft, governance } = modelOf(room.doc);
    // Every paragraph not yet agreed is listed (the demo has a few agreed already), in text order.
    const open = draft.sections
      .flatMap((s) => s.paragraphs)
      .filter((x) => governance.statuses[x.id] !== 'agreed')
      .map((x) => x.id);
    expect(error.details.notAgreed.map((n) => n.paragraphId)).toEqual(open);
    const reasons = error.details.notAgreed.flatMap((n) => n.reasons).join(' | ');
    expect(reasons).toMatch(/open brackets/);
    expect(reasons).toMatch(/unresolved alternative/);
    expect(reasons).toMatch(/standing objection/);
    expect(error.details.notAgreed.every((n) => n.number !== '')).toBe(true);
    // A member may not have it marked DRAFT; the chair may.
    expect(
      (await get(`/api/documents/${docId}/export?format=pdf&variant=clean&markDraft=1`, member.token)).status,
    ).toBe(403);
    const marked = await get(`/api/documents/${docId}/export?format=html&variant=clean&markDraft=1`);
    expect(marked.status).toBe(200);
    expect(marked.text).toContain('DRAFT — not agreed');
  });

  it('is produced once the chair has resolved every bracket and agreed every paragraph: no brackets, numbers 1..n', async () => {
    const p = connectProvider(server.wsUrl, docId, ADMIN_TOKEN);
    await synced(p);
    resolveEverything(p.doc);
    const room = await server.accord.services.rooms.get(docId);
    await eventually(() => countOpenBrackets(modelOf(room.doc).draft) === 0, 5000, 'brackets resolved on the server');
    await eventually(
      () => modelOf(room.doc).draft.sections.every((s) => s.paragraphs.every((x) => x.altGroup === null)),
      5000,
      'alternatives resolved on the server',
    );
    p.destroy();

    const { draft, governance } = modelOf(room.doc);
    for (const o of governance.objections.filter((x) => x.state === 'standing')) {
      const res = await server.api('POST', `/api/documents/${docId}/objections/${o.id}/answer`, {
        text: 'Addressed in the revised text.',
      });
      expect(res.status).toBe(200);
    }
    for (const para of draft.sections.flatMap((s) => s.paragraphs)) {
      // The demo's locked paragraphs are agreed already (a locked paragraph's status cannot change).
      if (governance.locks[para.id]) continue;
      const res = await server.api('POST', `/api/documents/${docId}/paragraphs/${para.id}/status`, {
        status: 'agreed',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }

    const md = await get(`/api/documents/${docId}/export?format=md&variant=clean`, member.token);
    expect(md.status).toBe(200);
    expect(md.text).not.toMatch(/\*\*\[\*\*|\*\*\]\*\*|Option|DRAFT|Agreed|Objection/);
    const numbers = [...md.text.matchAll(/^\*\*((?:PP)?\d+[^*]*)\*\*/gm)].map((m) => m[1]);
    const preambular = numbers.filter((n) => n?.startsWith('PP'));
    const operative = numbers.filter((n) => !n?.startsWith('PP'));
    expect(preambular).toEqual(preambular.map((_, i) => `PP${i + 1}`));
    expect(operative).toEqual(operative.map((_, i) => `${i + 1}`));
    expect(operative.length).toBeGreaterThan(5);
    const paragraphs = draft.sections.flatMap((s) => s.paragraphs).length;
    expect(numbers).toHaveLength(paragraphs);
    // The same in Word: consecutive numbers, no bracket characters left by the negotiation.
    const docx = await fetch(`${server.url}/api/documents/${docId}/export?format=docx&variant=clean`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toBe('attachment; filename="EG-2026-1-Working-text-clean.docx"');
  });
});
