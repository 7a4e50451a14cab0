import { connect } from 'node:net';

/**
 * Sends raw bytes to a server over TCP and resolves with the status code of the
 * first response line, or null if the connection closed (or timed out) without
 * one. The socket is destroyed afterwards, also when the server upgraded it.
 */
export function rawRequest(port: number, bytes: string | Uint8Array, timeoutMs = 5000): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    let settled = false;
    const done = (status: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(status);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (d: Buffer) => {
      received += d.toString('latin1');
      const line = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      if (line) done(Number(line[1]));
      else if (received.includes('\r\n')) done(null);
    });
    socket.on('error', () => done(null));
    socket.on('close', () => done(null));
  });
}

/** A WebSocket upgrade request as a browser would send it, with the given path and extra header lines. */
export function upgradeRequest(path: string, headers: string[] = []): string {
  return [
    `GET ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    ...headers,
    '',
    '',
  ].join('\r\n');
}
