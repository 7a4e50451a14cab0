import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../server/store/sqliteDatabase.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/** Delegations: the store's migration of free-text affiliations, invitations naming one, attribution. */
describe('delegations', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    if (server) {
      await server.stop();
      removeDir(server.dataDir);
      server = null;
    }
  });

  it('migrates every membership of an existing store into the delegation its affiliation names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-delegations-'));
    const db = new Database(join(dir, 'accord.sqlite'));
    db.pragma('foreign_keys = ON');
    // The store as it was before delegations (migrations 1–3).
    for (const m of migrations.slice(0, 3)) typeof m === 'string' ? db.exec(m) : m(db);
    db.pragma('user_version = 3');
    const now = Date.now();
    db.prepare('INSERT INTO documents (id, title, created_at) VALUES (?, ?, ?)').run('doc-1', 'Draft', now);
    db.prepare('INSERT INTO documents (id, title, created_at) VALUES (?, ?, ?)').run('doc-2', 'Other', now);
    const people: Array<[string, string, string]> = [
      ['u1', 'Ana', 'Delegation of Brazil'],
      ['u2', 'Bruno', 'delegation of brazil'], // same delegation, typed differently
      ['u3', 'Kofi', 'Kenya'],
      ['u4', 'Mei', 'Internet Society'],
      ['u5', 'Nobody', ''],
    ];
    for (const [id, name, aff] of people) {
      db.prepare('INSERT INTO users (id, name, affiliation, created_at) VALUES (?, ?, ?, ?)').run(id, name, aff, now);
    }
    const member = db.prepare('INSERT INTO memberships (doc_id, user_id, role) VALUES (?, ?, ?)');
    member.run('doc-1', 'u1', 'member');
    member.run('doc-1', 'u2', 'member');
    member.run('doc-1', 'u3', 'chair');
    member.run('doc-1', 'u4', 'observer');
    member.run('doc-1', 'u5', 'member');
    member.run('doc-2', 'u1', 'member');
    db.close();

    server = await startTestServer({ dataDir: dir });
    const { body } = await server.api<{
      delegations: Array<{ name: string; code: string; kind: string; members: Array<{ userId: string }> }>;
    }>('GET', '/api/documents/doc-1/members');
    const grouped = body.delegations.map((d) => [d.name, d.code, d.kind, d.members.map((m) => m.userId)]);
    expect(grouped).toEqual([
      ['Delegation of Brazil', 'BRA', 'member_state', ['u1', 'u2']],
      ['Internet Society', 'IS', 'observer', ['u4']],
      ['Kenya', 'KEN', 'member_state', ['u3']],
      ['Unaffiliated', 'UNA', 'member_state', ['u5']],
    ]);
    // Each document has its own delegations.
    const other = await server.api<{ delegations: Array<{ name: string }> }>('GET', '/api/documents/doc-2/members');
    expect(other.body.delegations.map((d) => d.name)).toEqual(['Delegation of Brazil']);
  });

  it('invitations name the delegation; what the invitee does is attributed to person and delegation', async () => {
    server = await startTestServer();
    const s = server;
    const docId = await s.createDoc();
    const created = await s.api<{ id: string; code: string }>('POST', `/api/documents/${docId}/delegations`, {
      name: 'Federative Republic of Brazil',
      code: 'bra',
      kind: 'member_state',
    });
    expect(created.status).toBe(201);
    expect(created.body.code).toBe('BRA');
    // Same code again (any case): refused.
    const clash = await s.api('POST', `/api/documents/${docId}/delegations`, {
      name: 'Brasil',
      code: 'BRA',
      kind: 'member_state',
    });
    expect(clash.status).toBe(409);
    // A member cannot add delegations.
    const m = await s.addPerson(docId, 'member', 'Maria');
    const byMember = await s.api(
      'POST',
      `/api/documents/${docId}/delegations`,
      { name: 'X', code: 'X', kind: 'observer' },
      m.token,
    );
    expect(byMember.status).toBe(403);

    const invite = await s.api<{ token: string }>('POST', `/api/documents/${docId}/invites`, {
      role: 'member',
      delegationId: created.body.id,
    });
    expect(invite.status).toBe(201);
    const offer = await s.api<{ delegation: { code: string } }>('GET', `/api/invites/${invite.body.token}`);
    expect(offer.body.delegation.code).toBe('BRA');
    const res = await fetch(`${s.url}/api/invites/${invite.body.token}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: s.url },
      body: JSON.stringify({ name: 'Ana Souza', affiliation: 'Ministry of Foreign Affairs' }),
    });
    expect(res.status).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const { user } = (await res.json()) as { user: { id: string } };
    const token = await s.accord.store.credentials.issue(user.id, 'api_token');

    const members = await s.api<{ delegations: Array<{ code: string; members: Array<{ name: string }> }> }>(
      'GET',
      `/api/documents/${docId}/members`,
    );
    expect(members.body.delegations.find((d) => d.code === 'BRA')?.members.map((x) => x.name)).toEqual(['Ana Souza']);
    const me = await s.api<{ delegation: { code: string } }>('GET', `/api/documents/${docId}`, undefined, token);
    expect(me.body.delegation.code).toBe('BRA');
    expect(cookie).toMatch(/^accord_session=/);

    // The actor record of an objection carries person and delegation; so does the audit entry.
    const room = await s.accord.services.rooms.get(docId);
    const { writeDraft } = await import('../../shared/model/writeDraft.js');
    await room.execute((step) =>
      step.apply(() =>
        writeDraft(step.doc.getXmlFragment('default'), {
          sections: [
            {
              id: 's1',
              heading: 'A',
              paragraphs: [
                {
                  id: 'p1',
                  kind: 'operative',
                  bis: false,
                  altGroup: null,
                  bracket: null,
                  blocks: [{ type: 'text', runs: [{ text: 'Text.', brackets: [] }] }],
                },
              ],
            },
          ],
        }),
      ),
    );
    const lodged = await s.api<{ author: { name: string; affiliation: string; delegation: string } }>(
      'POST',
      `/api/documents/${docId}/paragraphs/p1/objections`,
      { reason: 'Too weak' },
      token,
    );
    expect(lodged.status).toBe(201);
    expect(lodged.body.author).toMatchObject({
      name: 'Ana Souza',
      affiliation: 'Federative Republic of Brazil',
      delegation: 'BRA',
    });
    const entry = (await s.accord.store.audit.list(docId)).find((e) => e.action === 'objection.lodge');
    expect(entry?.actor).toBe(user.id);
    expect(entry?.detail).toMatchObject({ delegation: 'BRA' });
  });
});
