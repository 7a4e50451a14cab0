import { parse as parseCsv } from 'csv-parse/sync';
import { DomUtils, parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Proposal } from '../../shared/model/proposals.js';
import { firstSection, indexOfClause, newClause, sendEdit } from '../support/editing.js';
import { RawClient } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

type Person = Awaited<ReturnType<TestServer['addPerson']>>;

/**
 * The facilitator's documents, built from what delegations did at the same time: two competing
 * proposals on one paragraph, support and opposition arriving together, the chair's decisions.
 */
describe('compilation of proposals and comment-resolution table', () => {
  let server: TestServer;
  let docId: string;
  let brazil: Person;
  let kenya: Person;
  let usa: Person;
  let observer: Person;
  const clients: RawClient[] = [];
  const api = <T>(method: string, path: string, body?: unknown, who?: Person) =>
    server.api<T>(method, `/api/documents/${docId}${path}`, body, who?.token);
  const download = async (path: string, who?: Person) => {
    const res = await fetch(`${server.url}/api/documents/${docId}${path}`, {
      headers: { authorization: `Bearer ${who?.token ?? ADMIN_TOKEN}` },
    });
    return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeEach(async () => {
    server = await startTestServer();
    docId = await server.createDoc('Compilation');
    [brazil, kenya, usa, observer] = await Promise.all([
      server.addPerson(docId, 'member', 'Ana Souza'),
      server.addPerson(docId, 'member', 'Kofi Otieno'),
      server.addPerson(docId, 'member', 'Jane Doe'),
      server.addPerson(docId, 'observer', 'Mei Tanaka'),
    ]);
    const chair = await RawClient.synced(`${server.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
    clients.push(chair);
    sendEdit(chair, () => {
      const s = firstSection(chair.doc);
      s.insert(s.length, [newClause('p-data', 'States should share data.'), newClause('p-quiet', 'Nothing proposed.')]);
    });
    const room = await server.accord.services.rooms.get(docId);
    await chair.until(() => indexOfClause(room.doc, 'p-quiet') >= 0, 'server to have the clauses');

    // Two delegations table competing changes of "should" at once.
    const [mod, sup] = await Promise.all([
      api<Proposal>(
        'POST',
        '/paragraphs/p-data/proposals',
        { kind: 'replace', from: 7, to: 13, text: 'shall', justification: 'A binding commitment.' },
        brazil,
      ),
      api<Proposal>(
        'POST',
        '/paragraphs/p-data/proposals',
        // A justification that a spreadsheet would run as a formula.
        { kind: 'delete', type: 'editorial', from: 7, to: 13, text: '', justification: '=HYPERLINK("http://x","y")' },
        usa,
      ),
    ]);
    expect([mod.status, sup.status]).toEqual([201, 201]);
    // Support and opposition arrive together.
    const stances = await Promise.all([
      api('POST', `/proposals/${mod.body.id}/support`, undefined, kenya),
      api('POST', `/proposals/${mod.body.id}/oppose`, undefined, usa),
      api('POST', `/proposals/${sup.body.id}/oppose`, undefined, brazil),
    ]);
    expect(stances.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await api('POST', `/proposals/${mod.body.id}/alternative`)).status).toBe(200);
    expect((await api('POST', `/proposals/${sup.body.id}/reject`, { reason: 'No support.' })).status).toBe(200);
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  it('the HTML compilation lists each proposal under its paragraph with proposer, support, opposition and decision', async () => {
    const res = await download('/compilation?format=html', observer);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/html/);
    const dom = parseDocument(res.body.toString('utf8'));
    const sections = DomUtils.findAll((e) => e.name === 'section', dom.children);
    // Only the paragraph with proposals; the quiet one is not listed.
    expect(sections.map((s) => s.attribs['data-paragraph'])).toEqual(['p-data']);
    const proposals = DomUtils.findAll((e) => e.attribs.class === 'proposal', dom.children).map((e) =>
      DomUtils.findAll((x) => x.name === 'p', e.children).map((p) => DomUtils.textContent(p)),
    );
    expect(proposals).toHaveLength(2);
    const [mod, sup] = proposals;
    expect(mod?.[0]).toBe('MOD (replace text) — Accepted as an alternative');
    expect(mod).toContain('Text concerned: “should”');
    expect(mod).toContain('Proposed text: “shall”');
    expect(mod?.find((l) => l.startsWith('Proposed by'))).toMatch(/^Proposed by Ana Souza \(\w+\)$/);
    expect(mod?.find((l) => l.startsWith('Supported by'))).toMatch(/^Supported by Kofi Otieno \(\w+\)$/);
    expect(mod?.find((l) => l.startsWith('Opposed by'))).toMatch(/^Opposed by Jane Doe \(\w+\)$/);
    expect(mod).toContain('Justification: A binding commitment.');
    expect(sup?.[0]).toBe('SUP (delete text) — Rejected');
    expect(sup?.at(-1)).toMatch(/^Rejected by .+: No support\.$/);
    // The group's own text is escaped, never markup.
    expect(res.body.toString('utf8')).not.toContain('<a ');
  });

  it('speaks the reader’s language: French HTML, Arabic right to left', async () => {
    const fr = (await download('/compilation?format=html&lang=fr')).body.toString('utf8');
    expect(fr).toContain('<html lang="fr" dir="ltr">');
    expect(fr).toContain('MOD (remplacer du texte) — Acceptée comme variante');
    expect(fr).toMatch(/Appuyée par Kofi Otieno/);
    const ar = (await download('/compilation?format=html&lang=ar')).body.toString('utf8');
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain('مقدَّم من Ana Souza');
  });

  it('the DOCX compilation reads back with the same facts', async () => {
    const res = await download('/compilation?format=docx');
    expect(res.status).toBe(200);
    const { value } = await mammoth.extractRawText({ buffer: res.body });
    expect(value).toContain('Compilation of proposals: Compilation');
    expect(value).toContain('MOD (replace text) — Accepted as an alternative');
    expect(value).toMatch(/Supported by Kofi Otieno/);
    expect(value).toMatch(/Rejected by .+: No support\./);
  });

  it('the resolution table as CSV: a header in the reader’s language, one row per proposal, no formula', async () => {
    const res = await download('/resolution-table?format=csv&lang=es', kenya);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/csv/);
    const text = res.body.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'Delegación',
      'Párrafo',
      'Tipo',
      'Observación',
      'Cambio propuesto',
      'Observaciones de la secretaría',
    ]);
    expect(rows).toHaveLength(3);
    const [mod, sup] = rows.slice(1);
    expect(mod?.[3]).toBe('A binding commitment.');
    expect(mod?.[4]).toBe('MOD (sustituir texto)\nTexto afectado: «should»\nTexto propuesto: «shall»');
    expect(sup?.[3]).toBe('\'=HYPERLINK("http://x","y")');
    expect(sup?.[5]).toMatch(/^Rechazada por .+: No support\.$/);
    expect(mod?.[1]).toBe(sup?.[1]);
    expect(mod?.[0]).not.toBe(sup?.[0]);
    // The type is the proposal's own: technical unless its proposer said otherwise.
    expect([mod?.[2], sup?.[2]]).toEqual(['técnica', 'editorial']);
  });

  it('a comparison of a revision with the live text lists the proposals tabled and withdrawn since, as JSON and HTML', async () => {
    // Rev.1 holds the two decided proposals; one more is tabled and withdrawn after it.
    const rev = await api<{ number: number }>('POST', '/revisions');
    expect(rev.status).toBe(201);
    const newer = await api<{ id: string }>(
      'POST',
      '/paragraphs/p-quiet/proposals',
      { kind: 'delete', from: 0, to: 7, text: '', type: 'editorial' },
      kenya,
    );
    expect(newer.status).toBe(201);
    expect((await api('POST', `/proposals/${newer.body.id}/withdraw`, undefined, kenya)).status).toBe(200);
    const cmp = await api<{
      summary: Record<string, number>;
      paragraphs: Array<{ id: string; proposals: Record<string, Array<{ id: string }>> }>;
    }>('GET', `/compare?from=${rev.body.number}&to=live`);
    expect(cmp.status).toBe(200);
    expect(cmp.body.summary).toMatchObject({ proposalsTabled: 1, proposalsAccepted: 0, proposalsWithdrawn: 1 });
    const quiet = cmp.body.paragraphs.find((p) => p.id === 'p-quiet');
    expect(quiet?.proposals.withdrawn?.map((p) => p.id)).toEqual([newer.body.id]);
    const html = await download(`/compare?from=${rev.body.number}&to=live&format=html&lang=es`, kenya);
    expect(html.body.toString('utf8')).toContain('Propuestas: 1 presentadas, 0 aceptadas, 0 rechazadas, 1 retiradas.');
  });

  it('a proposal type outside general/technical/editorial is refused; the compilation names each type', async () => {
    const bad = await api(
      'POST',
      '/paragraphs/p-data/proposals',
      { kind: 'insert', type: 'urgent', from: 0, to: 0, text: 'All ' },
      kenya,
    );
    expect(bad.status).toBe(400);
    const html = (await download('/compilation?format=html', kenya)).body.toString('utf8');
    expect(html).toContain('Type: technical');
    expect(html).toContain('Type: editorial');
  });

  it('the resolution table as a Word table', async () => {
    const res = await download('/resolution-table?format=docx');
    const html = (await mammoth.convertToHtml({ buffer: res.body })).value;
    const dom = parseDocument(html);
    const rows = DomUtils.findAll((e) => e.name === 'tr', dom.children);
    expect(rows).toHaveLength(3);
    expect(DomUtils.textContent(rows[0]!)).toContain('Observations of the secretariat');
  });

  it('is refused to people outside the draft and for unknown formats; every download is on record', async () => {
    const other = await server.createDoc('Other');
    const outsider = await server.addPerson(other, 'member', 'Outsider');
    expect((await download('/compilation?format=html', outsider)).status).toBe(404);
    expect((await download('/resolution-table?format=pdf')).status).toBe(400);
    await download('/resolution-table?format=csv', observer);
    const exports = (await server.accord.store.audit.list(docId))
      .filter((e) => e.action === 'document.export')
      .map((e) => e.detail);
    expect(exports).toContainEqual(expect.objectContaining({ format: 'csv', variant: 'resolution' }));
  });
});
