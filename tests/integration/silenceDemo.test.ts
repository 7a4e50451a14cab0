import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DOC_ID, ensureDemo } from '../../server/demo.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { serverState, silenceApi, until } from '../support/silenceDraft.js';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * The demo's "done means": the chair starts a short silence on a section of the demo draft
 * (whose sections all hold some brackets) and watches it expire.
 */
describe('silence on the demo draft', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { DEADLINE_POLL_MS: 100 } });
    await ensureDemo(server.accord);
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('circulates a section with a short deadline; the clean paragraphs are agreed at expiry, the rest left out', async () => {
    const room = await server.accord.services.rooms.get(DEMO_DOC_ID);
    const sections = readDraft(room.doc.getXmlFragment('default')).sections;
    const api = silenceApi(server, DEMO_DOC_ID);
    const section = sections[2];
    if (!section) throw new Error('the demo has sections');
    const started = await api.start({
      scope: { kind: 'section', sectionId: section.id },
      deadline: new Date(Date.now() + 1500).toISOString(),
      note: 'Demo',
    });
    expect(started.status).toBe(201);
    expect(started.body.paragraphIds.length).toBeGreaterThan(0);
    expect(started.body.leftOut?.length).toBeGreaterThan(0);
    await until(
      async () => (await serverState(server, DEMO_DOC_ID)).silence.silences[0]?.state === 'expired',
      'expiry',
    );
    const { gov } = await serverState(server, DEMO_DOC_ID);
    for (const id of started.body.paragraphIds) expect(gov.statuses[id]).toBe('agreed');
    for (const id of started.body.leftOut ?? []) expect(gov.statuses[id]).not.toBe('agreed');
  });
});
