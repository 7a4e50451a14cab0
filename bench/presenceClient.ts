import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Flavor } from './wireClient.js';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

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
  private syncedResolve!: () => void;
  readonly synced: Promise<void>;

  private constructor(
    private readonly ws: WebSocket,
    private readonly flavor: Flavor,
    private readonly room: string,
    private readonly appliesUpdates: boolean,
  ) {
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.synced = new Promise((r) => {
      this.syncedResolve = r;
    });
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    this.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.sent.updates++;
      this.send(MESSAGE_SYNC, (e) => {
        encoding.writeVarUint(e, SYNC_UPDATE);
        encoding.writeVarUint8Array(e, u);
      });
    });
    // The stock provider's handler: every change of the awareness view goes out, whatever its origin.
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        const changed = [...added, ...updated, ...removed];
        this.sent.awareness++;
        this.send(MESSAGE_AWARENESS, (e) =>
          encoding.writeVarUint8Array(e, encodeAwarenessUpdate(this.awareness, changed)),
        );
      },
    );
  }

  static connect(url: string, room: string, flavor: Flavor, appliesUpdates: boolean): Promise<PresenceClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      const client = new PresenceClient(ws, flavor, room, appliesUpdates);
      ws.once('error', reject);
      ws.once('open', () => {
        ws.off('error', reject);
        ws.on('error', () => {}); // reported through closeCode
        ws.once('close', (code) => {
          client.closeCode = code;
        });
        if (flavor === 'hocuspocus') {
          client.send(MESSAGE_AUTH, (e) => {
            encoding.writeVarUint(e, 0);
            encoding.writeVarString(e, 'bench');
          });
        }
        client.sendStep1();
        resolve(client);
      });
    });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Announces this client's presence (the provider does so on connect). */
  announce(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
  }

  resync(): Promise<void> {
    return new Promise((resolve) => {
      this.syncedResolve = resolve;
      this.sendStep1();
    });
  }

  close(): void {
    this.awareness.destroy();
    this.ws.removeAllListeners('close');
    this.ws.terminate();
  }

  private send(type: number, body: (e: encoding.Encoder) => void): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const e = encoding.createEncoder();
    if (this.flavor === 'hocuspocus') encoding.writeVarString(e, this.room);
    encoding.writeVarUint(e, type);
    body(e);
    this.ws.send(encoding.toUint8Array(e));
  }

  private sendStep1(): void {
    this.send(MESSAGE_SYNC, (e) => {
      encoding.writeVarUint(e, SYNC_STEP1);
      encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc));
    });
  }

  private receive(data: Uint8Array): void {
    const d = decoding.createDecoder(data);
    if (this.flavor === 'hocuspocus') decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type === MESSAGE_AWARENESS) {
      this.received.awareness++;
      applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(d), this);
      return;
    }
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return;
    const sub = decoding.readVarUint(d);
    if (sub === SYNC_STEP1) return;
    const update = decoding.readVarUint8Array(d);
    if (sub === SYNC_STEP2) {
      Y.applyUpdate(this.doc, update, this); // the initial state: every client needs the paragraphs' structure
      this.syncedResolve();
      return;
    }
    if (sub !== SYNC_UPDATE) return;
    this.received.updates++;
    if (this.appliesUpdates) Y.applyUpdate(this.doc, update, this);
    this.onUpdate?.(update);
  }
}
