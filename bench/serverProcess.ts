import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChildStats, StatsRequest } from './servers/childStats.js';
import type { Flavor } from './wireProtocol.js';

/** The installed version of a peer, for the column heading. */
function version(pkg: string): string {
  try {
    const file = new URL(`../node_modules/${pkg}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

export const BENCH_TOKEN = 'bench-admin-token-0123456789abcdef';

export interface ServerKind {
  name: string;
  file: string;
  flavor: Flavor;
  env?: Record<string, string>;
  /** WebSocket URL of a room. */
  url(port: number, room: string): string;
  /** Rooms that must exist before clients join (Accord: documents are created through the API). */
  createRooms?(port: number, count: number, prefix: string): Promise<string[]>;
  /** Keeps its data in BENCH_DATA_DIR, so a restarted process still has the rooms created before. */
  durable?: boolean;
}

async function createAccordDocs(port: number, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  const one = async (i: number) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: `${prefix} ${i}` }),
    });
    if (res.status !== 201) throw new Error(`create document: ${res.status} ${await res.text()}`);
    ids[i] = ((await res.json()) as { id: string }).id;
  };
  for (let i = 0; i < count; i += 20)
    await Promise.all(Array.from({ length: Math.min(20, count - i) }, (_, k) => one(i + k)));
  return ids;
}

export const servers: ServerKind[] = [
  {
    name: 'Accord (SQLite, synchronous=FULL)',
    file: 'accord.ts',
    flavor: 'plain',
    url: (port, room) => `ws://127.0.0.1:${port}/collab/${room}?token=${BENCH_TOKEN}`,
    createRooms: createAccordDocs,
    durable: true,
  },
  {
    name: 'Accord (SQLite, synchronous=NORMAL)',
    file: 'accord.ts',
    env: { BENCH_SQLITE_SYNCHRONOUS: 'NORMAL' },
    flavor: 'plain',
    url: (port, room) => `ws://127.0.0.1:${port}/collab/${room}?token=${BENCH_TOKEN}`,
    createRooms: createAccordDocs,
    durable: true,
  },
  {
    name: `y-websocket-server ${version('@y/websocket-server')}`,
    file: 'yWebsocket.ts',
    flavor: 'plain',
    url: (port, room) => `ws://127.0.0.1:${port}/${room}`,
  },
  {
    name: `Hocuspocus ${version('@hocuspocus/server')}`,
    file: 'hocuspocus.ts',
    flavor: 'hocuspocus',
    url: (port) => `ws://127.0.0.1:${port}/`,
  },
];

/** A server in its own process, so its CPU time and memory are its own. */
export class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static start(kind: ServerKind, env: Record<string, string> = {}): Promise<ServerProcess> {
    const file = fileURLToPath(new URL(`./servers/${kind.file}`, import.meta.url));
    const child = fork(file, [], {
      execArgv: [
        '--import',
        'tsx',
        '--expose-gc',
        ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...kind.env, ...env },
    });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`${kind.name} exited with ${code}`)));
      child.on('message', (m: { port?: number }) => {
        if (typeof m.port === 'number') resolve(new ServerProcess(child, m.port));
      });
    });
  }

  /** The child's CPU time and memory; `gc` collects first, `resetPeak` starts a new phase's peak RSS. */
  stats(opts: Omit<StatsRequest, 'stats'> = {}): Promise<ChildStats> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.child.off('message', on);
        this.child.off('exit', exited);
      };
      const on = (m: { stats?: ChildStats }) => {
        if (m.stats) {
          done();
          resolve(m.stats);
        }
      };
      const exited = () => {
        done();
        reject(new Error('the server process exited'));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error('the server process did not answer a stats request within 30 s'));
      }, 30_000);
      this.child.on('message', on);
      this.child.on('exit', exited);
      const req: StatsRequest = { stats: true, ...opts };
      this.child.send(req);
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.child.removeAllListeners('exit');
      this.child.once('exit', () => resolve());
      this.child.send('exit');
      setTimeout(() => this.child.kill('SIGKILL'), 3000).unref();
    });
  }
}
