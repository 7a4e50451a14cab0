import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clauseById, firstSection, newClause, sendEdit, textOf } from '../support/editing.js';
import { RawClient } from '../support/rawClient.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

const BACKUP = new URL('../../dist/server/backupCommand.js', import.meta.url).pathname;

/** `npm run backup -- <file>` as a child process, against the server's DATA_DIR. */
function backup(dataDir: string, file: string): Promise<{ code: number | null; out: string }> {
  if (!existsSync(BACKUP)) throw new Error('dist/server/backupCommand.js is missing: run `npm run build`');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BACKUP, file], { env: { ...process.env, DATA_DIR: dataDir } });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

interface AuditAnswer {
  entries: Array<{ seq: number; action: string; hash: string }>;
  chainIntact: boolean;
}

describe('online backup and restore of the SQLite store', () => {
  const dirs: string[] = [];
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop().catch(() => undefined);
    for (const d of dirs) removeDir(d);
  });

  it('backs up while edits stream in; a fresh server on the copy has the documents, revisions and audit chain', async () => {
    const live = await startTestServer();
    servers.push(live);
    dirs.push(live.dataDir);
    const docId = await live.createDoc('Recommendations on cyber capacity building');
    const member = await live.addPerson(docId, 'member', 'Maria Member');
    const writer = await RawClient.synced(`${live.wsUrl}/${docId}?token=${member.token}`);
    sendEdit(writer, () => firstSection(writer.doc).insert(1, [newClause('p-1', 'Start.')]));
    const api = (method: string, path: string, body?: unknown) =>
      live.api(method, `/api/documents/${docId}${path}`, body);
    const room = await live.accord.services.rooms.get(docId);
    await writer.until(() => room.doc.getXmlFragment('default').toString().includes('Start.'), 'the server has p-1');
    await room.flushed();
    expect((await api('POST', '/paragraphs/p-1/objections', { reason: 'Too vague' })).status).toBe(201);
    expect((await api('POST', '/revisions', { note: 'Zero draft for the first session' })).status).toBe(201);
    expect((await api('POST', '/revisions', { note: 'After the first reading' })).status).toBe(201);
    const otherDoc = await live.createDoc('Second draft');

    // A writer keeps typing numbered words while the backup runs.
    let n = 0;
    const typing = setInterval(() => {
      n++;
      sendEdit(writer, () => {
        const text = textOf(clauseById(writer.doc, 'p-1'));
        text.insert(text.length, ` w${n}`);
      });
    }, 5);
    const dir = mkdtempSync(join(tmpdir(), 'accord-backup-'));
    dirs.push(dir);
    const file = join(dir, 'accord-backup.sqlite');
    const result = await backup(live.dataDir, file);
    clearInterval(typing);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/Backup written to .*: 2 documents, 2 revisions, \d+ audit entries\./);
    expect(statSync(file).mode & 0o077).toBe(0);
    await room.flushed();

    const original = {
      audit: (await api('GET', '/audit')).body as AuditAnswer,
      revisions: (await api('GET', '/revisions')).body,
      rev1: (await api('GET', '/revisions/1')).body,
      text: textOf(clauseById(room.doc, 'p-1')).toString(),
    };
    expect(n).toBeGreaterThan(0);

    // Restore: the backup file becomes the store of a new server.
    const restoredDir = mkdtempSync(join(tmpdir(), 'accord-restored-'));
    dirs.push(restoredDir);
    copyFileSync(file, join(restoredDir, 'accord.sqlite'));
    const restored = await startTestServer({ dataDir: restoredDir });
    servers.push(restored);
    const rapi = (path: string) => restored.api('GET', `/api/documents/${docId}${path}`);

    const docs = (await restored.api<{ documents: Array<{ id: string }> }>('GET', '/api/documents')).body.documents;
    expect(docs.map((d) => d.id).sort()).toEqual([docId, otherDoc].sort());
    expect((await rapi('/revisions')).body).toEqual(original.revisions);
    expect((await rapi('/revisions/1')).body).toEqual(original.rev1);

    const audit = (await rapi('/audit')).body as AuditAnswer;
    expect(audit.chainIntact).toBe(true);
    // The copy is one moment of the live log: its entries are the live log's first ones, unchanged.
    expect(audit.entries.length).toBeGreaterThan(0);
    expect(audit.entries).toEqual(original.audit.entries.slice(0, audit.entries.length));

    // And one moment of the text: what was typed up to some word, never a word without the ones before it.
    const restoredRoom = await restored.accord.services.rooms.get(docId);
    const text = textOf(clauseById(restoredRoom.doc, 'p-1')).toString();
    expect(text.startsWith('Start.')).toBe(true);
    expect(original.text.startsWith(text)).toBe(true);
    const words = text.replace('Start.', '').trim().split(' ').filter(Boolean);
    expect(words).toEqual(words.map((_word: string, i: number) => `w${i + 1}`));
    writer.close();
  });

  it('refuses to overwrite a file and says when there is no store', async () => {
    const live = await startTestServer();
    servers.push(live);
    dirs.push(live.dataDir);
    const dir = mkdtempSync(join(tmpdir(), 'accord-backup-'));
    dirs.push(dir);
    const file = join(dir, 'b.sqlite');
    expect((await backup(live.dataDir, file)).code).toBe(0);
    const again = await backup(live.dataDir, file);
    expect(again.code).toBe(1);
    expect(again.out).toContain('exists already');
    const none = await backup(join(dir, 'no-store-here'), join(dir, 'c.sqlite'));
    expect(none.code).toBe(1);
    expect(none.out).toContain('No Accord store');
    expect(existsSync(join(dir, 'c.sqlite'))).toBe(false);
  });
});
