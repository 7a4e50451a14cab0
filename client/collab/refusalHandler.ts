import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { AuthMessage, MessageType } from '../../shared/protocol/messageTypes';
import { decodeNotice, type Notice } from '../../shared/protocol/notice';

/**
 * The server refuses an update with a y-protocols auth "permission denied" message whose
 * reason is a JSON Notice. The stock provider only logs it; this handler hands it to the
 * app so that the user is told and the session can start again from the server's state.
 */
export function installRefusalHandler(provider: WebsocketProvider, onRefused: (notice: Notice) => void): void {
  provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
    const type = decoding.readVarUint(decoder);
    if (type !== AuthMessage.permissionDenied) return;
    const reason = decoding.readVarString(decoder);
    onRefused(
      decodeNotice(reason) ?? { kind: 'update_refused', code: 'malformed_update', message: reason || 'Refused.' },
    );
  };
}
