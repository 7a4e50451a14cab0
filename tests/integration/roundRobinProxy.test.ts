import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { roundRobinProxy } from '../../server/cluster/roundRobinProxy.js';

/** The balancer of `npm run cluster`, in front of stand-in nodes that say who they are. */
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});
const listen = (server: Server) =>
  new Promise<string>((resolve) => {
    servers.push(server);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });

async function standInNode(name: string): Promise<string> {
  const server = createServer((req, res) => res.end(`${name} ${req.headers['x-forwarded-for'] ?? ''}`));
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket) => socket.on('message', (m) => socket.send(`${name}:${m.toString()}`)));
  server.on('close', () => wss.close());
  return listen(server);
}
const deadTarget = async () => {
  const s = createServer();
  const url = await listen(s);
  await new Promise((r) => s.close(r));
  servers.splice(servers.indexOf(s), 1);
  return url;
};

describe('the round-robin proxy of npm run cluster', () => {
  it('takes turns between nodes for requests and WebSockets, and says who the client is', async () => {
    const nodes = [await standInNode('n1'), await standInNode('n2'), await standInNode('n3')];
    const proxy = await listen(roundRobinProxy(nodes));
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await (await fetch(`${proxy}/x`)).text());
    expect(answers.map((a) => a.split(' ')[0])).toEqual(['n1', 'n2', 'n3', 'n1', 'n2', 'n3']);
    expect(answers[0]).toContain('127.0.0.1');

    const echoes = await Promise.all(
      [0, 1, 2].map(
        () =>
          new Promise<string>((resolve, reject) => {
            const ws = new WebSocket(proxy.replace('http', 'ws'));
            ws.on('open', () => ws.send('hello'));
            ws.on('message', (m) => {
              resolve(m.toString());
              ws.close();
            });
            ws.on('error', reject);
          }),
      ),
    );
    expect(echoes.sort()).toEqual(['n1:hello', 'n2:hello', 'n3:hello']);
  });

  it('skips a node that refuses connections, and answers 502 when none is up', async () => {
    const up = await standInNode('up');
    const down = await deadTarget();
    const proxy = await listen(roundRobinProxy([down, up]));
    for (let i = 0; i < 4; i++) expect(await (await fetch(`${proxy}/`)).text()).toMatch(/^up /);
    const nobody = await listen(roundRobinProxy([await deadTarget()]));
    const res = await fetch(`${nobody}/`);
    expect(res.status).toBe(502);
  });
});
