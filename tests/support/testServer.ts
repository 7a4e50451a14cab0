import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import type { Clock } from '../../server/ops/clock.js';
import { type RunningServer, startServer } from '../../server/startServer.js';
import type { Role } from '../../shared/governance/roles.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestServer extends RunningServer {
  dataDir: string;
  wsUrl: string;
  /** JSON request as the admin (or with `token`); returns status and parsed body. */
  api<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  createDoc(title?: string): Promise<string>;
  /** A person with a role on a document, and their API token. */
  addPerson(
    docId: string,
    role: Role,
    name?: string,
  ): Promise<{ userId: string; token: string; name: string; affiliation: string }>;
  stop(): Promise<void>;
}

/** A real server on port 0 with its own SQLite file; `dataDir` lets a test restart on the same data. */
export async function startTestServer(
  opts: {
    dataDir?: string;
    env?: Record<string, string | number>;
    logDestination?: DestinationStream;
    /** The server's clock (server/ops/clock.ts); tests of deadlines pass a TestClock. */
    clock?: Clock;
  } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'accord-test-'));
  const server = await startServer(
    {
      PORT: 0,
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_TOKEN,
      LOG_LEVEL: 'silent',
      ROOM_IDLE_MS: 200,
      SQLITE_SYNCHRONOUS: 'NORMAL',
      ...opts.env,
    },
    { logDestination: opts.logDestination, clock: opts.clock },
  );
  const base = `http://127.0.0.1:${server.port}`;
  let people = 0;
  const api: TestServer['api'] = async (method, path, body, token = ADMIN_TOKEN) => {
    const res = await fetch(base + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (exports): keep the text
    }
    return { status: res.status, body: parsed as never };
  };
  return {
    ...server,
    dataDir,
    wsUrl: `ws://127.0.0.1:${server.port}/collab`,
    api,
    async createDoc(title = 'Test draft') {
      const res = await api<{ id: string }>('POST', '/api/documents', { title });
      if (res.status !== 201) throw new Error(`createDoc failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id;
    },
    async addPerson(docId, role, name) {
      const { store } = server.accord;
      // Each person speaks for a delegation of their own (named people included).
      const n = ++people;
      name ??= `Person ${n}`;
      const affiliation = `Delegation ${n}`;
      const p = await store.users.create(name, affiliation);
      await store.memberships.setRole(docId, p.userId, role);
      return { userId: p.userId, token: await store.credentials.issue(p.userId, 'api_token'), name, affiliation };
    },
    async stop() {
      await server.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
