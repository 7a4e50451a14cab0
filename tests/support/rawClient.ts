import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { COMMENT_MESSAGE, type CommentEvent, decodeCommentEvent } from '../../shared/protocol/commentMessage.js';
import { decodeAwarenessUpdate, encodeSyncStep1, encodeSyncStep2 } from '../../shared/protocol/frames.js';
import { MessageType, SyncType } from '../../shared/protocol/messageTypes.js';

/**
 * A hand-driven client speaking the raw wire protocol: it sends exactly the
 * bytes a test chooses (including malicious ones) and records what comes back.
 */
export class RawClient {
  readonly doc = new Y.Doc();
  readonly notices: string[] = [];
  /** Comment messages (type 32), as decoded; `null` for one that did not decode. */
  readonly comments: Array<CommentEvent | null> = [];
  readonly awareness = new Map<number, Record<string, unknown> | null>();
  closeCode: number | null = null;
  /** Answer the server's sync step 1 (as the stock provider does); off for a client that never finishes its handshake. */
  answersStep1 = true;
  closeReason = '';
  private syncedOnce = false;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.onMessage(new Uint8Array(data)));
    ws.on('close', (code, reason) => {
      this.closeCode = code;
      this.closeReason = reason.toString();
    });
  }

  /** Opens a socket; rejects with the HTTP status if the upgrade is refused. */
  static connect(url: string, headers: Record<string, string> = {}): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const client = new RawClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) => reject(new UpgradeRefused(res.statusCode ?? 0)));
      ws.once('error', (err) => reject(err));
    });
  }

  /** Connects and completes the sync handshake (server state applied to `doc`). */
  static async synced(url: string, headers: Record<string, string> = {}): Promise<RawClient> {
    const c = await RawClient.connect(url, headers);
    c.send(encodeSyncStep1(Y.encodeStateVector(c.doc)));
    await c.until(() => {
      if (c.closeCode !== null) throw new Error(`closed with ${c.closeCode} (${c.closeReason}) before sync step 2`);
      return c.syncedOnce;
    }, 'sync step 2');
    return c;
  }

  send(frame: Uint8Array): void {
    this.ws.send(frame);
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  async until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  closed(): Promise<number> {
    return this.until(() => this.closeCode !== null, 'close').then(() => this.closeCode as number);
  }

  close(): void {
    this.ws.close();
  }

  private onMessage(data: Uint8Array): void {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    if (type === MessageType.sync) {
      const sub = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      // Like every y-websocket client: answer the server's step 1 with what it lacks.
      if (sub === SyncType.step1 && this.answersStep1)
        this.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, payload)));
      if (sub === SyncType.step2 || sub === SyncType.update) Y.applyUpdate(this.doc, payload, 'server');
      if (sub === SyncType.step2) this.syncedOnce = true;
    } else if (type === MessageType.awareness) {
      for (const e of decodeAwarenessUpdate(decoding.readVarUint8Array(d))) this.awareness.set(e.clientId, e.state);
    } else if (type === COMMENT_MESSAGE) {
      this.comments.push(decodeCommentEvent(d));
    } else if (type === MessageType.auth) {
      decoding.readVarUint(d);
      this.notices.push(decoding.readVarString(d));
    }
  }
}

export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with HTTP ${status}`);
  }
}
