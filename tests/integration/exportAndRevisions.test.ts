import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../shared/model/compare.js';
import type { Draft } from '../../shared/model/draft.js';
import { clauseById, textOf } from '../support/editing.js';
import { connectProvider, eventually, synced } from '../support/providers.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

const tricky = `<script>alert("x")</script> & 'quotes' — مرحبا بالعالم 🌍 *not bold* [literal]`;

/** A small draft: p1 agreed and clean, p2 bracketed, p3 carries the escaping cases. */
function fixture(): Draft {
  const by = { by: 'u1', byName: 'Ana Souza (Brazil)', at: 1 };
  const para = (id: string, runs: Draft['sections'][number]['paragraphs'][number]['blocks']) => ({
    id,
    kind: 'operative' as const,
    bis: false,
    altGroup: null,
    bracket: null,
    blocks: runs,
  });
  return {
    sections: [
      {
        id: 's1',
        heading: 'I. Principles & <aims>',
        paragraphs: [
          para('p1', [{ type: 'text', runs: [{ text: 'Data should be open.', brackets: [] }] }]),
          para('p2', [
            {
              type: 'text',
              runs: [
                { text: 'Licences ', brackets: [] },
                { text: 'should', brackets: [{ id: 'b1', ...by, group: 'g' }] },
                { text: 'shall', brackets: [{ id: 'b2', ...by, group: 'g' }] },
                { text: ' be the default.', brackets: [] },
              ],
            },
          ]),
          para('p3', [
            { type: 'text', runs: [{ text: tricky, brackets: [] }] },
            { type: 'list', ordered: true, items: [[{ type: 'text', runs: [{ text: 'first item', brackets: [] }] }]] },
          ]),
        ],
      },
    ],
  };
}

describe('revisions, comparison and export', () => {
  let server: TestServer;
  let docId: string;
  const get = async (path: string, token = ADMIN_TOKEN) => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { res, body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    server = await startTestServer();
    const admin = (await server.accord.store.users.get('admin'))!;
    const rec = await server.accord.setup.create(admin, 'Recommendations <on> data & "climate"', 'EG/2026/1', {
      draft: fixture(),
      governance: { statuses: { p1: 'agreed' }, locks: {}, objections: [] },
    });
    docId = rec.id;
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('exports a DOCX whose document.xml has the paragraphs, numbers, brackets and escaped text', async () => {
    const { res, body } = await get(`/api/documents/${docId}/export?format=docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="EG-2026-1-Working-text-negotiating.docx"',
    );
    const xml = strFromU8(unzipSync(new Uint8Array(body))['word/document.xml']!);
    const paragraphs = xml.match(/<w:p[ >]/g) ?? [];
    expect(paragraphs.length).toBeGreaterThanOrEqual(9); // title, heading, 3 paragraphs (+ list line), 3 status lines
    expect(xml).toContain('w:val="NumberedParagraph"');
    expect(xml).toContain('Heading1');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('Licences [Option 1: should][Option 2: shall] be the default.');
    expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ');
    expect(text).toContain('مرحبا بالعالم 🌍');
    expect(text).toMatch(/1\t?Data should be open\./);
    expect(text).toContain('(a)');
  });

  it('exports a PDF whose text has the numbers, brackets and statuses', async () => {
    const { res, body } = await get(`/api/documents/${docId}/export?format=pdf`);
    expect(res.status).toBe(200);
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(server.dataDir, 'export.pdf');
    writeFileSync(file, body);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Data should be open.');
    expect(text).toMatch(/\[Option 1: should\]\s*\[Option 2: shall\]/);
    expect(text).toContain('<script>alert("x")</script>');
    expect(text).toContain('Agreed');
    expect(text).toContain('Draft');
  });

  it('exports well-formed Akoma Ntoso with sections, numbered paragraphs, eIds and the negotiation block', async () => {
    const { res, body } = await get(`/api/documents/${docId}/export?format=akn`);
    expect(res.status).toBe(200);
    const xml = body.toString();
    expect(XMLValidator.validate(xml)).toBe(true);
    const akn = new XMLParser({ ignoreAttributes: false }).parse(xml).akomaNtoso;
    const section = akn.doc.mainBody.section;
    expect(section['@_eId']).toBe('sec_1');
    expect(section.heading).toBe('I. Principles & <aims>');
    expect(section.paragraph.map((p: { num: string }) => String(p.num))).toEqual(['1', '2', '3']);
    expect(section.paragraph.map((p: { '@_eId': string }) => p['@_eId'])).toEqual(['para_1', 'para_2', 'para_3']);
    const negotiation = akn.doc.meta.proprietary['accord:negotiation']['accord:paragraph'];
    expect(negotiation.map((p: { '@_status': string }) => p['@_status'])).toEqual(['agreed', 'draft', 'draft']);
    expect(xml).toContain('&lt;script&gt;');
  });

  it('escapes markup in HTML and Markdown and keeps every character', async () => {
    const html = (await get(`/api/documents/${docId}/export?format=html`)).body.toString();
    expect(html).not.toContain('<script>');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; — مرحبا بالعالم 🌍',
    );
    const md = (await get(`/api/documents/${docId}/export?format=md`)).body.toString();
    expect(md).not.toContain('<script>');
    // Rendered by a CommonMark renderer, the text comes back as typed, and brackets are brackets.
    const rendered = new MarkdownIt().render(md);
    expect(rendered).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'quotes' — مرحبا بالعالم 🌍 *not bold* [literal]",
    );
    expect(rendered).not.toMatch(/<script|<em>not/);
    expect(rendered).toContain('[Option 1: should][Option 2: shall]');
  });

  it('refuses the clean report while paragraphs are not agreed, listing them, unless a chair marks it DRAFT', async () => {
    const refused = await get(`/api/documents/${docId}/export?format=md&variant=clean`);
    expect(refused.res.status).toBe(409);
    const err = JSON.parse(refused.body.toString()).error;
    expect(err.code).toBe('not_agreed');
    expect(err.details.notAgreed.map((n: { number: string }) => n.number)).toEqual(['2', '3']);
    const member = await server.addPerson(docId, 'member');
    expect(
      (await get(`/api/documents/${docId}/export?format=md&variant=clean&markDraft=1`, member.token)).res.status,
    ).toBe(403);
    const marked = await get(`/api/documents/${docId}/export?format=md&variant=clean&markDraft=1`);
    expect(marked.res.status).toBe(200);
    expect(marked.body.toString()).toContain('DRAFT — not agreed');
  });

  it('gives a clean report with no brackets and consecutive numbers once everything is agreed', async () => {
    const admin = (await server.accord.store.users.get('admin'))!;
    const clean = fixture();
    clean.sections[0]!.paragraphs = clean.sections[0]!.paragraphs.map((p, i) => ({
      ...p,
      bis: i === 1,
      blocks: [{ type: 'text', runs: [{ text: `Agreed text ${i + 1}.`, brackets: [] }] }],
    }));
    const rec = await server.accord.setup.create(admin, 'Agreed', 'EG/2026/2', {
      draft: clean,
      governance: { statuses: { p1: 'agreed', p2: 'agreed', p3: 'agreed' }, locks: {}, objections: [] },
    });
    const md = (await get(`/api/documents/${rec.id}/export?format=md&variant=clean`)).body.toString();
    expect(md).not.toMatch(/\*\*\[\*\*|\*\*\]\*\*|Option/);
    expect([...md.matchAll(/^\*\*(\d+)\*\*/gm)].map((m) => m[1])).toEqual(['1', '2', '3']);
    const negotiating = (await get(`/api/documents/${rec.id}/export?format=md`)).body.toString();
    expect(negotiating).toContain('**1 bis**');
  });

  it('observers export too; bad requests are refused clearly; every export is audited', async () => {
    const observer = await server.addPerson(docId, 'observer');
    const res = await get(`/api/documents/${docId}/export?format=html`, observer.token);
    expect(res.res.status).toBe(200);
    expect(res.res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await get(`/api/documents/${docId}/export?format=odt`)).res.status).toBe(400);
    expect((await get(`/api/documents/${docId}/export?format=md&variant=final`)).res.status).toBe(400);
    expect((await get(`/api/documents/${docId}/export?format=md&revision=42`)).res.status).toBe(404);
    const outsider = await server.accord.store.users.create('Outsider', '');
    const token = await server.accord.store.credentials.issue(outsider.userId, 'api_token');
    expect((await get(`/api/documents/${docId}/export?format=md`, token)).res.status).toBe(404);
    const audit = await server.api<{ entries: { action: string; actor: string; detail: Record<string, unknown> }[] }>(
      'GET',
      `/api/documents/${docId}/audit`,
    );
    const exports = audit.body.entries.filter((e) => e.action === 'document.export');
    expect(exports.at(-1)).toMatchObject({
      actor: observer.userId,
      detail: { format: 'html', variant: 'negotiating', revision: 'Working text', draftMark: false },
    });
  });

  it('exports in the language asked for (lang=), declared in the file; an unknown language is a 400', async () => {
    const ar = await get(`/api/documents/${docId}/export?format=html&lang=ar`);
    expect(ar.res.status).toBe(200);
    const html = ar.body.toString('utf8');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('متفق عليه');
    expect(html).toContain('نص العمل');
    const fr = await get(`/api/documents/${docId}/export?format=docx&lang=fr`);
    expect(fr.res.headers.get('content-disposition')).toMatch(/filename="[A-Za-z0-9.-]+"/);
    const files = unzipSync(new Uint8Array(fr.body));
    expect(strFromU8(files['word/styles.xml']!)).toContain('w:val="fr-FR"');
    expect(strFromU8(files['word/document.xml']!)).toContain('Convenu');
    for (const bad of ['xx', 'EN', 'en-GB', '', 'ar,en'])
      expect((await get(`/api/documents/${docId}/export?format=md&lang=${encodeURIComponent(bad)}`)).res.status).toBe(
        400,
      );
    // Without lang=: the person's interface language, else English.
    expect((await get(`/api/documents/${docId}/export?format=html`)).body.toString('utf8')).toContain(
      '<html lang="en" dir="ltr">',
    );
    const reader = await server.addPerson(docId, 'member');
    await server.accord.store.users.setLanguage(reader.userId, 'zh');
    const zh = (await get(`/api/documents/${docId}/export?format=html`, reader.token)).body.toString('utf8');
    expect(zh).toContain('<html lang="zh" dir="ltr">');
    expect(zh).toContain('工作案文');
    const asked = (await get(`/api/documents/${docId}/export?format=html&lang=ru`, reader.token)).body.toString('utf8');
    expect(asked).toContain('<html lang="ru" dir="ltr">');
  });

  it('export never changes the document', async () => {
    const room = await server.accord.services.rooms.get(docId);
    const before = Buffer.from((await import('yjs')).encodeStateAsUpdate(room.doc));
    for (const f of ['docx', 'pdf', 'html', 'md', 'akn']) await get(`/api/documents/${docId}/export?format=${f}`);
    expect(Buffer.from((await import('yjs')).encodeStateAsUpdate(room.doc)).equals(before)).toBe(true);
  });

  it('issues Rev.N snapshots that survive edits and restarts, and compares two revisions exactly', async () => {
    const issue = (note: string) =>
      server.api<{ number: number; label: string }>('POST', `/api/documents/${docId}/revisions`, { note });
    const member = await server.addPerson(docId, 'member');
    expect((await server.api('POST', `/api/documents/${docId}/revisions`, {}, member.token)).status).toBe(403);
    const zero = await issue('zero draft');
    expect(zero.status).toBe(201);
    const first = await issue('after first reading');
    expect(first.body.label).toBe('Rev.1');

    const p = connectProvider(server.wsUrl, docId, ADMIN_TOKEN);
    await synced(p);
    textOf(clauseById(p.doc, 'p1')).insert(0, 'All ');
    const room = await server.accord.services.rooms.get(docId);
    await eventually(() => room.doc.getXmlFragment('default').toString().includes('All Data'), 3000, 'server edit');
    p.destroy();
    const second = await issue('after second reading');
    expect(second.body.label).toBe('Rev.2');

    const cmp = await server.api<Comparison>('GET', `/api/documents/${docId}/compare?from=1&to=2`);
    const changed = cmp.body.paragraphs.filter((x) => !x.kinds.includes('unchanged'));
    expect(changed.map((x) => x.id)).toEqual(['p1']);
    expect(changed[0]!.text.filter((t) => t.op !== 'same')).toEqual([{ op: 'ins', text: 'All ' }]);
    const html = await server.api<string>('GET', `/api/documents/${docId}/compare?from=1&to=2&format=html`);
    expect(html.body).toContain('<ins>All </ins>');

    // Revisions are immutable and survive a restart.
    await server.stop();
    server = await startTestServer({ dataDir: server.dataDir });
    const list = await server.api<{ revisions: { label: string }[] }>('GET', `/api/documents/${docId}/revisions`);
    expect(list.body.revisions.map((r) => r.label)).toEqual(['Zero draft', 'Rev.1', 'Rev.2']);
    const rev1 = await server.api<{ draft: Draft }>('GET', `/api/documents/${docId}/revisions/1`);
    const firstRun = rev1.body.draft.sections[0]!.paragraphs[0]!.blocks[0]!;
    expect(firstRun.type === 'text' && firstRun.runs[0]!.text).toBe('Data should be open.');
    const exported = (await get(`/api/documents/${docId}/export?format=md&revision=1`)).body.toString();
    expect(exported).toContain('Rev.1');
    expect(exported).not.toContain('All Data');
  });
});
