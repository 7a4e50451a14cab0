import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { Principal } from '../../shared/governance/roles.js';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import type { Config } from '../config.js';
import { SESSION_COOKIE } from '../http/context.js';
import type { Accounts } from '../store/accounts.js';
import { Connection } from './connection.js';
import { originAllowed } from './originPolicy.js';
import type { Room } from './room.js';
import type { RoomManager } from './roomManager.js';

const PATH = /^\/collab\/([A-Za-z0-9_-]{1,128})$/;

/**
 * Authenticates a WebSocket upgrade on /collab/:documentId before any
 * WebSocket exists: Origin (against PUBLIC_URL), credentials (session cookie,
 * or ?token= for non-browser clients), membership. Refusals are plain HTTP
 * answers (401/403/429) and say nothing about whether the document exists.
 * One connection is one room: the document is fixed by the URL.
 */
export class CollabUpgrade {
  private readonly wss: WebSocketServer;
  private readonly attemptsByIp = new Map<string, { windowStart: number; count: number }>();
  private readonly connectionsByUser = new Map<string, number>();
  private readonly bytesByUser = new Map<string, { windowStart: number; bytes: number }>();
  readonly sockets = new Set<WebSocket>();

  constructor(
    private readonly config: Config,
    private readonly accounts: Accounts,
    private readonly rooms: RoomManager,
    private readonly log: Logger,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: config.MAX_MESSAGE_BYTES, perMessageDeflate: false });
  }

  handle(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = PATH.exec(url.pathname);
    if (!match) {
      refuse(socket, 404, 'Not Found');
      return;
    }
    const docId = match[1] as string;
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (!this.admitAttempt(ip)) {
      refuse(socket, 429, 'Too Many Requests');
      return;
    }

    const origin = req.headers.origin;
    if (!originAllowed(origin, this.config.PUBLIC_URL)) {
      this.log.warn({ ip, origin, docId }, 'websocket upgrade from a foreign origin refused');
      refuse(socket, 403, 'Forbidden');
      return;
    }
    const secret = url.searchParams.get('token') ?? cookie(req.headers.cookie, SESSION_COOKIE);
    const principal = secret ? this.accounts.authenticate(secret) : null;
    if (!principal) {
      refuse(socket, 401, 'Unauthorized');
      return;
    }
    const role = this.accounts.roleOn(docId, principal);
    if (!role) {
      refuse(socket, 403, 'Forbidden');
      return;
    }
    if ((this.connectionsByUser.get(principal.userId) ?? 0) >= this.config.MAX_CONNECTIONS_PER_USER) {
      refuse(socket, 429, 'Too Many Requests');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, principal, role, docId));
  }

  private open(ws: WebSocket, principal: Principal, role: Connection['role'], docId: string): void {
    this.sockets.add(ws);
    this.connectionsByUser.set(principal.userId, (this.connectionsByUser.get(principal.userId) ?? 0) + 1);
    const conn = new Connection(
      {
        send: (data) => {
          if (ws.readyState === WebSocket.OPEN) ws.send(data, { binary: true });
        },
        close: (code, reason) => ws.close(code, reason),
      },
      principal,
      role,
      docId,
      this.config.MAX_MESSAGES_PER_SECOND,
    );
    const log = this.log.child({ room: docId, conn: conn.id, user: principal.userId });
    log.debug({ role }, 'connected');
    // Frames that arrive while the room loads wait here, in order.
    let room: Room | null = null;
    const early: Uint8Array[] = [];
    let closed = false;

    ws.on('message', (data: RawData, isBinary: boolean) => {
      const now = Date.now();
      if (!isBinary) return ws.close(CloseCode.badMessage, 'text frames are not part of the protocol');
      const bytes = toBytes(data);
      if (!conn.admitMessage(now) || !this.admitBytes(principal.userId, bytes.byteLength, now)) {
        log.warn('rate limit exceeded; closing');
        return ws.close(CloseCode.rateLimited, 'too many messages; slow down and reconnect');
      }
      if (room) room.receive(conn, bytes);
      else early.push(bytes);
    });
    ws.on('close', () => {
      closed = true;
      this.sockets.delete(ws);
      const n = (this.connectionsByUser.get(principal.userId) ?? 1) - 1;
      if (n > 0) this.connectionsByUser.set(principal.userId, n);
      else this.connectionsByUser.delete(principal.userId);
      if (room) this.rooms.leave(room, conn);
      log.debug('disconnected');
    });
    ws.on('error', (err) => log.warn({ err: err.message }, 'socket error'));

    this.rooms.join(conn).then(
      (joined) => {
        if (closed) return this.rooms.leave(joined, conn);
        room = joined;
        for (const frame of early.splice(0)) joined.receive(conn, frame);
      },
      (err: unknown) => {
        log.error({ err }, 'could not load the room');
        ws.close(CloseCode.internalError, 'could not load the document');
      },
    );
  }

  private admitAttempt(ip: string): boolean {
    const now = Date.now();
    const a = this.attemptsByIp.get(ip);
    if (!a || now - a.windowStart > 10_000) {
      if (this.attemptsByIp.size > 10_000) this.attemptsByIp.clear(); // bounded memory under a spray of IPs
      this.attemptsByIp.set(ip, { windowStart: now, count: 1 });
      return true;
    }
    return ++a.count <= this.config.MAX_UPGRADES_PER_IP;
  }

  private admitBytes(userId: string, bytes: number, now: number): boolean {
    let w = this.bytesByUser.get(userId);
    if (!w || now - w.windowStart >= 1000) this.bytesByUser.set(userId, (w = { windowStart: now, bytes: 0 }));
    w.bytes += bytes;
    return w.bytes <= this.config.MAX_BYTES_PER_SECOND_PER_USER;
  }

  /** Closes every socket (after the rooms have stored their state). */
  closeAll(code: number, reason: string): void {
    for (const ws of this.sockets) ws.close(code, reason);
    this.wss.close();
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function cookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}
