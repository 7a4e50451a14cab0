import type { AddressInfo } from 'node:net';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { serveStats } from './childStats.js';

/** The reference y-websocket server (in memory, stores nothing). */
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
wss.on('connection', (conn, req) => {
  const docName = (req.url ?? '/').slice(1).split('?')[0] ?? '';
  setupWSConnection(conn, req, { docName, gc: true });
});
wss.on('listening', () => serveStats((wss.address() as AddressInfo).port));
