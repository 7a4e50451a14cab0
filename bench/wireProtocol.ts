import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

/**
 * The y-websocket wire protocol as the benchmark's clients speak it to every server.
 * Hocuspocus prefixes every message with the document name and wants an auth message first
 * (as @hocuspocus/provider sends it), and answers a SyncStep1 with its own message type 4.
 */
export type Flavor = 'plain' | 'hocuspocus';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_SYNC_REPLY = 4;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** One message in the flavor's framing. */
export function encodeMessage(
  flavor: Flavor,
  room: string,
  type: number,
  body: (e: encoding.Encoder) => void,
): Uint8Array {
  const e = encoding.createEncoder();
  if (flavor === 'hocuspocus') encoding.writeVarString(e, room);
  encoding.writeVarUint(e, type);
  body(e);
  return encoding.toUint8Array(e);
}

export function encodeSyncStep1(flavor: Flavor, room: string, doc: Y.Doc | null): Uint8Array {
  return encodeMessage(flavor, room, MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, doc ? Y.encodeStateVector(doc) : new Uint8Array([0]));
  });
}

export function encodeSyncUpdate(flavor: Flavor, room: string, update: Uint8Array): Uint8Array {
  return encodeMessage(flavor, room, MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });
}

/** A received message: awareness with its payload, a sync message with its step and payload, or other. */
export type Received =
  | { kind: 'awareness'; payload: Uint8Array }
  | { kind: 'sync'; step: number; payload: Uint8Array }
  | { kind: 'other' };

export function decodeMessage(flavor: Flavor, data: Uint8Array): Received {
  const d = decoding.createDecoder(data);
  if (flavor === 'hocuspocus') decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  if (type === MESSAGE_AWARENESS) return { kind: 'awareness', payload: decoding.readVarUint8Array(d) };
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return { kind: 'other' };
  const step = decoding.readVarUint(d);
  return { kind: 'sync', step, payload: decoding.readVarUint8Array(d) };
}

/**
 * Opens a socket, authenticates where the flavor needs it and sends SyncStep1 with the doc's
 * state vector (an empty one without a doc); `onClose` reports the server's close code.
 */
export function openBenchSocket(
  url: string,
  flavor: Flavor,
  room: string,
  doc: Y.Doc | null,
  onMessage: (data: Uint8Array) => void,
  onClose: (code: number) => void,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    ws.once('error', reject);
    ws.once('open', () => {
      ws.off('error', reject);
      ws.on('error', () => {}); // reported through onClose
      ws.once('close', onClose);
      if (flavor === 'hocuspocus') {
        ws.send(
          encodeMessage(flavor, room, MESSAGE_AUTH, (e) => {
            encoding.writeVarUint(e, 0); // AuthMessageType.Token
            encoding.writeVarString(e, 'bench');
          }),
        );
      }
      ws.send(encodeSyncStep1(flavor, room, doc));
      resolve(ws);
    });
  });
}
