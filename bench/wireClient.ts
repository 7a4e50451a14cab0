import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import {
  decodeMessage,
  encodeMessage,
  encodeSyncStep1,
  encodeSyncUpdate,
  type Flavor,
  MESSAGE_AWARENESS,
  openBenchSocket,
  SYNC_STEP2,
  SYNC_UPDATE,
} from './wireProtocol.js';

export type { Flavor } from './wireProtocol.js';

/**
 * A minimal y-websocket client for the benchmark. Readers without a doc only look at update
 * frames (so 500 of them fit beside the servers on 2 cores); a client with a doc applies
 * everything and sends its own changes.
 */
export class WireClient {
  readonly doc: Y.Doc | null;
  /** Update frames received after the first sync. */
  updates = 0;
  /** Called with each update frame's payload (Yjs update v1). */
  onUpdate: ((update: Uint8Array) => void) | null = null;
  closedByServer = false;
  private syncedResolve: () => void = () => {};
  readonly synced: Promise<void>;
  private ws: WebSocket | null = null;

  private constructor(
    private readonly flavor: Flavor,
    private readonly room: string,
    withDoc: boolean,
  ) {
    this.doc = withDoc ? new Y.Doc() : null;
    this.synced = new Promise((r) => {
      this.syncedResolve = r;
    });
    this.doc?.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== this) this.ws?.send(encodeSyncUpdate(this.flavor, this.room, u));
    });
  }

  static async connect(url: string, room: string, flavor: Flavor, withDoc = false): Promise<WireClient> {
    const client = new WireClient(flavor, room, withDoc);
    client.ws = await openBenchSocket(
      url,
      flavor,
      room,
      client.doc,
      (data) => client.receive(data),
      () => {
        client.closedByServer = true;
      },
    );
    return client;
  }

  /**
   * Announces this client's presence (one awareness entry under its doc's client id), as an
   * editor does when its caret moves: every edit of a real client comes with one.
   */
  sendAwareness(clientId: number, clock: number, state: Record<string, unknown>): void {
    this.ws?.send(
      encodeMessage(this.flavor, this.room, MESSAGE_AWARENESS, (e) => {
        const u = encoding.createEncoder();
        encoding.writeVarUint(u, 1);
        encoding.writeVarUint(u, clientId);
        encoding.writeVarUint(u, clock);
        encoding.writeVarString(u, JSON.stringify(state));
        encoding.writeVarUint8Array(e, encoding.toUint8Array(u));
      }),
    );
  }

  /** Asks for the server's state again; resolves when it answers (all earlier messages were processed). */
  resync(): Promise<void> {
    return new Promise((resolve) => {
      this.syncedResolve = resolve;
      this.ws?.send(encodeSyncStep1(this.flavor, this.room, this.doc));
    });
  }

  close(): void {
    this.ws?.removeAllListeners('close');
    this.ws?.terminate();
  }

  private receive(data: Uint8Array): void {
    const m = decodeMessage(this.flavor, data);
    // The server's own step 1 needs no answer from any of these servers.
    if (m.kind !== 'sync' || (m.step !== SYNC_STEP2 && m.step !== SYNC_UPDATE)) return;
    if (this.doc) Y.applyUpdate(this.doc, m.payload, this);
    if (m.step === SYNC_STEP2) this.syncedResolve();
    else {
      this.updates += 1;
      this.onUpdate?.(m.payload);
    }
  }
}
