import * as decoding from 'lib0/decoding';
import { MessageType, SyncType } from '../../shared/protocol/messageTypes.js';
import { type RawAwarenessEntry, scanAwarenessUpdate } from './awarenessUpdate.js';

export type IncomingFrame =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; entries: RawAwarenessEntry[] }
  | { type: 'queryAwareness' };

export class MalformedFrameError extends Error {}

/**
 * Decodes one client frame completely, or throws MalformedFrameError.
 * Nothing is applied here; the payloads are only checked for shape.
 */
export function decodeIncomingFrame(data: Uint8Array): IncomingFrame {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    let result: IncomingFrame;
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (syncType === SyncType.step1) {
          decodeStateVectorStrict(payload);
          result = { type: 'syncStep1', stateVector: payload };
        } else if (syncType === SyncType.step2) result = { type: 'syncStep2', update: payload };
        else if (syncType === SyncType.update) result = { type: 'update', update: payload };
        else throw new MalformedFrameError(`unknown sync message type ${syncType}`);
        break;
      }
      case MessageType.awareness:
        result = { type: 'awareness', entries: scanAwarenessUpdate(decoding.readVarUint8Array(d)) };
        break;
      case MessageType.queryAwareness:
        result = { type: 'queryAwareness' };
        break;
      default:
        throw new MalformedFrameError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(d)) throw new MalformedFrameError('trailing bytes after message');
    return result;
  } catch (err) {
    if (err instanceof MalformedFrameError) throw err;
    throw new MalformedFrameError(err instanceof Error ? err.message : 'undecodable frame');
  }
}

function decodeStateVectorStrict(sv: Uint8Array): void {
  const d = decoding.createDecoder(sv);
  const n = decoding.readVarUint(d);
  for (let i = 0; i < n; i++) {
    decoding.readVarUint(d);
    decoding.readVarUint(d);
  }
  if (decoding.hasContent(d)) throw new MalformedFrameError('trailing bytes after state vector');
}
