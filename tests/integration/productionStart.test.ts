import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeDir } from '../support/testServer.js';

const DIST = new URL('../../dist/server/', import.meta.url);
const script = (name: string) => new URL(name, DIST).pathname;

interface Run {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

/** Starts a compiled entry point with plain `node` (what `npm run serve`, `backup`, `admin-link` run). */
function run(name: string, args: string[], env: Record<string, string>): Run {
  if (!existsSync(script(name))) throw new Error(`dist/server/${name} is missing: run \`npm run build\``);
  const { ADMIN_TOKEN: _, PUBLIC_URL: __, ...inherited } = process.env;
  const child = spawn(process.execPath, [script(name), ...args], {
    env: { ...inherited, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, exited };
}

async function waitFor(r: Run, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  const start = Date.now();
  for (;;) {
    const m = pattern.exec(r.out());
    if (m) return m;
    if (r.child.exitCode !== null) throw new Error(`exited (${r.child.exitCode}) before ${what}:\n${r.out()}`);
    if (Date.now() - start > 20_000) throw new Error(`timed out waiting for ${what}:\n${r.out()}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

/** Signs in through a one-time link as a browser does (open the page, press Sign in); returns the session cookie. */
async function redeem(link: string): Promise<string> {
  const { origin, pathname } = new URL(link);
  expect((await fetch(link)).status).toBe(200);
  const res = await fetch(`${origin}/api/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ token: pathname.replace('/signin/', '') }),
  });
  expect(res.status).toBe(200);
  const cookie = /accord_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

const jsonLines = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: number; msg: string });

describe('the compiled server (npm run serve / npm start) and its commands', () => {
  const dirs: string[] = [];
  const runs: Run[] = [];
  const dataDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'accord-prod-'));
    dirs.push(d);
    return d;
  };
  const start = (name: string, args: string[], env: Record<string, string>) => {
    const r = run(name, args, env);
    runs.push(r);
    return r;
  };
  afterEach(() => {
    for (const r of runs.splice(0)) if (r.child.exitCode === null) r.child.kill('SIGKILL');
    for (const d of dirs.splice(0)) removeDir(d);
  });

  it('serves without the demo, prints the admin link to the console only, and stops cleanly', async () => {
    const dir = dataDir();
    const server = start('main.js', [], { PORT: '0', DATA_DIR: dir });
    const url = (await waitFor(server, /Accord is running at (http:\/\/localhost:\d+)/, 'the banner'))[1] as string;
    const link = (await waitFor(server, /sign-in link:\n {2}(\S+)/, 'the admin link'))[1] as string;
    expect(link.startsWith(`${url}/signin/`)).toBe(true);
    expect(server.out()).not.toContain('Demo draft');
    // The JSON log stream never holds the link.
    const token = link.split('/').pop() as string;
    const cookie = await redeem(link);
    const docs = await fetch(`${url}/api/documents`, { headers: { cookie } });
    expect(await docs.json()).toEqual({ documents: [] });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    // `npm run admin-link` while the server runs: a new link that works on the running server.
    const cmd = start('adminLinkCommand.js', [], { DATA_DIR: dir, PUBLIC_URL: url });
    expect(await cmd.exited).toBe(0);
    const second = /\n {2}(\S+\/signin\/\S+)/.exec(cmd.out())?.[1] ?? '';
    const me = await fetch(`${url}/api/me`, { headers: { cookie: await redeem(second) } });
    expect(((await me.json()) as { user: { isAdmin: boolean } }).user.isAdmin).toBe(true);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const logs = jsonLines(server.out());
    expect(logs.some((l) => l.msg === 'request')).toBe(true);
    for (const l of server
      .out()
      .split('\n')
      .filter((line) => line.startsWith('{'))) {
      expect(l).not.toContain(token);
      expect(l).not.toContain(second.split('/').pop());
    }
  });

  it('adds the demo draft and a link per role with --demo (npm start)', async () => {
    const server = start('main.js', ['--demo'], { PORT: '0', DATA_DIR: dataDir() });
    await waitFor(server, /observer .*\n\s+(\S+)/, 'the demo links');
    const links = [...server.out().matchAll(/^\s+(http:\/\/\S+\/signin\/\S+)$/gm)].map((m) => m[1] as string);
    expect(links).toHaveLength(5); // admin, chair, two members (the speaker queue), observer
    const cookie = await redeem(links[1] as string);
    const url = new URL(links[1] as string).origin;
    const docs = (await (await fetch(`${url}/api/documents`, { headers: { cookie } })).json()) as {
      documents: Array<{ id: string; role: string }>;
    };
    expect(docs.documents).toEqual([expect.objectContaining({ id: 'demo', role: 'chair' })]);
    // Exports run on the worker pool: its entry (dist/server/heavyTasks.js) is found from the bundle.
    const pdf = await fetch(`${url}/api/documents/demo/export?format=pdf`, { headers: { cookie } });
    expect(pdf.status).toBe(200);
    expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).subarray(0, 5))).toBe('%PDF-');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
