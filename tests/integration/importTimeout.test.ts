import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * A few kilobytes of crafted Markdown keep micromark busy for tens of seconds (its emphasis
 * matching is quadratic); such a file must not hold the worker that everyone's exports share.
 */
describe('an import that parses too long', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { IMPORT_TIMEOUT_MS: 2000 } });
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  const upload = async (text: string, name: string) => {
    const form = new FormData();
    form.set('file', new Blob([text]), name);
    const res = await fetch(`${server.url}/api/documents/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: form,
    });
    return {
      status: res.status,
      body: (await res.json()) as { id?: string; error?: { code: string; message: string } },
    };
  };

  it('is refused with 422 and a reason, and the next import and export work', async () => {
    // 60 KB of emphasis delimiters. Matching them is quadratic: 24 KB took 4.1 s on an idle
    // core, so this takes about 25 s, far past the 2 s bound however fast the machine.
    const crafted = await upload('*a_'.repeat(20_000), 'crafted.md');
    expect(crafted.status).toBe(422);
    expect(crafted.body.error?.code).toBe('bad_import');
    expect(crafted.body.error?.message).toMatch(/could not be read within 2 s/);

    const honest = await upload('# Recommendations\n\n1. Member States [should][shall] cooperate.\n', 'honest.md');
    expect(honest.status).toBe(201);
    const exported = await fetch(`${server.url}/api/documents/${honest.body.id}/export?format=docx`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(exported.status).toBe(200);
    expect((await exported.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  }, 60_000);
});
