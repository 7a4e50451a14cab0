import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

/**
 * A minimal y-websocket client for the benchmark. Readers without a doc only look at update
 * frames (so 500 of them fit beside the servers on 2 cores); a client with a doc applies
 * everything and sends its own changes. Hocuspocus prefixes every message with the document
 * name and wants an auth message first (as @hocuspocus/provider sends it).
 */
export type Flavor = 'plain' | 'hocuspocus';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
/** Hocuspocus answers a client's SyncStep1 with this type; the body is a sync message. */
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export class WireClient {
  readonly doc: Y.Doc | null;
  /** Update frames received after the first sync. */
  updates = 0;
  /** Called with each update frame's payload (Yjs update v1). */
  onUpdate: ((update: Uint8Array) => void) | null = null;
  closedByServer = false;
  private syncedResolve!: () => void;
  readonly synced: Promise<void>;

  private constructor(
    private readonly ws: WebSocket,
    private readonly flavor: Flavor,
    private readonly room: string,
    withDoc: boolean,
  ) {
    this.doc = withDoc ? new Y.Doc() : null;
    this.synced = new Promise((r) => {
      this.syncedResolve = r;
    });
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    this.doc?.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== this)
        this.send(MESSAGE_SYNC, (e) => {
          encoding.writeVarUint(e, SYNC_UPDATE);
          encoding.writeVarUint8Array(e, u);
        });
    });
  }

  static connect(url: string, room: string, flavor: Flavor, withDoc = false): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      const client = new WireClient(ws, flavor, room, withDoc);
      ws.once('error', reject);
      ws.once('open', () => {
        ws.off('error', reject);
        ws.on('error', () => {}); // reported through closedByServer
        ws.once('close', () => {
          client.closedByServer = true;
        });
        if (flavor === 'hocuspocus') {
          client.send(MESSAGE_AUTH, (e) => {
            encoding.writeVarUint(e, 0); // AuthMessageType.Token
            encoding.writeVarString(e, 'bench');
          });
        }
        client.sendStep1();
        resolve(client);
      });
    });
  }

  send(type: number, body: (e: encoding.Encoder) => void): void {
    const e = encoding.createEncoder();
    if (this.flavor === 'hocuspocus') encoding.writeVarString(e, this.room);
    encoding.writeVarUint(e, type);
    body(e);
    this.ws.send(encoding.toUint8Array(e));
  }

  /**
   * Announces this client's presence (one awareness entry under its doc's client id), as an
   * editor does when its caret moves: every edit of a real client comes with one.
   */
  sendAwareness(clientId: number, clock: number, state: Record<string, unknown>): void {
    this.send(MESSAGE_AWARENESS, (e) => {
      const u = encoding.createEncoder();
      encoding.writeVarUint(u, 1);
      encoding.writeVarUint(u, clientId);
      encoding.writeVarUint(u, clock);
      encoding.writeVarString(u, JSON.stringify(state));
      encoding.writeVarUint8Array(e, encoding.toUint8Array(u));
    });
  }

  /** Asks for the server's state again; resolves when it answers (all earlier messages were processed). */
  resync(): Promise<void> {
    return new Promise((resolve) => {
      this.syncedResolve = resolve;
      this.sendStep1();
    });
  }

  close(): void {
    this.ws.removeAllListeners('close');
    this.ws.terminate();
  }

  private sendStep1(): void {
    this.send(MESSAGE_SYNC, (e) => {
      encoding.writeVarUint(e, SYNC_STEP1);
      encoding.writeVarUint8Array(e, this.doc ? Y.encodeStateVector(this.doc) : new Uint8Array([0]));
    });
  }

  private receive(data: Uint8Array): void {
    const d = decoding.createDecoder(data);
    if (this.flavor === 'hocuspocus') decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return;
    const sub = decoding.readVarUint(d);
    if (sub === SYNC_STEP1) return; // the server's own step 1: none of these servers needs an answer
    const update = decoding.readVarUint8Array(d);
    if (this.doc) Y.applyUpdate(this.doc, update, this);
    if (sub === SYNC_STEP2) this.syncedResolve();
    else if (sub === SYNC_UPDATE) {
      this.updates += 1;
      this.onUpdate?.(update);
    }
  }
}
