import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelOf } from '../../server/documents/snapshotModel.js';
import { exportDocument } from '../../server/export/exportDocument.js';
import { inspectZip, ZipRefused } from '../../server/import/zipInspection.js';
import { blockRuns, bracketedText, bracketsIn } from '../../shared/model/brackets.js';
import { parseBracketedText } from '../../shared/model/bracketText.js';
import type { Draft } from '../../shared/model/draft.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

describe('importing a zero draft', () => {
  let server: TestServer;
  beforeAll(async () => {
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
      body: (await res.json()) as { id: string; title?: string; error?: { code: string; message: string } },
    };
  };
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
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const refused = await upload(bomb, 'bomb.docx');
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toMatch(/zip bomb/);
    const huge = await upload(new Uint8Array(11 * 1024 * 1024), 'huge.md');
    expect(huge.status).toBe(413);
    const docId = await server.createDoc();
    const member = await server.addPerson(docId, 'member');
    expect((await upload(new TextEncoder().encode('# A\n\nB'), 'a.md', member.token)).status).toBe(403);
  });

  it('refuses a zip whose directory lies about sizes, once inflation passes what it declared', async () => {
    const zip = zipSync({ 'word/document.xml': new Uint8Array(25 * 1024 * 1024) }, { level: 9 });
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

  it('keeps markup, RTL text and emoji intact; footnote markers are not brackets; "2030 Agenda" keeps its number', async () => {
    const docx = new Document({
      footnotes: { 1: { children: [new Paragraph('A footnote [not text].')] } },
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
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(await Packer.toBuffer(docx))]), 'x.docx');
    const res = await fetch(`${server.url}/api/documents/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: form,
    });
    const body = (await res.json()) as { id: string; title: string; brackets: number; paragraphs: number };
    expect(res.status).toBe(201);
    expect(body).toMatchObject({ title: 'Recommendations on <data>', paragraphs: 3, brackets: 1 });
    expect(texts(await draftOf(body.id))).toEqual([
      [
        'Principles',
        '<script>alert(1)</script> & "q" مرحبا 🌍 [open]',
        '2030 Agenda for Sustainable Development is recalled.',
        'States shall limit warming to 1.5 °C.',
      ],
    ]);
  });

  it('reads back our own DOCX and Markdown exports: sections, text, brackets, bis and alternatives', async () => {
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
      if (format === 'docx') {
        // The Word export's status lines and objection footnotes are not paragraphs.
        expect(texts(draft), format).toEqual([['I. Legal measures', ...expected]]);
      } else {
        // Every Markdown heading is a section (the title too); the meta line, status lines and objections
        // are text there, in paragraphs of their own.
        const section = texts(draft).find((x) => x[0] === 'I. Legal measures');
        expect(section, format).toEqual(expect.arrayContaining(expected));
      }
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
