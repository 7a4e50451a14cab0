import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_DOC_ID, ensureDemo } from '../../server/demo.js';
import { readGovernance } from '../../shared/model/readDraft.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

describe('the demo', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    if (server) {
      await server.stop();
      removeDir(server.dataDir);
    }
  });

  it('opens with delegations, pending proposals with support and comments, once (a restart adds none)', async () => {
    server = await startTestServer();
    const links = await ensureDemo(server.accord);
    expect(links.map((l) => l.role)).toEqual(['chair', 'member', 'member', 'observer']);
    await ensureDemo(server.accord); // the second start of the same installation
    const { body } = await server.api<{ delegations: Array<{ code: string; members: unknown[] }> }>(
      'GET',
      `/api/documents/${DEMO_DOC_ID}/members`,
    );
    expect(body.delegations.map((d) => d.code).sort()).toEqual(['BRA', 'CHAIR', 'GCA', 'ISOC', 'KEN', 'NOR']);
    expect(body.delegations.every((d) => d.members.length === 1)).toBe(true);
    const room = await server.accord.services.rooms.get(DEMO_DOC_ID);
    const proposals = readGovernance(room.doc.getMap('gov')).proposals ?? [];
    expect(proposals).toHaveLength(4);
    expect(proposals.every((p) => p.state === 'pending' && p.proposer.delegation)).toBe(true);
    expect(
      proposals.map((p) => [p.proposer.delegation, p.quote, p.text, p.support.map((s) => s.by.delegation)]),
    ).toEqual([
      ['BRA', 'should', 'shall', ['KEN']],
      ['GCA', 'should', 'are encouraged to', []],
      ['KEN', '', ', online courses', ['NOR', 'BRA']],
      ['GCA', '', 'Each point of contact should include both a technical and a policy contact.', ['NOR']],
    ]);

    // Comments: Brazil's own thread is Brazil's; the others see the group's.
    const seen = async (userId: string) => {
      const token = await server?.accord.store.credentials.issue(userId, 'api_token');
      const res = await server?.api<{
        comments: Array<{ quote: string; text: string; resolved: unknown; visibility: string }>;
      }>('GET', `/api/documents/${DEMO_DOC_ID}/comments`, undefined, token);
      return res?.body.comments ?? [];
    };
    const atKenya = await seen('demo-kenya');
    expect(atKenya.map((c) => [c.quote, c.resolved !== null])).toEqual([
      ['shared training facilities', false],
      ['', false],
      ['security researchers', true],
      ['', false],
    ]);
    const atBrazil = await seen('demo-brazil');
    expect(atBrazil.filter((c) => c.visibility === 'delegation').map((c) => c.quote)).toEqual(['should']);
  });
});
