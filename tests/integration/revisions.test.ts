import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { modelOf } from '../../server/documents/snapshotModel.js';
import { proposerLabel } from '../../shared/model/bracketRules.js';
import { blockRuns, bracketedText } from '../../shared/model/brackets.js';
import type { Comparison, ParagraphComparison, TextChange } from '../../shared/model/compare.js';
import type { Draft, Paragraph } from '../../shared/model/draft.js';
import type { Governance } from '../../shared/model/governance.js';
import { overlappingMarkKey } from '../../shared/model/markKeys.js';
import type { ParagraphLabel } from '../../shared/model/numbering.js';
import { bracketAttrs } from '../../shared/model/writeDraft.js';
import { clauseById, firstSection, indexOfClause, newClause, textOf } from '../support/editing.js';
import { connectProvider, eventually, synced } from '../support/providers.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

const para = (id: string, text: string, extra: Partial<Paragraph> = {}): Paragraph => ({
  id,
  kind: 'operative',
  bis: false,
  altGroup: null,
  bracket: null,
  blocks: [{ type: 'text', runs: [{ text, brackets: [] }] }],
  ...extra,
});

function fixture(): Draft {
  const by = { by: 'u1', byName: 'Ana Souza (Brazil)', at: 1 };
  return {
    sections: [
      {
        id: 's1',
        heading: 'I. Principles',
        paragraphs: [
          para('p1', 'Data should be open.'),
          {
            ...para('p2', ''),
            blocks: [
              {
                type: 'text',
                runs: [
                  { text: 'Licences ', brackets: [] },
                  { text: 'should', brackets: [{ id: 'b1', ...by, group: 'g' }] },
                  { text: 'shall', brackets: [{ id: 'b2', ...by, group: 'g' }] },
                  { text: ' be the default.', brackets: [] },
                ],
              },
            ],
          },
          para('p3', 'States shall report annually.'),
          para('p4', 'This paragraph will be deleted.'),
        ],
      },
    ],
  };
}

interface Snapshot {
  number: number;
  label: string;
  note: string;
  issuedBy: string;
  issuedAt: number;
  draft: Draft;
  governance: Governance;
  labels: Record<string, ParagraphLabel>;
}

const edits = (p: ParagraphComparison | undefined, op: TextChange['op']) =>
  (p?.text ?? [])
    .filter((t) => t.op === op)
    .map((t) => t.text)
    .join('|');
const rebuilt = (p: ParagraphComparison | undefined, skip: TextChange['op']) =>
  (p?.text ?? [])
    .filter((t) => t.op !== skip)
    .map((t) => t.text)
    .join('');

describe('revisions: issued by the chair, read by everyone, immutable, compared exactly', () => {
  let server: TestServer;
  let docId: string;
  let chair: { userId: string; token: string };
  let member: { userId: string; token: string; name: string; affiliation: string };
  let observer: { userId: string; token: string };

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await server.accord.store.users.get('admin');
    if (!admin) throw new Error('no admin');
    docId = (await server.accord.setup.create(admin, 'Revisions', 'EG/2026/7', { draft: fixture() })).id;
    chair = await server.addPerson(docId, 'chair', 'Carla Chair');
    member = await server.addPerson(docId, 'member', 'Mo Member');
    observer = await server.addPerson(docId, 'observer', 'Olu Observer');
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  const revisions = `/api/documents/:id/revisions`;
  const url = (path: string) => path.replace(':id', docId);

  it('only a chair issues; members and observers list and open revisions; errors are clear', async () => {
    expect((await server.api('POST', url(revisions), {}, member.token)).status).toBe(403);
    expect((await server.api('POST', url(revisions), {}, observer.token)).status).toBe(403);
    expect((await server.api('POST', url(revisions), { note: 'x'.repeat(2001) }, chair.token)).status).toBe(400);
    const zero = await server.api<{ number: number; label: string }>(
      'POST',
      url(revisions),
      { note: 'Zero draft <for> "first" reading' },
      chair.token,
    );
    expect(zero.status).toBe(201);
    expect(zero.body).toMatchObject({ number: 0, label: 'Zero draft' });
    // A bare POST (no body) issues one too, without a note.
    const bare = await fetch(`${server.url}${url(revisions)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${chair.token}` },
    });
    expect(bare.status).toBe(201);
    expect(await bare.json()).toMatchObject({ number: 1, label: 'Rev.1', note: '' });

    for (const who of [member, observer]) {
      const list = await server.api<{ revisions: { label: string; note: string; issuedBy: string }[] }>(
        'GET',
        url(revisions),
        undefined,
        who.token,
      );
      expect(list.status).toBe(200);
      expect(list.body.revisions).toMatchObject([
        { label: 'Zero draft', note: 'Zero draft <for> "first" reading', issuedBy: chair.userId },
        { label: 'Rev.1', note: '' },
      ]);
      const one = await server.api<Snapshot>('GET', `${url(revisions)}/0`, undefined, who.token);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ number: 0, label: 'Zero draft', issuedBy: chair.userId });
      expect(one.body.labels).toEqual({
        p1: { number: '1', option: null },
        p2: { number: '2', option: null },
        p3: { number: '3', option: null },
        p4: { number: '4', option: null },
      });
      expect(one.body.governance.meta).toEqual({ title: 'Revisions', symbol: 'EG/2026/7' });
    }
    expect((await server.api('GET', `${url(revisions)}/9`)).status).toBe(404);
    expect((await server.api('GET', `${url(revisions)}/first`)).status).toBe(400);
    const outsider = await server.accord.store.users.create('Outsider', '');
    const token = await server.accord.store.credentials.issue(outsider.userId, 'api_token');
    expect((await server.api('GET', url(revisions), undefined, token)).status).toBe(404);
    const audit = await server.api<{ entries: { action: string; actor: string }[] }>(
      'GET',
      `/api/documents/${docId}/audit`,
    );
    expect(audit.body.entries.filter((e) => e.action === 'revision.issue')).toHaveLength(2);
  });

  it('compares two revisions (Rev.2, Rev.3) and shows exactly the edits made between them', async () => {
    expect((await server.api('POST', url(revisions), { note: 'first reading' }, chair.token)).status).toBe(201);

    // A member edits through a real Yjs client, like the editor does.
    const p = connectProvider(server.wsUrl, docId, member.token);
    await synced(p);
    const doc: Y.Doc = p.doc;
    doc.transact(() => {
      const t1 = textOf(clauseById(doc, 'p1'));
      t1.insert('Data should be open'.length, ' and reusable');
      const t3 = textOf(clauseById(doc, 'p3'));
      const at = 'States shall report '.length;
      t3.delete(at, 'annually'.length);
      // A bracket names its proposer as the server knows them, and when it was made.
      const bracket = { id: 'b9', by: member.userId, byName: proposerLabel(member), at: Date.now(), group: null };
      const attrs = bracketAttrs(bracket);
      t3.insert(at, 'every two years', { [overlappingMarkKey('bracket', attrs)]: attrs });
      const section = firstSection(doc);
      section.delete(indexOfClause(doc, 'p4'), 1);
      section.insert(indexOfClause(doc, 'p1') + 1, [newClause('p5', 'A new paragraph & <more>.')]);
    });
    const room = await server.accord.services.rooms.get(docId);
    await eventually(
      () => modelOf(room.doc).draft.sections[0]?.paragraphs.some((x) => x.id === 'p5') === true,
      5000,
      'edits on the server',
    );
    await eventually(() => JSON.stringify(modelOf(room.doc).draft).includes('every two years'), 5000, 'bracket');
    p.destroy();
    // Governance changes through the API: a status and an objection.
    expect(
      (
        await server.api(
          'POST',
          `/api/documents/${docId}/paragraphs/p1/status`,
          { status: 'agreed_ad_ref' },
          chair.token,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await server.api(
          'POST',
          `/api/documents/${docId}/paragraphs/p3/objections`,
          { reason: 'Too soon' },
          member.token,
        )
      ).status,
    ).toBe(201);
    const rev3 = await server.api<{ label: string }>('POST', url(revisions), { note: 'second reading' }, chair.token);
    expect(rev3.body.label).toBe('Rev.3');

    const cmp = await server.api<Comparison & { from: string; to: string }>(
      'GET',
      `/api/documents/${docId}/compare?from=2&to=3`,
      undefined,
      observer.token,
    );
    expect(cmp.status).toBe(200);
    expect(cmp.body).toMatchObject({ from: 'Rev.2', to: 'Rev.3' });
    const byId = new Map(cmp.body.paragraphs.map((x) => [x.id, x]));
    expect(cmp.body.paragraphs.map((x) => [x.id, x.kinds.join('+')])).toEqual([
      ['p1', 'changed'],
      ['p5', 'added'],
      ['p2', 'unchanged'],
      ['p3', 'changed'],
      ['p4', 'removed'],
    ]);
    const p1 = byId.get('p1');
    expect(edits(p1, 'ins')).toBe(' and reusable');
    expect(edits(p1, 'del')).toBe('');
    expect(p1?.status).toEqual({ from: 'draft', to: 'agreed_ad_ref' });
    const p3 = byId.get('p3');
    expect(rebuilt(p3, 'ins')).toBe('States shall report annually.');
    expect(rebuilt(p3, 'del')).toBe('States shall report [every two years].');
    expect(edits(p3, 'del')).toBe('annually');
    expect(p3?.brackets.added).toEqual([{ id: 'b9', byName: proposerLabel(member) }]);
    expect(p3?.objections.lodged).toMatchObject([{ author: expect.stringMatching(/^Mo Member/), reason: 'Too soon' }]);
    expect(byId.get('p5')?.text).toEqual([{ op: 'ins', text: 'A new paragraph & <more>.' }]);
    expect(byId.get('p5')).toMatchObject({ number: '2', previousNumber: null });
    expect(byId.get('p4')?.text).toEqual([{ op: 'del', text: 'This paragraph will be deleted.' }]);
    expect(byId.get('p2')).toMatchObject({ number: '3', previousNumber: '2' });
    expect(cmp.body.summary).toMatchObject({
      added: 1,
      removed: 1,
      changed: 2,
      moved: 0,
      statusChanges: 1,
      bracketsAdded: 1,
      bracketsResolved: 0,
      objectionsLodged: 1,
    });

    // The live text has not changed since Rev.3; Rev.2 → live is the same comparison.
    const live = await server.api<Comparison>('GET', `/api/documents/${docId}/compare?from=3&to=live`);
    expect(live.body.paragraphs.every((x) => x.kinds.join() === 'unchanged')).toBe(true);
    const toLive = await server.api<Comparison>('GET', `/api/documents/${docId}/compare?from=2&to=live`);
    expect(toLive.body.paragraphs).toEqual(cmp.body.paragraphs);

    // The HTML fragment for the UI: <ins>/<del>, everything else escaped.
    const html = await server.api<string>('GET', `/api/documents/${docId}/compare?from=2&to=3&format=html`);
    expect(html.body).toContain('<ins> and reusable</ins>');
    expect(html.body).toContain('<del>annually</del>');
    expect(html.body).toContain('<ins>A new paragraph &amp; &lt;more&gt;.</ins>');
    expect(html.body).not.toContain('<more>');
    expect(html.body).not.toContain('<html');
    const download = await fetch(`${server.url}/api/documents/${docId}/compare?from=2&to=3&format=html&download=1`, {
      headers: { authorization: `Bearer ${observer.token}` },
    });
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="compare-Rev.2-Rev.3.html"');
    expect(await download.text()).toMatch(/^<!doctype html>/);

    // In the reader's language: asked for, or the one they chose for the interface.
    const fr = (await server.api<string>('GET', `/api/documents/${docId}/compare?from=2&to=3&format=html&lang=fr`))
      .body;
    expect(fr).toContain('<section class="comparison" lang="fr" dir="ltr">');
    expect(fr).toMatch(/Rev\.2 → Rev\.3 : paragraphes ajoutés : 1, supprimés : 1, modifiés : 2/);
    expect(fr).toContain('objection formulée par Mo Member');
    // The group's own text stays as written (English here); only Accord's words are translated.
    const ours = (page: string) =>
      [...page.matchAll(/<p class="cmp-(?:summary|notes)">(.*?)<\/p>/g)].map((m) => m[1]).join(' | ');
    expect(ours(fr)).toContain('statut Projet → Convenu ad referendum');
    expect(ours(fr)).not.toMatch(/\b(added|removed|changed|lodged|withdrawn|answered|status|brackets?)\b/);
    const ar = await fetch(`${server.url}/api/documents/${docId}/compare?from=2&to=3&format=html&download=1&lang=ar`, {
      headers: { authorization: `Bearer ${observer.token}` },
    });
    const arPage = await ar.text();
    expect(arPage).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(arPage).toContain('اعتراض من Mo Member');
    expect(ours(arPage)).not.toMatch(/\b(added|removed|changed|lodged|withdrawn|answered|status|brackets?)\b/);

    expect((await server.api('GET', `/api/documents/${docId}/compare?from=2&to=7`)).status).toBe(404);
    expect((await server.api('GET', `/api/documents/${docId}/compare?from=x&to=3`)).status).toBe(400);
  });

  it('revisions are immutable: later edits and a restart leave them as issued', async () => {
    const p = connectProvider(server.wsUrl, docId, member.token);
    await synced(p);
    textOf(clauseById(p.doc, 'p1')).insert(0, 'All ');
    const room = await server.accord.services.rooms.get(docId);
    await eventually(() => JSON.stringify(modelOf(room.doc).draft).includes('All Data'), 5000, 'edit stored');
    p.destroy();

    await server.stop();
    server = await startTestServer({ dataDir: server.dataDir });
    const list = await server.api<{ revisions: { label: string }[] }>('GET', url(revisions), undefined, observer.token);
    expect(list.body.revisions.map((r) => r.label)).toEqual(['Zero draft', 'Rev.1', 'Rev.2', 'Rev.3']);
    const before = await server.api<Snapshot>('GET', `${url(revisions)}/2`);
    const text = (id: string) => {
      const para = before.body.draft.sections[0]?.paragraphs.find((x) => x.id === id);
      return para ? bracketedText(blockRuns(para.blocks)) : null;
    };
    expect(text('p1')).toBe('Data should be open.');
    expect(text('p4')).toBe('This paragraph will be deleted.');
    expect(text('p5')).toBeNull();
    const after = await server.api<Snapshot>('GET', `${url(revisions)}/3`);
    expect(after.body.governance.statuses).toEqual({ p1: 'agreed_ad_ref' });
    expect(after.body.governance.objections).toHaveLength(1);
    const cmp = await server.api<Comparison>('GET', `/api/documents/${docId}/compare?from=3&to=live`);
    expect(cmp.body.paragraphs.filter((x) => x.kinds.join() !== 'unchanged').map((x) => x.id)).toEqual(['p1']);
  });
});
