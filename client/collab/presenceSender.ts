import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../shared/protocol/messageTypes';

/** A resend of an unchanged state after this long keeps it alive (the server drops states silent for 30 s). */
const KEEPALIVE_MS = 10_000;

/**
 * Sends this tab's own presence, and nothing else, at most once per `intervalMs`.
 *
 * The stock provider re-sends every awareness update it receives — everybody else's
 * carets — and the caret extension re-announces an unchanged caret after every remote
 * edit. In a room of a hundred with a dozen typing, that is dozens of frames a second
 * per tab for nothing: the server relays presence itself and drops such echoes. Here
 * only this client's own state goes out, throttled, and only when it changed (or to keep
 * it alive). The provider still sends it on every (re)connection.
 */
export function installPresenceSender(provider: WebsocketProvider, intervalMs = 100): () => void {
  const { awareness } = provider;
  const own = awareness.clientID;
  let lastSent = '';
  let lastSentAt = 0;
  let force = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const send = () => {
    timer = null;
    const ws = provider.ws;
    if (!provider.wsconnected || !ws) return;
    const json = JSON.stringify(awareness.getLocalState());
    const now = Date.now();
    if (!force && json === lastSent && now - lastSentAt < KEEPALIVE_MS) return;
    force = false;
    lastSent = json;
    lastSentAt = now;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [own]));
    ws.send(encoding.toUint8Array(e));
  };

  const onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return;
    // Not a local change: the server said we were gone (we went silent); y-protocols bumped
    // our clock to say "still here", and that must go out even though the state is unchanged.
    if (origin !== 'local') force = true;
    if (timer) return;
    timer = setTimeout(send, Math.max(0, lastSentAt + intervalMs - Date.now()));
  };

  awareness.off('update', provider._awarenessUpdateHandler);
  awareness.on('update', onUpdate);
  return () => {
    awareness.off('update', onUpdate);
    if (timer) clearTimeout(timer);
  };
}
