import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';

/**
 * The plain round-robin balancer of `npm run cluster`: every request and every WebSocket upgrade
 * goes to the next node in turn, knowing nothing of documents (ids stay opaque to it; a node that
 * does not own a document forwards it to the owner). A node that refuses the connection (down,
 * restarting) is skipped for that request. Operators use their own balancer (compose.yaml: nginx).
 */
export function roundRobinProxy(targets: readonly string[]): Server {
  if (targets.length === 0) throw new Error('no nodes to balance');
  const proxy = createProxyServer({ xfwd: true, ws: true });
  let next = 0;
  const pick = (tried: Set<string>): string | null => {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(next + i) % targets.length] as string;
      if (!tried.has(target)) {
        next = (next + i + 1) % targets.length;
        return target;
      }
    }
    return null;
  };
  const web = (req: IncomingMessage, res: ServerResponse, tried = new Set<string>()) => {
    const target = pick(tried);
    if (!target) {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('No Accord node is reachable.');
      return;
    }
    tried.add(target);
    proxy.web(req, res, { target }, (err: Error & { code?: string }) => {
      // Only a refused connection is retried elsewhere: the request never reached a node.
      if (err.code === 'ECONNREFUSED' && !res.headersSent) web(req, res, tried);
      else if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('Bad gateway.');
      } else res.destroy();
    });
  };
  const ws = (req: IncomingMessage, socket: Duplex, head: Buffer, tried = new Set<string>()) => {
    const target = pick(tried);
    if (!target) {
      socket.destroy();
      return;
    }
    tried.add(target);
    proxy.ws(req, socket, head, { target }, (err: Error & { code?: string }) => {
      if (err.code === 'ECONNREFUSED' && !socket.destroyed) ws(req, socket, head, tried);
      else socket.destroy();
    });
  };
  const server = createServer((req, res) => web(req, res));
  server.on('upgrade', (req, socket, head) => ws(req, socket, head));
  server.on('close', () => proxy.close());
  return server;
}
