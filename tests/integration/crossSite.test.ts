import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstSection, indexOfClause, newClause, sendEdit } from '../support/editing.js';
import { govOf } from '../support/paragraphs.js';
import { RawClient } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * A page on another site — or on another port of the same host, which is the same
 * "site" for SameSite cookies — tries to act with the chair's session cookie.
 */
describe('cross-site requests cannot act with the session cookie', () => {
  let server: TestServer;
  let docId: string;
  let cookie: string;
  const evil = 'http://localhost:9';
  const para = (pid: string, what: string) => `/api/documents/${docId}/paragraphs/${pid}/${what}`;
  const send = (path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit }) =>
    fetch(`http://127.0.0.1:${server.port}${path}`, {
      method: init.method ?? 'POST',
      headers: { cookie, ...init.headers },
      body: init.body,
    });
  const locked = async () => govOf((await server.accord.services.rooms.get(docId)).doc, 'p1').lock !== null;

  beforeEach(async () => {
    server = await startTestServer();
    docId = await server.createDoc();
    const chair = await RawClient.synced(`${server.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
    sendEdit(chair, () => firstSection(chair.doc).insert(1, [newClause('p1', 'Agreed text.')]));
    const room = await server.accord.services.rooms.get(docId);
    await chair.until(() => indexOfClause(room.doc, 'p1') >= 0, 'the paragraph');
    chair.close();
    await server.api('POST', para('p1', 'status'), { status: 'agreed' });
    expect((await server.api('POST', para('p1', 'lock'))).status).toBe(200);
    cookie = `accord_session=${await server.accord.store.credentials.issue('admin', 'session')}`;
  });
  afterEach(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('refuses an unlock posted as text/plain from another port of the same host', async () => {
    const res = await send(para('p1', 'unlock'), {
      headers: { origin: evil, 'content-type': 'text/plain' },
      body: JSON.stringify({ reason: 'csrf' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(await locked()).toBe(true);
  });

  it('refuses body-less, form and multipart requests from a foreign origin, and cross-site fetch metadata', async () => {
    await server.api('POST', para('p1', 'unlock'), { reason: 'to test the lock' });
    const attempts = [
      send(para('p1', 'lock'), { headers: { origin: 'https://evil.example' } }),
      send(para('p1', 'objections'), {
        headers: { origin: evil, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'reason=csrf',
      }),
      send('/api/documents/import', { headers: { origin: evil }, body: formWithFile() }),
      send(para('p1', 'lock'), { headers: { 'sec-fetch-site': 'same-site' } }),
      send('/api/tokens', { headers: { origin: 'null' } }),
    ];
    expect((await Promise.all(attempts)).map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await locked()).toBe(false);
    const objections = (await server.accord.store.audit.list(docId)).filter((e) => e.action === 'objection.lodge');
    expect(objections).toEqual([]);
  });

  it('accepts JSON only as application/json, even from our own pages', async () => {
    const own = server.accord.services.config.PUBLIC_URL;
    const plain = await send(para('p1', 'unlock'), {
      headers: { origin: own, 'content-type': 'text/plain' },
      body: JSON.stringify({ reason: 'typed as text' }),
    });
    expect(plain.status).toBe(415);
    expect(await locked()).toBe(true);
    const json = await send(para('p1', 'unlock'), {
      headers: { origin: own, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ reason: 'from our own page' }),
    });
    expect(json.status).toBe(200);
    expect(await locked()).toBe(false);
  });

  it('leaves scripts with a bearer token alone (they send no cookie and no Origin)', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}${para('p1', 'unlock')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'script' }),
    });
    expect(res.status).toBe(200);
  });
});

function formWithFile(): FormData {
  const form = new FormData();
  form.set('file', new Blob(['# Evil draft\n\nText.'], { type: 'text/markdown' }), 'evil.md');
  return form;
}
