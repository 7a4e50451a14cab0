import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * Guessing credentials over HTTP (bearer tokens, sign-in links, invite tokens) is
 * throttled per client address, and the expensive or sensitive endpoints have rate
 * limits answered with 429 and Retry-After.
 */
describe('HTTP limits', () => {
  let server: TestServer;
  const at = (path: string, init: RequestInit & { from?: string } = {}) =>
    fetch(`http://127.0.0.1:${server.port}${path}`, {
      ...init,
      headers: {
        ...(init.from ? { 'x-forwarded-for': init.from } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  const signin = (token: string, from?: string) =>
    at('/api/signin', {
      method: 'POST',
      from,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
  afterEach(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('wrong bearer tokens, sign-in links and invite tokens share one failure budget per address', async () => {
    server = await startTestServer({ env: { MAX_FAILED_AUTH_PER_IP: 10 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await at('/api/me', { headers: { authorization: `Bearer wrong-${i}` } })).status);
    }
    for (let i = 0; i < 3; i++) statuses.push((await signin(`no-such-link-${i}`)).status);
    for (let i = 0; i < 3; i++) statuses.push((await at(`/api/invites/no-such-invite-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 400, 400, 400, 404, 404, 404]);
    // The budget is spent: the next guess of any kind is not even checked.
    const blocked = [
      await at('/api/me', { headers: { authorization: 'Bearer wrong-again' } }),
      await signin('another-guess'),
      await at('/api/invites/another-guess'),
      await at('/api/me', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }),
    ];
    expect(blocked.map((r) => r.status)).toEqual([429, 429, 429, 429]);
    for (const r of blocked) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked[0]!.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });

  it('X-Forwarded-For is believed only from TRUSTED_PROXIES', async () => {
    // Not trusted: rotating the header does not escape the budget of the real address.
    server = await startTestServer({ env: { MAX_FAILED_AUTH_PER_IP: 3 } });
    for (let i = 0; i < 3; i++) await signin(`guess-${i}`, `203.0.113.${i}`);
    expect((await signin('guess-x', '198.51.100.1')).status).toBe(429);
    await server.stop();
    removeDir(server.dataDir);

    // Behind a trusted proxy (here: loopback), each client address has its own budget.
    server = await startTestServer({ env: { MAX_FAILED_AUTH_PER_IP: 3, TRUSTED_PROXIES: '127.0.0.1/8, ::1' } });
    for (let i = 0; i < 3; i++) await signin(`guess-${i}`, '203.0.113.9');
    expect((await signin('guess-4', '203.0.113.9')).status).toBe(429);
    expect((await signin('honest-typo', '198.51.100.7')).status).toBe(400);
    // The client is the right-most address the trusted proxies did not add.
    expect((await signin('spoofed-left', '198.51.100.7, 203.0.113.9')).status).toBe(429);
  });

  it('token creation, invitations, imports and exports have rate limits with Retry-After', async () => {
    server = await startTestServer();
    const docId = await server.createDoc();
    const member = await server.addPerson(docId, 'member');
    const tokenStatuses: number[] = [];
    for (let i = 0; i < 25; i++) tokenStatuses.push((await server.api('POST', '/api/tokens', {}, member.token)).status);
    expect(tokenStatuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(tokenStatuses.slice(20)).toEqual([429, 429, 429, 429, 429]);

    const exports: Response[] = [];
    for (let i = 0; i < 125; i++) {
      exports.push(
        await at(`/api/documents/${docId}/export?format=md`, { headers: { authorization: `Bearer ${member.token}` } }),
      );
    }
    expect(exports.filter((r) => r.status === 429).length).toBe(5);
    const limited = exports.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another person's budget is their own.
    expect((await server.api('GET', `/api/documents/${docId}/export?format=md`)).status).toBe(200);

    // Invitations: 200 an hour per person, then 429.
    const chair = await server.addPerson(docId, 'chair');
    const invites: number[] = [];
    for (let i = 0; i < 201; i++) {
      invites.push(
        (await server.api('POST', `/api/documents/${docId}/invites`, { role: 'member' }, chair.token)).status,
      );
    }
    expect(invites.slice(0, 200).every((s) => s === 201)).toBe(true);
    expect(invites[200]).toBe(429);

    // Imports (the secretariat's): 20 per 10 minutes, then 429 with Retry-After.
    const importOnce = () => {
      const form = new FormData();
      form.set('file', new Blob(['# Imported\n\nText.\n'], { type: 'text/markdown' }), 'small.md');
      return at('/api/documents/import', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        body: form,
      });
    };
    const imports: Response[] = [];
    for (let i = 0; i < 21; i++) imports.push(await importOnce());
    expect(imports.slice(0, 20).every((r) => r.status < 300)).toBe(true);
    expect(imports[20]?.status).toBe(429);
    expect(Number(imports[20]?.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 120_000);
});
