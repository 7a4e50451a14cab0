import { request } from 'node:http';
import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelOf } from '../../server/documents/snapshotModel.js';
import { exportDocument } from '../../server/export/exportDocument.js';
import { inspectZip, ZipRefused } from '../../server/import/zipInspection.js';
import { blockRuns, bracketedText, bracketsIn } from '../../shared/model/brackets.js';
import { parseBracketedText } from '../../shared/model/bracketText.js';
import type { Draft, InlineRun, ListBlock, TextBlock } from '../../shared/model/draft.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

describe('importing a zero draft', () => {
  let server: TestServer;
  // Compressing these takes seconds and blocks the event loop: done before any request, so that no
  // kept-alive connection goes stale meanwhile (the server closes it; reusing it would be reset).
  let bomb: Uint8Array;
  let liar: Uint8Array;
  beforeAll(async () => {
    bomb = zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    liar = zipSync({ 'word/document.xml': new Uint8Array(25 * 1024 * 1024) }, { level: 9 });
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  const upload = async (bytes: Uint8Array, name: string, token = ADMIN_TOKEN) => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)]), name);
    form.set('symbol', 'EG/2026/3');
    const res = await fetch(`${server.url}/api/documents/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return {
      status: res.status,
      body: (await res.json()) as {
        id: string;
        title?: string;
        paragraphs?: number;
        brackets?: number;
        error?: { code: string; message: string; details?: unknown };
      },
    };
  };
  /**
   * The server refuses a body whose declared length is over the cap before reading it, and closes
   * the connection. Sending the 11 MB with it would race that close (a reset can discard the answer
   * on the client side), so the headers go alone and the answer is read before anything else.
   */
  const declaredUpload = (length: number) =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/api/documents/import`, {
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
  const draftOf = async (id: string): Promise<Draft> => modelOf((await server.accord.services.rooms.get(id)).doc).draft;
  const texts = (d: Draft) =>
    d.sections.map((s) => [
      s.heading,
      ...s.paragraphs.map((p) => bracketedText(blockRuns(p.blocks), { optionLabels: false })),
    ]);

  it('turns a Word zero draft into sections, paragraphs and structured brackets', async () => {
    const docx = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Preamble', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('PP1 Recalling its mandate,'),
            new Paragraph({ text: 'I. Principles', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('1. Data should be [open][accessible] to all.'),
            new Paragraph('2. States shall <cooperate> & report [by [2027]].'),
          ],
        },
      ],
    });
    const res = await upload(new Uint8Array(await Packer.toBuffer(docx)), 'zero-draft.docx');
    expect(res.status).toBe(201);
    const draft = await draftOf(res.body.id);
    expect(texts(draft)).toEqual([
      ['Preamble', 'Recalling its mandate,'],
      ['I. Principles', 'Data should be [open][accessible] to all.', 'States shall <cooperate> & report [by [2027]].'],
    ]);
    expect(draft.sections[0]!.paragraphs[0]!.kind).toBe('preambular');
    expect(bracketsIn(draft.sections[1]!.paragraphs[0]!)).toHaveLength(2);
    expect(bracketsIn(draft.sections[1]!.paragraphs[1]!)).toHaveLength(2);
  });

  it('imports Markdown, keeping escaped brackets as literal text', async () => {
    const md =
      '# Section A\n\nFirst [bracketed] paragraph\ncontinues here.\n\nSecond with a literal \\[1\\] reference.\n\n## Section B\n\n- A list item\n';
    const res = await upload(new TextEncoder().encode(md), 'draft.md');
    expect(res.status).toBe(201);
    const draft = await draftOf(res.body.id);
    expect(texts(draft)).toEqual([
      ['Section A', 'First [bracketed] paragraph continues here.', 'Second with a literal [1] reference.'],
      ['Section B', 'A list item'],
    ]);
    expect(bracketsIn(draft.sections[0]!.paragraphs[1]!)).toHaveLength(0);
  });

  it('refuses what is not a DOCX, a zip bomb, a huge file and a non-admin', async () => {
    const notDocx = await upload(new TextEncoder().encode('PK but not a zip'), 'x.docx');
    expect(notDocx.status).toBe(400);
    expect(notDocx.body.error?.code).toBe('bad_import');
    const zipWithoutWord = await upload(zipSync({ 'hello.txt': new TextEncoder().encode('hi') }), 'x.docx');
    expect(zipWithoutWord.body.error?.message).toMatch(/word\/document\.xml is missing/);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const refused = await upload(bomb, 'bomb.docx');
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toMatch(/zip bomb/);
    expect(await declaredUpload(11 * 1024 * 1024)).toBe(413);
    const docId = await server.createDoc();
    const member = await server.addPerson(docId, 'member');
    expect((await upload(new TextEncoder().encode('# A\n\nB'), 'a.md', member.token)).status).toBe(403);
  });

  it('refuses a zip whose directory lies about sizes, once inflation passes what it declared', async () => {
    const zip = liar;
    // Patch the declared uncompressed size (local header and central directory) down to 1 KB.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint32(22, 1024, true);
    const eocd = zip.byteLength - 22;
    const cd = view.getUint32(eocd + 16, true);
    view.setUint32(cd + 24, 1024, true);
    expect(() => inspectZip(zip)).toThrow(ZipRefused);
    const refused = await upload(zip, 'liar.docx');
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toMatch(/zip bomb.*beyond its declared size/);
  });

  it('refuses a non-multipart body, an empty document and a file that is neither DOCX nor Markdown', async () => {
    const res = await fetch(`${server.url}/api/documents/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(415);
    const onlyHeadings = new Document({
      sections: [{ children: [new Paragraph({ text: 'Only a heading', heading: HeadingLevel.HEADING_1 })] }],
    });
    const empty = await upload(new Uint8Array(await Packer.toBuffer(onlyHeadings)), 'empty.docx');
    expect(empty.status).toBe(400);
    expect(empty.body.error?.message).toMatch(/no paragraphs/);
    expect((await upload(new TextEncoder().encode('%PDF-1.7'), 'x.pdf')).status).toBe(400);
    expect((await upload(new Uint8Array([0xff, 0xfe, 0x00]), 'x.md')).body.error?.code).toBe('bad_import');
  });

  it('keeps markup, RTL text and emoji intact; keeps a footnote as text after a superscript marker; "2030 Agenda" keeps its number', async () => {
    const docx = new Document({
      footnotes: { 1: { children: [new Paragraph('A footnote with [brackets].')] } },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Recommendations on <data>', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'Principles', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({
              children: [new TextRun('<script>alert(1)</script> & "q" مرحبا 🌍 [open]'), new FootnoteReferenceRun(1)],
            }),
            new Paragraph('2030 Agenda for Sustainable Development is recalled.'),
            new Paragraph('3.\tStates shall limit warming to 1.5 °C.'),
          ],
        },
      ],
    });
    const res = await upload(new Uint8Array(await Packer.toBuffer(docx)), 'x.docx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Recommendations on <data>', paragraphs: 3, brackets: 2 });
    const draft = await draftOf(res.body.id);
    expect(texts(draft)).toEqual([
      [
        'Principles',
        '<script>alert(1)</script> & "q" مرحبا 🌍 [open]¹Footnote 1: A footnote with [brackets].',
        '2030 Agenda for Sustainable Development is recalled.',
        'States shall limit warming to 1.5 °C.',
      ],
    ]);
    // The note is the paragraph's last text block, not a paragraph of its own.
    expect(draft.sections[0]!.paragraphs[0]!.blocks.map((b) => b.type === 'text' && bracketedText(b.runs))).toEqual([
      '<script>alert(1)</script> & "q" مرحبا 🌍 [open]¹',
      'Footnote 1: A footnote with [brackets].',
    ]);
  });

  it('Word: nested list items become subparagraphs; bold and italic are kept', async () => {
    const docx = new Document({
      numbering: {
        config: [
          {
            reference: 'paras',
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
              { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)' },
              { level: 2, format: LevelFormat.BULLET, text: '•' },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: 'I. Measures', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({
              numbering: { reference: 'paras', level: 0 },
              children: [new TextRun('States '), new TextRun({ text: 'shall', bold: true }), new TextRun(':')],
            }),
            new Paragraph({ numbering: { reference: 'paras', level: 1 }, text: 'cooperate;' }),
            new Paragraph({
              numbering: { reference: 'paras', level: 2 },
              children: [new TextRun({ text: 'in particular', italics: true }), new TextRun(' on [data];')],
            }),
            new Paragraph({ numbering: { reference: 'paras', level: 1 }, text: 'report.' }),
            new Paragraph({ numbering: { reference: 'paras', level: 0 }, text: 'Second paragraph.' }),
          ],
        },
      ],
    });
    const res = await upload(new Uint8Array(await Packer.toBuffer(docx)), 'lists.docx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ paragraphs: 2, brackets: 1 });
    const [first, second] = (await draftOf(res.body.id)).sections[0]!.paragraphs;
    const plain = (runs: InlineRun[]) =>
      runs
        .map((r) => `${r.bold ? '**' : ''}${r.italic ? '_' : ''}${r.text}${r.italic ? '_' : ''}${r.bold ? '**' : ''}`)
        .join('');
    expect(first!.blocks).toMatchObject([
      { type: 'text' },
      {
        type: 'list',
        ordered: true,
        items: [[{ type: 'text' }, { type: 'list', ordered: false }], [{ type: 'text' }]],
      },
    ]);
    const [text, list] = first!.blocks as [TextBlock, ListBlock];
    expect(plain(text.runs)).toBe('States **shall**:');
    const [a, b] = list.items;
    expect(plain((a![0] as TextBlock).runs)).toBe('cooperate;');
    expect(plain(((a![1] as ListBlock).items[0]![0] as TextBlock).runs)).toBe('_in particular_ on data;');
    expect(plain((b![0] as TextBlock).runs)).toBe('report.');
    expect(bracketedText(blockRuns(second!.blocks))).toBe('Second paragraph.');
  });

  it('Word: a table is refused with a message that says where it is, and nothing is created', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const docx = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'I. Principles', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('1.\tFirst paragraph.'),
            new Table({
              rows: [
                new TableRow({ children: [cell('Country'), cell('Target')] }),
                new TableRow({ children: [cell('A'), cell('2030')] }),
                new TableRow({ children: [cell('B'), cell('2035')] }),
              ],
            }),
            new Paragraph('2.\tSecond paragraph.'),
          ],
        },
      ],
    });
    const before = (await (
      await fetch(`${server.url}/api/documents`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).json()) as { documents: unknown[] };
    const res = await upload(new Uint8Array(await Packer.toBuffer(docx)), 'table.docx');
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('bad_import');
    expect(res.body.error?.message).toBe(
      'The file has a table of 3 rows and 2 columns (first cell "Country") after paragraph 1 of section "I. Principles". ' +
        'A draft holds numbered paragraphs, not tables: turn the table into paragraphs (or remove it) and import again.',
    );
    expect(res.body.error?.details).toMatchObject({
      fileName: 'table.docx',
      where: { table: { rows: 3, columns: 2, section: 'I. Principles', afterParagraph: '1' } },
    });
    const after = (await (
      await fetch(`${server.url}/api/documents`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).json()) as { documents: unknown[] };
    expect(after.documents).toHaveLength(before.documents.length);
  });

  it('Markdown: nested lists become subparagraphs, emphasis and GFM footnotes are kept, a GFM table is refused at its line', async () => {
    const md = [
      '# Zero draft',
      '',
      '## I. Measures',
      '',
      '1. States **shall**[^n]:',
      '   - (a) cooperate *closely*;',
      '     - (i) on [data];',
      '   - (b) report.',
      '2. Second paragraph.',
      '',
      '[^n]: As agreed in 2025.',
      '',
    ].join('\n');
    const res = await upload(new TextEncoder().encode(md), 'draft.md');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Zero draft', paragraphs: 2, brackets: 1 });
    const [first, second] = (await draftOf(res.body.id)).sections[0]!.paragraphs;
    expect(first!.blocks).toMatchObject([
      { type: 'text', runs: [{ text: 'States ' }, { text: 'shall', bold: true }, { text: '¹:' }] },
      {
        type: 'list',
        ordered: true,
        items: [
          [
            { type: 'text', runs: [{ text: 'cooperate ' }, { text: 'closely', italic: true }, { text: ';' }] },
            {
              type: 'list',
              ordered: true,
              items: [[{ type: 'text', runs: [{ text: 'on ' }, { text: 'data' }, { text: ';' }] }]],
            },
          ],
          [{ type: 'text', runs: [{ text: 'report.' }] }],
        ],
      },
      { type: 'text', runs: [{ text: 'Footnote 1: As agreed in 2025.' }] },
    ]);
    expect(bracketedText(blockRuns(second!.blocks))).toBe('Second paragraph.');

    const table = '# A\n\nFirst paragraph.\n\n| Country | Target |\n| --- | --- |\n| A | 2030 |\n';
    const refused = await upload(new TextEncoder().encode(table), 'table.md');
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toMatch(
      /^The file has a table of 2 rows and 2 columns \(first cell "Country"\) at line 5 after paragraph 1 of section "A"\./,
    );
  });

  it('reads back our own DOCX and Markdown exports through the route: sections, text, brackets, bis and alternatives', async () => {
    const by = { by: 'u1', byName: 'Ana', at: 1 };
    const source: Draft = {
      sections: [
        {
          id: 's1',
          heading: 'I. Legal measures',
          paragraphs: [
            'States [should] adopt data laws.',
            'Parties & <partners> cooperate [on [open] data].',
            'Option one text.',
            'Option two text.',
          ].map((text, i) => ({
            id: `p${i}`,
            kind: 'operative' as const,
            bis: i === 1,
            altGroup: i >= 2 ? 'alt' : null,
            bracket: null,
            blocks: [{ type: 'text' as const, runs: parseBracketedText(text, by) }],
          })),
        },
      ],
    };
    const objection = {
      id: 'o1',
      paragraphId: 'p0',
      author: { id: 'u2', name: 'Ben', affiliation: 'Kenya' },
      reason: 'Too broad [sic]',
      at: 1,
      state: 'standing' as const,
      answer: null,
      withdrawnAt: null,
    };
    const input = {
      draft: source,
      governance: { meta: { title: 'Round trip', symbol: 'EG/1' }, statuses: {}, locks: {}, objections: [objection] },
      variant: 'negotiating' as const,
      revision: 'Rev.1',
      generatedAt: new Date(),
    };
    for (const format of ['docx', 'md'] as const) {
      const file = await exportDocument(format, input);
      const res = await upload(new Uint8Array(file.body), file.fileName);
      expect(res.status, format).toBe(201);
      const draft = await draftOf(res.body.id);
      const paragraphs = draft.sections.flatMap((s) => s.paragraphs);
      const expected = [
        'States [should] adopt data laws.',
        'Parties & <partners> cooperate [on [open] data].',
        'Option one text.',
        'Option two text.',
      ];
      // Status lines, objections (Word footnotes, Markdown block quotes) and the symbol line are not paragraphs.
      expect(texts(draft), format).toEqual([['I. Legal measures', ...expected]]);
      expect(res.body.title, format).toBe('Round trip');
      const find = (start: string) => paragraphs.find((p) => bracketedText(blockRuns(p.blocks)).startsWith(start));
      expect(bracketsIn(find('States')!).length, format).toBe(1);
      // "1 bis" and "2 (Option 1)", "2 (Option 2)" come back as a bis paragraph and one alternative.
      expect(find('Parties')!.bis, format).toBe(true);
      const [one, two] = [find('Option one'), find('Option two')];
      expect(one!.altGroup, format).not.toBeNull();
      expect(two!.altGroup, format).toBe(one!.altGroup);
    }
  });

  it('reads "[Option 1: …][Option 2: …]" as one inline alternative; a lone "Option 1:" stays text', async () => {
    const md = '# A\n\nLicences [Option 1: should] [Option 2: shall] be open; [Option 1: alone] here.\n';
    const res = await upload(new TextEncoder().encode(md), 'alt.md');
    expect(res.status).toBe(201);
    const p = (await draftOf(res.body.id)).sections[0]!.paragraphs[0]!;
    expect(bracketedText(blockRuns(p.blocks))).toBe(
      'Licences [Option 1: should] [Option 2: shall] be open; [Option 1: alone] here.',
    );
    expect(bracketedText(blockRuns(p.blocks), { optionLabels: false })).toBe(
      'Licences [should] [shall] be open; [Option 1: alone] here.',
    );
    const [should, shall, alone] = bracketsIn(p);
    expect(should!.group).not.toBeNull();
    expect(shall!.group).toBe(should!.group);
    expect(alone!.group).toBeNull();
  });
});
