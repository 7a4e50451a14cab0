import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

describe('each person’s interface language is remembered by the server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('is null until chosen, then returned by GET /api/me for that person only, and survives a restart', async () => {
    const docId = await server.createDoc();
    const ana = await server.addPerson(docId, 'member', 'Ana');
    const ben = await server.addPerson(docId, 'member', 'Ben');
    const me = async (token: string) =>
      (await server.api<{ user: { language: string | null } }>('GET', '/api/me', undefined, token)).body.user.language;
    expect(await me(ana.token)).toBeNull();
    const set = await server.api('PATCH', '/api/me', { language: 'ar' }, ana.token);
    expect(set.status).toBe(200);
    expect(await me(ana.token)).toBe('ar');
    expect(await me(ben.token)).toBeNull();
    expect((await server.api('PATCH', '/api/me', { language: 'fr' }, ana.token)).status).toBe(200);
    expect(await me(ana.token)).toBe('fr');

    const dataDir = server.dataDir;
    await server.stop();
    server = await startTestServer({ dataDir });
    expect(await me(ana.token)).toBe('fr');
  });

  it('refuses a language Accord does not have, and hostile values, without changing the stored one', async () => {
    const docId = await server.createDoc();
    const p = await server.addPerson(docId, 'member');
    await server.api('PATCH', '/api/me', { language: 'es' }, p.token);
    for (const language of ['de', 'AR', "ar'; DROP TABLE users; --", '', 7, null, ['ar']]) {
      const res = await server.api<{ error: { code: string } }>('PATCH', '/api/me', { language }, p.token);
      expect(res.status, JSON.stringify(language)).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    const me = await server.api<{ user: { language: string } }>('GET', '/api/me', undefined, p.token);
    expect(me.body.user.language).toBe('es');
    expect((await server.api('PATCH', '/api/me', { language: 'ru' }, 'not-a-token')).status).toBe(401);
  });
});
