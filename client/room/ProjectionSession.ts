import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/closeCodes';

/**
 * The projection's connection: read-only, so none of the editor session's machinery (carry-over,
 * chunking, refusals) — one Y.Doc kept in step with the server. It announces no presence: the
 * room's screen is not a participant. A screen link's secret goes as `?token=`, like a script's
 * token; the chair's own window uses the session cookie.
 */
export class ProjectionSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;

  constructor(docId: string, token: string | null, onClosed: (code: number) => void, onSynced: () => void) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.provider = new WebsocketProvider(`${scheme}://${location.host}/collab`, docId, this.doc, {
      connect: false,
      params: token ? { token } : {},
      disableBc: true,
      // A screen shows the room whatever happens (server restart, network, a role change behind
      // the chair's window): it reconnects by itself, except when its access has ended.
      shouldReconnect: (event) => !accessEnded(event.code),
    });
    this.provider.awareness.setLocalState(null);
    this.provider.on('sync', (synced: boolean) => synced && onSynced());
    this.provider.on('connection-close', (event) => {
      if (event && accessEnded(event.code)) onClosed(event.code);
    });
    this.provider.connect();
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

function accessEnded(code: number): boolean {
  return code === CloseCode.unauthorized || code === CloseCode.forbidden;
}
