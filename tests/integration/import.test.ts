import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelOf } from '../../server/documents/snapshotModel.js';
import { blockRuns, bracketedText, bracketsIn } from '../../shared/model/brackets.js';
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
      body: (await res.json()) as { id: string; error?: { code: string; message: string } },
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
});
