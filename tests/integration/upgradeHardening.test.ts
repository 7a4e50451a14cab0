import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncUpdate } from '../../shared/protocol/frames.js';
import { spawnServer } from '../support/childServer.js';
import { clauseString, clauseText } from '../support/draftPaths.js';
import { RawClient } from '../support/rawClient.js';
import { rawRequest, upgradeRequest } from '../support/rawHttp.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

describe('nothing on the upgrade path can take the process down', () => {
  it('a malformed percent-encoded session cookie is answered, and the process keeps serving', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'accord-cookie-'));
    const server = await spawnServer(dataDir);
    try {
      const status = await rawRequest(
        server.port,
        upgradeRequest('/collab/some-document', ['Cookie: accord_session=%E0%A4%A']),
      );
      expect([400, 401]).toContain(status);
      const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      expect(health.status).toBe(200);
      expect(server.child.exitCode).toBeNull();
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  }, 60_000);

  it('an uncaught exception is logged as one fatal JSON line before the process exits', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'accord-crash-'));
    const server = await spawnServer(dataDir, {}, [join(import.meta.dirname, '../support/crashOnSignal.ts')]);
    try {
      server.child.kill('SIGUSR2');
      const code = await server.exited;
      expect(code).not.toBe(0);
      const fatal = server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message?: string } })
        .filter((l) => l.level === 60);
      expect(fatal).toHaveLength(1);
      expect(fatal[0]?.err?.message).toBe('simulated crash for the fatal-log test');
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  }, 60_000);
});

describe('fuzzing the upgrade path', () => {
  let server: TestServer;
  let docId: string;

  beforeAll(async () => {
    // A high failure budget so that the fuzz reaches the cookie and token parsing instead of the 429.
    server = await startTestServer({ env: { MAX_FAILED_AUTH_PER_IP: 1_000_000 } });
    docId = await server.createDoc();
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('answers 10,000 garbled upgrade requests and still serves a real client afterwards', async () => {
    const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
    console.log(`upgrade fuzz: FUZZ_SEED=${seed} FUZZ_RUNS=${runs}`);
    const requests = fc.sample(garbledUpgrade(docId), { seed, numRuns: runs });
    const statuses = new Map<number | null, number>();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const req = requests[next++] as string;
        const status = await rawRequest(server.port, Buffer.from(req, 'latin1'), 10_000);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === null && process.env.FUZZ_DEBUG) console.log(JSON.stringify(req));
      }
    };
    await Promise.all(Array.from({ length: 24 }, worker));
    console.log('upgrade fuzz statuses:', Object.fromEntries(statuses));

    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(runs);
    // No request is a server error; each gets an answer (a 4xx, or 101 when it happened to be valid).
    expect([...statuses.keys()].filter((s) => s !== null && s >= 500)).toEqual([]);
    expect(statuses.get(null) ?? 0).toBe(0);

    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(health.status).toBe(200);
    // The fuzz's requests with the admin token are real upgrades and may spend the admin's
    // per-person upgrade budget (a 429 is correct then); the process must still serve everyone else.
    const member = await server.addPerson(docId, 'member', 'Member after the fuzz');
    const url = `${server.wsUrl}/${docId}?token=${member.token}`;
    const a = await RawClient.synced(url);
    const b = await RawClient.synced(url);
    const before = Y.encodeStateVector(a.doc);
    clauseText(a.doc).insert(0, 'after the fuzz');
    a.send(encodeSyncUpdate(Y.encodeStateAsUpdate(a.doc, before)));
    await b.until(() => clauseString(b.doc) === 'after the fuzz', 'the edit to reach another client');
    a.close();
    b.close();
  }, 240_000);
});

/** Upgrade requests with broken pieces: percent-encoding, paths, queries, cookies, origins, headers, bytes. */
function garbledUpgrade(docId: string): fc.Arbitrary<string> {
  const junkChar = fc.constantFrom(
    ...'aZ09=;%,/?&#[]:@!$\'()*+ \t"\\<>{}|^`~-_.é€\u0000\u00ff\u0085'.split(''),
    '%E0%A4%A',
    '%',
    '%ZZ',
    '%C0%AF',
    '%00',
    '%FF%FE',
    '%u0041',
    '%%',
    '%25',
    '%E0%A4',
    '\u2028',
  );
  const junk = fc.string({ unit: junkChar, maxLength: 30 });
  const token = fc.oneof(
    junk,
    fc.constant(ADMIN_TOKEN),
    fc.constant(''),
    fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), maxLength: 64 }),
  );
  const doc = fc.oneof(fc.constant(docId), junk, fc.constant('a'.repeat(200)), fc.constant('..%2F..'));
  const path = fc.oneof(
    fc.tuple(doc, fc.option(junk, { nil: undefined })).map(([d, q]) => `/collab/${d}${q === undefined ? '' : `?${q}`}`),
    fc.tuple(doc, token).map(([d, t]) => `/collab/${d}?token=${t}`),
    fc.tuple(doc, token, junk).map(([d, t, j]) => `/collab/${d}?token=${t}&token=${j}&${j}`),
    fc.constantFrom('/', '*', '//collab//x', 'http://[', 'http://x:99999/collab/a', '/collab', '/collab/', '/%', '/?%'),
    junk.map((j) => `/${j}`),
  );
  const cookie = fc.oneof(
    token.map((t) => `Cookie: accord_session=${t}`),
    fc.tuple(junk, junk).map(([a, b]) => `Cookie: ${a}=${b}; accord_session=${b}`),
    junk.map((j) => `Cookie: ${j}`),
    fc.constant('Cookie: accord_session="%E0%A4%A"; accord_session=%FF'),
    fc.constant('Cookie: accord_session'),
  );
  const header = fc.oneof(
    cookie,
    junk.map((j) => `Origin: ${j}`),
    fc.constantFrom('Origin: null', 'Origin: http://[::1', 'Origin: http://localhost:1', 'Origin: '),
    junk.map((j) => `X-Forwarded-For: ${j}`),
    junk.map((j) => `Sec-WebSocket-Key: ${j}`),
    junk.map((j) => `Sec-WebSocket-Version: ${j}`),
    junk.map((j) => `Sec-WebSocket-Protocol: ${j}`),
    junk.map((j) => `Sec-WebSocket-Extensions: ${j}`),
    fc.tuple(junk, junk).map(([k, v]) => `${k}: ${v}`),
    junk.map((j) => `Host: ${j}`),
  );
  const method = fc.constantFrom('GET', 'GET', 'GET', 'POST', 'get', 'G\u00e9T', 'CONNECT');
  const base = fc
    .tuple(method, path, fc.array(header, { maxLength: 6 }), fc.boolean(), fc.boolean())
    .map(([m, p, hs, upgrade, version]) =>
      [
        `${m} ${p} HTTP/1.1`,
        'Host: 127.0.0.1',
        upgrade ? 'Connection: Upgrade' : 'Connection: keep-alive, Upgrade',
        'Upgrade: websocket',
        version ? 'Sec-WebSocket-Version: 13' : 'Sec-WebSocket-Version: 8',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        ...hs,
        '',
        '',
      ].join('\r\n'),
    );
  // Now and then, bytes flipped anywhere in an otherwise plausible request.
  return fc.oneof(
    { weight: 9, arbitrary: base },
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.nat(), fc.integer({ min: 0, max: 255 }))
        .map(([r, at, byte]) => r.slice(0, at % r.length) + String.fromCharCode(byte) + r.slice((at % r.length) + 1)),
    },
  );
}
