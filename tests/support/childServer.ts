import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { ADMIN_TOKEN } from './testServer.js';

export interface ChildServer {
  child: ChildProcess;
  port: number;
  /** Everything the process wrote to stdout so far (pino JSON lines and the banner). */
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** A free TCP port on loopback (the child must know its port to build PUBLIC_URL). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Starts server/main.ts as a real child process (as `npm start` does) and resolves once it listens. */
export async function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
  preload: string[] = [],
): Promise<ChildServer> {
  const port = await freePort();
  const imports = preload.flatMap((p) => ['--import', p]);
  const child = spawn(process.execPath, ['--import', 'tsx', ...imports, 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ADMIN_TOKEN, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const poll = setInterval(() => {
      if (out.includes('Accord is listening')) {
        clearInterval(poll);
        clearTimeout(t);
        resolve();
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(t);
      reject(new Error(`server exited early with ${code}:\n${out}`));
    });
  });
  return {
    child,
    port,
    output: () => out,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
