import { request } from 'node:http';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delegation } from '../../shared/model/delegation.js';
import type { Proposal } from '../../shared/model/proposals.js';
import { readGovernance } from '../../shared/model/readDraft.js';
import type { ImportReport } from '../../shared/model/resolutionImport.js';
import { firstSection, indexOfClause, newClause, sendEdit } from '../support/editing.js';
import { RawClient } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

type Person = Awaited<ReturnType<TestServer['addPerson']>>;

const HEADER = 'Delegation,Paragraph,Type,Comment,Proposed change,Observations of the secretariat';
const mod = (quote: string, text: string) =>
  `"MOD (replace text)\nText concerned: “${quote}”\nProposed text: “${text}”"`;
const sup = (quote: string) => `"SUP (delete text)\nText concerned: “${quote}”"`;

/** A Word document as a secretariat makes one: tables of rows of cells, a cell's lines as paragraphs. */
const wordFile = async (...tables: string[][][]) => {
  const cell = (text: string) =>
    new TableCell({ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) });
  const doc = new Document({
    sections: [
      {
        children: tables.flatMap((rows) => [
          new Paragraph('Compilation of comments'),
          new Table({ rows: rows.map((cells) => new TableRow({ children: cells.map(cell) })) }),
        ]),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
};

/**
 * Importing a filled-in comment-resolution table: a per-row report (created, or refused with a
 * reason), proposals in the named delegation's name, idempotence, and hostile files and callers.
 */
describe('comment-resolution table import', () => {
  let server: TestServer;
  let docId: string;
  let brazil: Person;
  let kenya: Person;
  let codes: { brazil: string; kenya: string; kenyaName: string };
  const clients: RawClient[] = [];

  const upload = async (
    body: string | Uint8Array,
    opts: { token?: string; headers?: Record<string, string>; name?: string } = {},
  ) => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([typeof body === 'string' ? body : new Uint8Array(body)], { type: 'text/csv' }),
      opts.name ?? 'table.csv',
    );
    const res = await fetch(`${server.url}/api/documents/${docId}/resolution-table/import`, {
      method: 'POST',
      headers: opts.headers ?? { authorization: `Bearer ${opts.token ?? ADMIN_TOKEN}` },
      body: form,
    });
    return {
      status: res.status,
      body: (await res.json()) as ImportReport & { error?: { code: string; message: string } },
    };
  };
  const proposals = async (): Promise<Proposal[]> =>
    readGovernance((await server.accord.services.rooms.get(docId)).doc.getMap('gov')).proposals ?? [];

  /** A request that only announces a huge body: the server answers before reading it. */
  const declaredUpload = (length: number) =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/api/documents/${docId}/resolution-table/import`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': length,
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
    });

  beforeEach(async () => {
    server = await startTestServer();
    docId = await server.createDoc('Resolution');
    [brazil, kenya] = await Promise.all([
      server.addPerson(docId, 'member', 'Ana Souza'),
      server.addPerson(docId, 'member', 'Kofi Otieno'),
    ]);
    const list = (await server.api<{ delegations: Delegation[] }>('GET', `/api/documents/${docId}/delegations`)).body
      .delegations;
    const of = (p: Person) => list.find((d) => d.name === p.affiliation) as Delegation;
    codes = { brazil: of(brazil).code, kenya: of(kenya).code, kenyaName: of(kenya).name };
    const chair = await RawClient.synced(`${server.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
    clients.push(chair);
    sendEdit(chair, () => {
      const s = firstSection(chair.doc);
      s.insert(s.length, [
        newClause('p-one', 'States should cooperate closely on incidents.'),
        newClause('p-two', 'States should share data and should train staff.'),
      ]);
    });
    const room = await server.accord.services.rooms.get(docId);
    await chair.until(() => indexOfClause(room.doc, 'p-two') >= 0, 'server to have the clauses');
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  it('reports every row: created in the named delegation’s name, or refused with a reason; a second import creates nothing', async () => {
    // A delegation of another draft: its code means nothing here.
    const otherDoc = await server.createDoc('Other draft');
    await server.api('POST', `/api/documents/${otherDoc}/delegations`, {
      name: 'Elsewhere',
      code: 'ELS',
      kind: 'member_state',
    });
    const csv = [
      HEADER,
      `${codes.brazil},2,technical,A binding commitment.,${mod('should', 'shall')},`,
      `${codes.kenyaName.toUpperCase()},2,editorial,,${sup(' closely')},`,
      `NOPE,2,,,${sup('closely')},`,
      `${codes.brazil},99,,,${sup('closely')},`,
      `${codes.brazil},2,urgent,,${sup('closely')},`,
      `${codes.brazil},2,,Just a remark on the tone.,,`,
      `${codes.brazil},2,,"=HYPERLINK(""http://x"",""y"")",${sup('closely')},`,
      `${codes.brazil},2,,,${sup('closely')},,surprise`,
      `${codes.brazil},2,,,${sup('never')},`,
      `${codes.brazil},3,,,${sup('should')},`,
      `ELS,2,,,${sup('closely')},`,
      `${codes.brazil},2,,,"ADD (insert text)\nProposed text: “x”",`,
      `${codes.brazil},2,technical,A binding commitment.,${mod('should', 'shall')},`,
      `${codes.kenya},3,générale,'=SUM(A1) is not a formula,${mod('train', 'educate')},`,
    ].join('\r\n');
    const first = await upload(csv);
    expect(first.status).toBe(200);
    const summary = first.body.outcomes.map((o) => [o.row, o.status === 'created' ? 'created' : o.reason]);
    expect(summary).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'unknown_delegation'],
      [5, 'unknown_paragraph'],
      [6, 'unknown_type'],
      [7, 'created'],
      [8, 'formula_cell'],
      [9, 'ragged_row'],
      [10, 'quote_not_found'],
      [11, 'quote_ambiguous'],
      [12, 'unknown_delegation'],
      [13, 'position_needed'],
      [14, 'duplicate'],
      [15, 'created'],
    ]);
    expect(first.body).toMatchObject({ rows: 14, created: 4, refused: 10 });
    // The comment row is a group comment in Brazil's name, seen by everyone on the draft.
    const row7 = first.body.outcomes.find((o) => o.row === 7);
    const commentId = row7?.status === 'created' ? row7.commentId : undefined;
    expect(commentId).toBeDefined();
    const seenByKenya = (
      await server.api<{
        comments: Array<{ id: string; text: string; visibility: string; author: { delegation?: string } }>;
      }>('GET', `/api/documents/${docId}/comments`, undefined, kenya.token)
    ).body.comments;
    expect(seenByKenya.map((c) => [c.id, c.text, c.visibility, c.author.delegation])).toEqual([
      [commentId, 'Just a remark on the tone.', 'group', codes.brazil],
    ]);
    for (const o of first.body.outcomes) if (o.status === 'refused') expect(o.message.length).toBeGreaterThan(10);

    const made = await proposals();
    expect(
      made.map((p) => [p.paragraphId, p.kind, p.type, p.quote, p.text, p.justification, p.proposer.delegation]),
    ).toEqual([
      ['p-one', 'replace', 'technical', 'should', 'shall', 'A binding commitment.', codes.brazil],
      ['p-one', 'delete', 'editorial', ' closely', '', '', codes.kenya],
      ['p-two', 'replace', 'general', 'train', 'educate', '=SUM(A1) is not a formula', codes.kenya],
    ]);
    // The delegation is the proposer; the chair who imported is on record.
    expect(made[0]?.proposer.id).toMatch(/^delegation:/);
    expect(made[0]?.importedBy?.id).toBe('admin');

    // The same file again: every row that was created is now a duplicate.
    const again = await upload(csv);
    expect(again.body.created).toBe(0);
    expect(
      again.body.outcomes.filter((o) => o.status === 'refused' && o.reason === 'duplicate').map((o) => o.row),
    ).toEqual([2, 3, 7, 14, 15]);
    // The table Accord exports reads back: each of its rows is a proposal already pending.
    const exported = await fetch(`${server.url}/api/documents/${docId}/resolution-table?format=csv&lang=fr`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const roundTrip = await upload(new Uint8Array(await exported.arrayBuffer()));
    // Three proposals, then the comment: every row a duplicate.
    expect(roundTrip.body.outcomes.map((o) => (o.status === 'refused' ? o.reason : o.status))).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    expect((await proposals()).length).toBe(3);

    // Anyone of the named delegation may withdraw an imported proposal; another delegation may not.
    const imported = made[0] as Proposal;
    const byKenya = await server.api(
      'POST',
      `/api/documents/${docId}/proposals/${imported.id}/withdraw`,
      undefined,
      kenya.token,
    );
    expect(byKenya.status).toBe(403);
    const byBrazil = await server.api(
      'POST',
      `/api/documents/${docId}/proposals/${imported.id}/withdraw`,
      undefined,
      brazil.token,
    );
    expect(byBrazil.status).toBe(200);
  });

  it('reads UTF-8 with a byte-order mark, UTF-16 and semicolons; refuses other encodings, a bad header and huge files', async () => {
    const row = `${codes.brazil},2,,,${sup('closely')},`;
    const bom = await upload(`\uFEFF${HEADER}\r\n${row}`);
    expect(bom.body.created).toBe(1);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`${HEADER.replaceAll(',', '\t')}\r\n${codes.kenya}\t3\t\t\t${sup('data')}\t`, 'utf16le'),
    ]);
    expect((await upload(new Uint8Array(utf16))).body.created).toBe(1);
    const semicolons = `Délégation;Paragraphe;Type;Observation;Modification proposée\r\n${codes.kenya};3;;;${sup(' staff')}`;
    expect((await upload(semicolons)).body.created).toBe(1);

    const latin1 = Buffer.from(`${HEADER}\r\n${codes.brazil},2,,Réponse,${sup('closely')},`, 'latin1');
    const notUtf8 = await upload(new Uint8Array(latin1));
    expect([notUtf8.status, notUtf8.body.error?.code]).toEqual([422, 'bad_import']);
    const noHeader = await upload(`Who,Where\r\nBRA,1`);
    expect([noHeader.status, noHeader.body.error?.message]).toEqual([422, expect.stringContaining('delegation')]);
    const unclosed = await upload(`${HEADER}\r\n${codes.brazil},2,,"never closed`);
    expect(unclosed.status).toBe(422);
    // Just over 1 MB: read whole, refused by the reader; far over: refused from Content-Length.
    const over = await upload(
      `${HEADER}\r\n${`${row}\r\n`.repeat(Math.ceil((1024 * 1024) / (Buffer.byteLength(row) + 2)))}`,
    );
    expect([over.status, over.body.error?.code]).toEqual([413, 'payload_too_large']);
    expect(await declaredUpload(50 * 1024 * 1024)).toBe(413);
    const manyRows = await upload(`${HEADER}\r\n${'x,1,,,,\r\n'.repeat(2001)}`);
    expect(manyRows.status).toBe(422);
    expect((await proposals()).length).toBe(3);
  });

  it('reads the table from a Word document: Accord’s own export back, and a table a secretariat filled in after a cover table', async () => {
    const cover = [
      ['Meeting', 'Third session'],
      ['Date', '12 May'],
    ];
    const french = [
      ['Délégation', 'Paragraphe', 'Type', 'Observation', 'Modification proposée', 'Observations du secrétariat'],
      [
        codes.brazil,
        '2',
        'technique',
        'Un engagement.',
        'MOD (replace text)\nText concerned: “should”\nProposed text: “shall”',
        '',
      ],
      [codes.kenya, '3', '', '', 'SUP (delete text)\nText concerned: “ and should train staff”', 'Agreed'],
      [codes.kenya, '3', '', '', '=HYPERLINK("http://x")', ''],
      ['NOPE', '2', '', '', 'SUP (delete text)\nText concerned: “closely”', ''],
    ];
    const filled = await upload(await wordFile(cover, french), { name: 'table.docx' });
    expect(filled.status).toBe(200);
    expect(filled.body.outcomes.map((o) => [o.row, o.status === 'created' ? 'created' : o.reason])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'formula_cell'],
      [5, 'unknown_delegation'],
    ]);
    expect(
      (await proposals()).map((p) => [p.paragraphId, p.kind, p.type, p.quote, p.text, p.proposer.delegation]),
    ).toEqual([
      ['p-one', 'replace', 'technical', 'should', 'shall', codes.brazil],
      ['p-two', 'delete', 'technical', ' and should train staff', '', codes.kenya],
    ]);

    // The Word table Accord exports reads back, in any language: both rows are pending already.
    for (const lang of ['ar', 'zh']) {
      const exported = await fetch(`${server.url}/api/documents/${docId}/resolution-table?format=docx&lang=${lang}`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      const back = await upload(new Uint8Array(await exported.arrayBuffer()), { name: 'exported.docx' });
      expect(back.body.outcomes.map((o) => (o.status === 'refused' ? o.reason : o.status))).toEqual([
        'duplicate',
        'duplicate',
      ]);
    }
    expect((await proposals()).length).toBe(2);
  });

  it('refuses a Word document without the table, a zip that is not Word, a zip bomb and a truncated file, with a reason', async () => {
    // 64 MB of zeros deflate to ~64 KB: refused before anything inflates it. Made before the first
    // upload: seconds of compressing between two requests let the server close the idle
    // keep-alive connection just as the client reuses it (ECONNRESET under load).
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    const noTable = await upload(await wordFile([['Meeting', 'Third session']]), { name: 'notes.docx' });
    expect([noTable.status, noTable.body.error?.code, noTable.body.error?.message]).toEqual([
      422,
      'bad_import',
      expect.stringContaining('delegation'),
    ]);
    const notWord = await upload(zipSync({ 'readme.txt': new TextEncoder().encode('hello') }), { name: 'x.docx' });
    expect([notWord.status, notWord.body.error?.message]).toEqual([422, expect.stringContaining('word/document.xml')]);
    const bombed = await upload(bomb, { name: 'bomb.docx' });
    expect([bombed.status, bombed.body.error?.code]).toEqual([422, 'bad_import']);
    const whole = await wordFile([
      ['Delegation', 'Paragraph', 'Proposed change'],
      [codes.brazil, '2', 'x'],
    ]);
    const truncated = await upload(whole.subarray(0, Math.floor(whole.length / 2)), { name: 'cut.docx' });
    expect([truncated.status, truncated.body.error?.code]).toEqual([422, 'bad_import']);
    expect(await proposals()).toEqual([]);
    // The server is still well: an honest CSV imports.
    expect((await upload(`${HEADER}\r\n${codes.brazil},2,,,${sup('closely')},`)).body.created).toBe(1);
  });

  it('refuses a member (403), a foreign origin with the chair’s cookie (403) and outsiders (404); nothing is created', async () => {
    const csv = `${HEADER}\r\n${codes.kenya},2,,,${sup('closely')},`;
    // A member cannot put proposals in another delegation's name through the table (nor in their own).
    const asMember = await upload(csv, { token: brazil.token });
    expect([asMember.status, asMember.body.error?.code]).toEqual([403, 'forbidden']);
    const cookie = `accord_session=${await server.accord.store.credentials.issue('admin', 'session')}`;
    const foreign = await upload(csv, { headers: { cookie, origin: 'http://127.0.0.1:1' } });
    expect(foreign.status).toBe(403);
    const outsider = await server.addPerson(await server.createDoc('Elsewhere'), 'chair', 'Other Chair');
    expect((await upload(csv, { token: outsider.token })).status).toBe(404);
    expect(await proposals()).toEqual([]);
    // The chair, with a session from our own origin, can.
    const own = await upload(csv, { headers: { cookie, origin: server.url } });
    expect(own.body.created).toBe(1);
  });
});
