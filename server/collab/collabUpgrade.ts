import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { parse as parseCookie } from 'hono/utils/cookie';
import type { Logger } from 'pino';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { Delegation } from '../../shared/model/delegation.js';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import { MessageType } from '../../shared/protocol/messageTypes.js';
import type { AccessChanges } from '../auth/accessChanges.js';
import { type Limits, RateLimited } from '../auth/limits.js';
import type { Config } from '../config.js';
import type { ClientAddress } from '../http/clientAddress.js';
import { SESSION_COOKIE } from '../http/context.js';
import type { CredentialCheck } from '../store/accountRecords.js';
import { screenPrincipal } from '../store/repos/screenLinkRepo.js';
import type { StoreRepos } from '../store/repos/storeRepos.js';
import { Connection } from './connection.js';
import { LiveSockets } from './liveSockets.js';
import { originAllowed } from './originPolicy.js';
import type { Room } from './room.js';
import type { RoomManager } from './roomManager.js';
import { RoomOwnedElsewhere } from './roomOwnership.js';
import { UserBudgets } from './userBudgets.js';

const PATH = /^\/collab\/([A-Za-z0-9_-]{1,128})$/;

/**
 * Authenticates a WebSocket upgrade on /collab/:documentId before any
 * WebSocket exists: the client address's failed-credential budget, Origin
 * (against PUBLIC_URL), credentials (session cookie, or ?token= for non-browser
 * clients), membership, the person's upgrade and connection budgets. Refusals
 * are plain HTTP answers (400/401/403/429) and say nothing about whether the
 * document exists. One connection is one room: the document is fixed by the URL.
 *
 * Limits count people, not addresses: only failed attempts are counted per
 * address (a meeting room shares one), successful ones per person.
 */
export class CollabUpgrade {
  private readonly wss: WebSocketServer;
  private readonly budgets: UserBudgets;
  readonly live: LiveSockets;
  readonly sockets = new Set<WebSocket>();

  constructor(
    private readonly config: Config,
    /** Revocations and membership changes, announced once committed: they close sockets at once. */
    access: AccessChanges,
    /** Where credentials and memberships are checked. */
    private readonly store: StoreRepos,
    private readonly rooms: RoomManager,
    private readonly log: Logger,
    private readonly limits: Limits,
    private readonly addresses: ClientAddress,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: config.MAX_MESSAGE_BYTES, perMessageDeflate: false });
    this.budgets = new UserBudgets(config.MAX_MESSAGES_PER_SECOND_PER_USER, config.MAX_BYTES_PER_SECOND_PER_USER);
    this.live = new LiveSockets(access, store.credentials, config.PING_INTERVAL_MS);
    access.listen({
      screenLinkRevoked: (id) => this.live.credentialEnded(screenCredential(id), 'this screen link was revoked'),
    });
  }

  /**
   * Never throws: whatever a request carries (broken percent-encoding, an unparsable
   * URL, garbage headers), the worst answer is a 400 for that request alone.
   */
  handle(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const malformed = (err: unknown) => {
      this.log.warn({ err, url: req.url?.slice(0, 200) }, 'malformed websocket upgrade refused');
      refuse(socket, 400, 'Bad Request');
    };
    try {
      this.admit(req, socket, head).catch(malformed);
    } catch (err) {
      malformed(err);
    }
  }

  private async admit(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = PATH.exec(url.pathname);
    if (!match) return refuse(socket, 404, 'Not Found');
    const docId = match[1] as string;
    const ip = this.addresses.of(req.socket.remoteAddress, headerValue(req.headers['x-forwarded-for']));
    const failed = async (status: number, text: string) => {
      await this.limits.recordFailure(ip);
      refuse(socket, status, text);
    };
    try {
      await this.limits.checkAddress(ip);
    } catch (err) {
      if (err instanceof RateLimited) return refuse(socket, 429, 'Too Many Requests', err.retryAfterMs);
      throw err;
    }

    const origin = req.headers.origin;
    if (!originAllowed(origin, this.config.PUBLIC_URL)) {
      this.log.warn({ ip, origin, docId }, 'websocket upgrade from a foreign origin refused');
      return failed(403, 'Forbidden');
    }
    const secret = url.searchParams.get('token') ?? sessionCookie(req.headers.cookie);
    const credential: Admitted | null = secret
      ? ((await this.store.credentials.check(secret)) ?? (await this.screenCredential(secret)))
      : null;
    if (!credential) return failed(401, 'Unauthorized');
    const { principal } = credential;
    // A screen link reads its own draft, read-only; any other draft is refused like a non-member's.
    const role =
      credential.kind === 'screen_link'
        ? credential.docId === docId
          ? 'observer'
          : null
        : await this.store.memberships.roleOn(docId, principal);
    if (!role) return failed(403, 'Forbidden');
    try {
      await this.limits.admitUpgrade(principal.userId);
    } catch (err) {
      if (err instanceof RateLimited) return refuse(socket, 429, 'Too Many Requests', err.retryAfterMs);
      throw err;
    }
    if (this.live.countOf(principal.userId) >= this.config.MAX_CONNECTIONS_PER_USER) {
      return refuse(socket, 429, 'Too Many Requests');
    }
    // The delegation they speak for here, read last: the closest to the moment the socket opens.
    const delegation = await this.store.delegations.ofMember(docId, principal.userId);
    if (socket.destroyed) return;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, socket, credential, role, docId, delegation));
  }

  /** A screen link as a credential: nobody's account, never expiring, valid while the link exists. */
  private async screenCredential(secret: string): Promise<ScreenCredential | null> {
    const link = await this.store.screenLinks.check(secret);
    if (!link) return null;
    const links = this.store.screenLinks;
    return {
      principal: screenPrincipal(link),
      credentialId: screenCredential(link.id),
      kind: 'screen_link',
      expiresAt: null,
      docId: link.docId,
      stillValid: () => links.valid(link.id),
    };
  }

  /** `raw` is the upgraded TCP socket `ws` itself writes to (batches are written to it pre-framed). */
  private open(
    ws: WebSocket,
    raw: Duplex,
    credential: Admitted,
    role: Connection['role'],
    docId: string,
    delegation: Delegation | null,
  ): void {
    // Labelled with the delegation they speak for on this document: new brackets must carry it.
    const principal = delegation
      ? { ...credential.principal, affiliation: delegation.name, delegation: delegation.code }
      : credential.principal;
    this.sockets.add(ws);
    const live = this.live.add(
      {
        ws,
        userId: principal.userId,
        docId,
        role,
        delegationId: delegation?.id ?? null,
        credentialId: credential.credentialId,
        ...(credential.kind === 'screen_link' ? { stillValid: credential.stillValid } : {}),
      },
      credential.expiresAt,
    );
    const conn = new Connection(
      {
        send: (data) => {
          if (ws.readyState === WebSocket.OPEN) ws.send(data, { binary: true });
        },
        // One write of frames framed once for every reader. Safe beside ws's own writes: its sender
        // writes synchronously (no compression, no Blobs here), so nothing of ws's can be queued
        // behind or ahead of this write; after a close frame the socket is no longer OPEN.
        sendBatch: (batch) => {
          if (ws.readyState === WebSocket.OPEN && raw.writable) raw.write(batch.wire);
        },
        close: (code, reason) => ws.close(code, reason),
      },
      principal,
      role,
      docId,
      this.config.MAX_MESSAGES_PER_SECOND,
      this.config.AWARENESS_MAX_PER_SECOND,
    );
    const log = this.log.child({ room: docId, conn: conn.id, user: principal.userId });
    log.debug({ role }, 'connected');
    // Frames that arrive while the room loads wait here, in order.
    let room: Room | null = null;
    const early: Uint8Array[] = [];
    let closed = false;

    ws.on('message', (data: RawData, isBinary: boolean) => {
      const now = Date.now();
      live.alive = true;
      if (!isBinary) return ws.close(CloseCode.badMessage, 'text frames are not part of the protocol');
      const bytes = toBytes(data);
      // Awareness (presence) has its own budget in the room: stock providers echo everyone's
      // presence, and a limit must only count what a connection itself originates.
      if (bytes[0] === MessageType.awareness) {
        if (room) room.receive(conn, bytes);
        else early.push(bytes);
        return;
      }
      // Budgets per connection and per person across all their connections.
      if (!conn.admitMessage(now) || !this.budgets.admit(principal.userId, bytes.byteLength, now)) {
        log.warn('rate limit exceeded; closing');
        return ws.close(CloseCode.rateLimited, 'too many messages; slow down and reconnect');
      }
      if (room) room.receive(conn, bytes);
      else early.push(bytes);
    });
    ws.on('close', () => {
      closed = true;
      this.sockets.delete(ws);
      this.live.remove(live);
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
        if (err instanceof RoomOwnedElsewhere) {
          // Forwarding to the owner (INTERNAL_URL) is the next step; until then the client retries.
          log.info({ owner: err.owner }, 'document served by another node');
          ws.close(CloseCode.notOwner, 'another server serves this document; reconnecting');
          return;
        }
        log.error({ err }, 'could not load the room');
        ws.close(CloseCode.internalError, 'could not load the document');
      },
    );
  }

  /** Closes every socket (after the rooms have stored their state). */
  closeAll(code: number, reason: string): void {
    this.live.stop();
    for (const ws of this.sockets) ws.close(code, reason);
    this.wss.close();
  }
}

/** A screen link admitted on its draft's socket (server/store/repos/screenLinkRepo.ts). */
interface ScreenCredential extends Omit<CredentialCheck, 'kind'> {
  kind: 'screen_link';
  docId: string;
  stillValid: () => Promise<boolean>;
}

type Admitted = CredentialCheck | ScreenCredential;

/** Live sockets key screen links apart from accounts' credentials (the ids come from different tables). */
function screenCredential(linkId: string): string {
  return `screen:${linkId}`;
}

function refuse(socket: Duplex, status: number, text: string, retryAfterMs?: number): void {
  if (socket.destroyed || !socket.writable) return;
  const retry = retryAfterMs === undefined ? '' : `Retry-After: ${Math.max(1, Math.ceil(retryAfterMs / 1000))}\r\n`;
  socket.end(`HTTP/1.1 ${status} ${text}\r\n${retry}Connection: close\r\nContent-Length: 0\r\n\r\n`);
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(',') : v;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Hono's cookie parser: it never throws on malformed percent-encoding (it keeps the raw value). */
function sessionCookie(header: string | undefined): string | null {
  if (!header) return null;
  return parseCookie(header, SESSION_COOKIE)[SESSION_COOKIE] ?? null;
}
