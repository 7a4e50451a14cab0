import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

/**
 * A minimal y-websocket client for the benchmark: readers only count update frames (so
 * 500 of them fit beside the servers on 2 cores), the writer keeps a Y.Doc. Hocuspocus
 * prefixes every message with the document name and wants an auth message first.
 */
export type Flavor = 'plain' | 'hocuspocus';

export class WireClient {
  readonly doc: Y.Doc | null;
  updates = 0;
  onUpdate: (() => void) | null = null;
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
        this.send(0, (e) => {
          encoding.writeVarUint(e, 2);
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
        if (flavor === 'hocuspocus') {
          client.send(2, (e) => {
            encoding.writeVarUint(e, 0);
            encoding.writeVarString(e, 'bench');
          });
        }
        client.send(0, (e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint8Array(e, client.doc ? Y.encodeStateVector(client.doc) : new Uint8Array([0]));
        });
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

  /** Asks for the server's state again; resolves when it answers (all earlier messages were processed). */
  resync(): Promise<void> {
    return new Promise((resolve) => {
      this.syncedResolve = resolve;
      this.send(0, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint8Array(e, this.doc ? Y.encodeStateVector(this.doc) : new Uint8Array([0]));
      });
    });
  }

  close(): void {
    this.ws.terminate();
  }

  private receive(data: Uint8Array): void {
    const d = decoding.createDecoder(data);
    if (this.flavor === 'hocuspocus') decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type !== 0 && type !== 4) return; // 4: Hocuspocus's SyncReply carries a sync message too
    const sub = decoding.readVarUint(d);
    if (sub === 0) return;
    const update = decoding.readVarUint8Array(d);
    if (this.doc) Y.applyUpdate(this.doc, update, this);
    if (sub === 1) this.syncedResolve();
    else if (sub === 2) {
      this.updates += 1;
      this.onUpdate?.();
    }
  }
}
