import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clauseString, clauseText } from '../support/draftPaths.js';
import { connectProvider, eventually, synced } from '../support/providers.js';
import { ADMIN_TOKEN, removeDir } from '../support/testServer.js';

/** Starts server/main.ts as a real child process and resolves once it listens. */
function spawnServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_TOKEN,
      LOG_LEVEL: 'info',
      SQLITE_SYNCHRONOUS: 'FULL',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('server did not start')), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('Accord is listening')) {
        clearTimeout(t);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
}

describe('crash safety', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children) c.kill('SIGKILL');
  });

  it('an edit a second client has received survives SIGKILL of the server', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'accord-kill-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const first = await spawnServer(dataDir, port);
    children.push(first);
    const base = `http://127.0.0.1:${port}`;
    const res = await fetch(`${base}/api/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Kill test' }),
    });
    const { id } = (await res.json()) as { id: string };
    const ws = `ws://127.0.0.1:${port}/collab`;
    const writer = connectProvider(ws, id, ADMIN_TOKEN);
    const reader = connectProvider(ws, id, ADMIN_TOKEN);
    await Promise.all([synced(writer), synced(reader)]);

    for (let i = 0; i < 20; i++) clauseText(writer.doc).insert(clauseString(writer.doc).length, `w${i} `);
    clauseText(writer.doc).insert(0, 'SEEN-BY-READER ');
    await eventually(() => clauseString(reader.doc).startsWith('SEEN-BY-READER '), 5000, 'reader to see');
    first.kill('SIGKILL');
    writer.destroy();
    reader.destroy();
    await new Promise((r) => first.once('exit', r));

    const second = await spawnServer(dataDir, port);
    children.push(second);
    const fresh = connectProvider(ws, id, ADMIN_TOKEN);
    await synced(fresh);
    expect(clauseString(fresh.doc)).toMatch(/^SEEN-BY-READER w0 w1 .* w19 $/);
    fresh.destroy();
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));
    removeDir(dataDir);
  }, 60_000);
});
