import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauseById, firstSection, newClause, sendEdit, textOf } from '../support/editing.js';
import { RawClient } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/** One sample line of the Prometheus text format: name{labels} value. */
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\})? (\S+)$/;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses an exposition strictly: every line is a comment (# HELP/# TYPE) or a sample; anything else fails. */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  const typed = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('# HELP ')) continue;
    if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      expect(['counter', 'gauge', 'histogram', 'summary', 'untyped']).toContain(type);
      typed.add(name as string);
      continue;
    }
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').slice(1, -1).matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[l[1] as string] = l[2] as string;
    }
    const name = m[1] as string;
    const family = name.replace(/_(bucket|sum|count)$/, '');
    if (!typed.has(name) && !typed.has(family)) throw new Error(`sample without a # TYPE line: ${line}`);
    const value = Number(m[3] === '+Inf' ? Number.POSITIVE_INFINITY : m[3]);
    expect(Number.isNaN(value), line).toBe(false);
    samples.push({ name, labels, value });
  }
  return samples;
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

describe('operations: metrics, readiness and request logs', () => {
  let server: TestServer;
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });

  beforeAll(async () => {
    server = await startTestServer({ env: { LOG_LEVEL: 'debug' }, logDestination: logStream });
  });
  afterAll(async () => {
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('counts connections, rooms, accepted and refused updates, flushes and exports in /metrics', async () => {
    const docId = await server.createDoc('Metrics');
    const observer = await server.addPerson(docId, 'observer');
    const chair = await RawClient.synced(`${server.wsUrl}/${docId}?token=${ADMIN_TOKEN}`);
    const watcher = await RawClient.synced(`${server.wsUrl}/${docId}?token=${observer.token}`);
    try {
      sendEdit(chair, () => firstSection(chair.doc).insert(1, [newClause('p-1', 'Text one.')]));
      sendEdit(chair, () => textOf(clauseById(chair.doc, 'p-1')).insert(0, 'More. '));
      await watcher.until(() => watcher.doc.getXmlFragment('default').toString().includes('More.'), 'the edits');
      // An observer's write is refused (read_only).
      sendEdit(watcher, () => firstSection(watcher.doc).insert(1, [newClause('p-2', 'Not allowed.')]));
      await watcher.until(() => watcher.notices.length > 0, 'the refusal');
      expect((await server.api('GET', `/api/documents/${docId}/export?format=md`)).status).toBe(200);
      expect((await server.api('GET', `/api/documents/${docId}/export?format=pdf`)).status).toBe(200);
      expect((await server.api('GET', `/api/documents/${docId}/export?format=nonsense`)).status).toBe(400);

      const res = await fetch(`${server.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
      const samples = parseExposition(await res.text());
      expect(value(samples, 'accord_connections')).toBe(2);
      expect(value(samples, 'accord_rooms')).toBeGreaterThanOrEqual(1);
      expect(value(samples, 'accord_updates_total', { result: 'accepted' })).toBeGreaterThanOrEqual(2);
      expect(value(samples, 'accord_updates_total', { result: 'refused', reason: 'read_only' })).toBe(1);
      expect(value(samples, 'accord_store_seconds_count', { operation: 'append' })).toBeGreaterThanOrEqual(2);
      expect(value(samples, 'accord_store_seconds_bucket', { operation: 'append', le: '+Inf' })).toBe(
        value(samples, 'accord_store_seconds_count', { operation: 'append' }),
      );
      expect(value(samples, 'accord_export_seconds_count', { kind: 'export', format: 'pdf', status: '200' })).toBe(1);
      expect(value(samples, 'accord_export_seconds_count', { kind: 'export', format: 'md', status: '200' })).toBe(1);
      // A made-up format does not become a label value of its own.
      expect(value(samples, 'accord_export_seconds_count', { kind: 'export', format: 'other', status: '400' })).toBe(1);
      expect(samples.some((s) => s.name === 'accord_export_seconds_count' && s.labels.format === 'nonsense')).toBe(
        false,
      );
      // Every HTTP request is timed by route pattern; no document id becomes a label value.
      expect(
        value(samples, 'accord_http_request_seconds_count', {
          method: 'GET',
          route: '/api/documents/:id/export',
          status: '200',
        }),
      ).toBe(2);
      expect(samples.filter((s) => Object.values(s.labels).some((v) => v.includes(docId)))).toEqual([]);
      expect(samples.some((s) => s.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
      expect(samples.some((s) => s.name === 'nodejs_eventloop_lag_p99_seconds')).toBe(true);
    } finally {
      chair.close();
      watcher.close();
    }
  });

  it('asks for the bearer token on /metrics when METRICS_TOKEN is set', async () => {
    const guarded = await startTestServer({ env: { METRICS_TOKEN: 'metrics-secret-0123456789' } });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
      const wrong = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer metrics-secret-x' } });
      expect(wrong.status).toBe(401);
      const ok = await fetch(`${guarded.url}/metrics`, {
        headers: { authorization: 'Bearer metrics-secret-0123456789' },
      });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('accord_rooms');
    } finally {
      await guarded.stop();
      removeDir(guarded.dataDir);
    }
  });

  it('is ready while the store answers, and not once it cannot or the server is stopping', async () => {
    const other = await startTestServer();
    try {
      const ok = await fetch(`${other.url}/readyz`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ ready: true });
      other.accord.db.close();
      const broken = await fetch(`${other.url}/readyz`);
      expect(broken.status).toBe(503);
      expect(((await broken.json()) as { reason: string }).reason).toMatch(/^store unavailable/);
      // Liveness is not readiness: the process still answers.
      expect((await fetch(`${other.url}/healthz`)).status).toBe(200);
    } finally {
      await other.stop().catch(() => undefined);
      removeDir(other.dataDir);
    }
  });

  it('logs one JSON line per request, with no secret in it', async () => {
    const docId = await server.createDoc('Logged');
    const member = await server.addPerson(docId, 'member');
    const invite = await server.api<{ token: string }>('POST', `/api/documents/${docId}/invites`, { role: 'member' });
    const signin = await server.accord.store.credentials.issue(member.userId, 'signin_link');
    await fetch(`${server.url}/api/invites/${invite.body.token}`);
    await fetch(`${server.url}/invite/${invite.body.token}`);
    await fetch(`${server.url}/signin/${signin}`);
    const redeemed = await fetch(`${server.url}/api/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.accord.services.config.PUBLIC_URL },
      body: JSON.stringify({ token: signin }),
    });
    const cookie = redeemed.headers.get('set-cookie') ?? '';
    const session = /accord_session=([^;]+)/.exec(cookie)?.[1] ?? '';
    await fetch(`${server.url}/api/me`, { headers: { cookie: `accord_session=${session}` } });
    await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${member.token}` } });
    await fetch(`${server.url}/api/documents?token=${member.token}`);
    const ws = await RawClient.synced(`${server.wsUrl}/${docId}?token=${member.token}`);
    ws.close();

    const secrets = [invite.body.token, signin, member.token, ADMIN_TOKEN, session].filter((s) => s.length > 0);
    expect(secrets.length).toBe(5);
    const lines = logLines.map((l) => JSON.parse(l) as { req?: { method: string; path: string }; res?: unknown });
    for (const line of logLines) for (const secret of secrets) expect(line).not.toContain(secret);
    const requests = lines.filter((l) => l.req && l.res);
    const paths = requests.map((l) => `${l.req?.method} ${l.req?.path}`);
    expect(paths).toContain('GET /signin/[redacted]');
    expect(paths).toContain('GET /api/invites/[redacted]');
    expect(paths).toContain('GET /invite/[redacted]');
    expect(paths).toContain('GET /api/me');
    const me = requests.find((l) => l.req?.path === '/api/me') as { res: { status: number }; responseTime: number };
    expect(me.res.status).toBe(200);
    expect(typeof me.responseTime).toBe('number');
  });
});
