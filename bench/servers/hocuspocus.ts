import { Server } from '@hocuspocus/server';
import { serveStats } from './childStats.js';

/** Hocuspocus 3.4, in memory (no persistence extension). */
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
await server.listen();
serveStats(server.address.port);
