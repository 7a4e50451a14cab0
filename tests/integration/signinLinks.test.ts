import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * A one-time sign-in link is a page, not a sign-in: mail scanners and link previews
 * fetch it (GET) without using it up, and only a POST from that page signs in.
 */
describe('one-time sign-in links', () => {
  let server: TestServer;
  let userId: string;
  let link: string;
  let base: string;
  const post = (token: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.accord.services.config.PUBLIC_URL, ...headers },
      body: JSON.stringify({ token }),
    });

  beforeEach(async () => {
    server = await startTestServer();
    base = `http://127.0.0.1:${server.port}`;
    const docId = await server.createDoc();
    userId = (await server.addPerson(docId, 'member', 'Lena Link')).userId;
    link = await server.accord.store.credentials.issue(userId, 'signin_link');
  });
  afterEach(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('a GET (a scanner, a preview, the person opening it) shows a page and signs nobody in', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${base}/signin/${link}`, { redirect: 'manual' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const head = await fetch(`${base}/signin/${link}`, { method: 'HEAD', redirect: 'manual' });
    expect(head.headers.get('set-cookie')).toBeNull();
    // The link still works after all of that.
    const signedIn = await post(link);
    expect(signedIn.status).toBe(200);
    expect(((await signedIn.json()) as { user: { id: string } }).user.id).toBe(userId);
  });

  it('a POST from the page signs in once; the link is then used up', async () => {
    const first = await post(link);
    expect(first.status).toBe(200);
    const cookie = /accord_session=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')?.[1];
    expect(cookie).toBeTruthy();
    const me = await fetch(`${base}/api/me`, { headers: { cookie: `accord_session=${cookie}` } });
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(userId);
    const again = await post(link);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('signin_invalid');
    const audit = (await server.accord.store.audit.list(null)).filter((e) => e.action === 'session.signin');
    expect(audit.map((e) => e.actor)).toEqual([userId]);
  });

  it('a POST from another site cannot sign the victim into someone else’s account (login CSRF)', async () => {
    const res = await post(link, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await post(link)).status).toBe(200);
  });
});
