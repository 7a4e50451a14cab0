import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
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

/**
 * A client that behaves like the stock y-websocket provider where presence is concerned:
 * it holds a y-protocols Awareness, applies every awareness update it receives and — as the
 * stock provider does — re-sends every awareness update that changes its view (others'
 * states included) to the server. Documents: writers apply everything and send their own
 * edits; readers only read update headers (so a hundred fit beside three servers on 2 cores).
 */
export class PresenceClient {
  readonly doc = new Y.Doc();
  readonly awareness: Awareness;
  /** Frames received, by kind. */
  readonly received = { updates: 0, awareness: 0 };
  /** Frames sent, by kind (awareness includes the echoes). */
  readonly sent = { updates: 0, awareness: 0 };
  closeCode: number | null = null;
  onUpdate: ((update: Uint8Array) => void) | null = null;
  private syncedResolve: () => void = () => {};
  readonly synced: Promise<void>;
  private ws: WebSocket | null = null;

  private constructor(
    private readonly flavor: Flavor,
    private readonly room: string,
    private readonly appliesUpdates: boolean,
  ) {
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.synced = new Promise((r) => {
      this.syncedResolve = r;
    });
    this.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.sent.updates++;
      this.send(encodeSyncUpdate(this.flavor, this.room, u));
    });
    // The stock provider's handler: every change of the awareness view goes out, whatever its origin.
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        const changed = [...added, ...updated, ...removed];
        this.sent.awareness++;
        this.send(
          encodeMessage(this.flavor, this.room, MESSAGE_AWARENESS, (e) =>
            encoding.writeVarUint8Array(e, encodeAwarenessUpdate(this.awareness, changed)),
          ),
        );
      },
    );
  }

  static async connect(url: string, room: string, flavor: Flavor, appliesUpdates: boolean): Promise<PresenceClient> {
    const client = new PresenceClient(flavor, room, appliesUpdates);
    client.ws = await openBenchSocket(
      url,
      flavor,
      room,
      client.doc,
      (data) => client.receive(data),
      (code) => {
        client.closeCode = code;
      },
    );
    return client;
  }

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Announces this client's presence (the provider does so on connect). */
  announce(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
  }

  resync(): Promise<void> {
    return new Promise((resolve) => {
      this.syncedResolve = resolve;
      this.send(encodeSyncStep1(this.flavor, this.room, this.doc));
    });
  }

  close(): void {
    this.awareness.destroy();
    this.ws?.removeAllListeners('close');
    this.ws?.terminate();
  }

  private send(message: Uint8Array): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  private receive(data: Uint8Array): void {
    const m = decodeMessage(this.flavor, data);
    if (m.kind === 'awareness') {
      this.received.awareness++;
      applyAwarenessUpdate(this.awareness, m.payload, this);
      return;
    }
    if (m.kind !== 'sync') return;
    if (m.step === SYNC_STEP2) {
      Y.applyUpdate(this.doc, m.payload, this); // the initial state: every client needs the paragraphs' structure
      this.syncedResolve();
      return;
    }
    if (m.step !== SYNC_UPDATE) return;
    this.received.updates++;
    if (this.appliesUpdates) Y.applyUpdate(this.doc, m.payload, this);
    this.onUpdate?.(m.payload);
  }
}
