import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Notice } from '../../shared/protocol/notice';
import { type CollabLimits, chunkingWebSocket } from './chunkingWebSocket';
import { type CloseAction, closeAction, providerMayReconnect } from './closeCodePolicy';
import { installPresenceSender } from './presenceSender';
import { installRefusalHandler } from './refusalHandler';

export type ProviderStatus = 'connecting' | 'connected' | 'disconnected';

export interface SessionListener {
  status(status: ProviderStatus): void;
  synced(): void;
  refused(notice: Notice): void;
  closed(action: CloseAction): void;
}

/**
 * One Y.Doc and its WebSocket provider for one draft. A session is thrown away, never
 * repaired: after a refused edit its doc holds a change the server will never take, so
 * the app starts a fresh session instead of letting the provider resend it forever — and
 * carries the user's other edits over to it (carryOver.ts).
 */
let sessions = 0;

export class CollabSession {
  /** Distinguishes sessions of the same draft (React keys the editor by it). */
  readonly serial = ++sessions;
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private destroyed = false;
  private detached = false;
  private readonly stopPresence: () => void;
  private readonly onOffline = () => this.provider.disconnect();
  private readonly onOnline = () => this.provider.connect();

  constructor(
    readonly docId: string,
    private readonly listener: SessionListener,
    limits: CollabLimits | null,
  ) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.provider = new WebsocketProvider(`${scheme}://${location.host}/collab`, docId, this.doc, {
      connect: false,
      // Splits backlogs larger than a frame and paces them; holds typing until the handshake's step 2 is out.
      ...(limits
        ? {
            WebSocketPolyfill: chunkingWebSocket(WebSocket, limits, {
              tooLarge: (bytes, limit) =>
                !this.destroyed &&
                this.listener.refused({
                  kind: 'update_refused',
                  code: 'too_large',
                  message: `One change (${megabytes(bytes)}) is larger than the server accepts at once (${megabytes(limit)}) and was not sent`,
                }),
            }),
          }
        : {}),
      // Tabs of one browser must not sync behind the server's back (it checks every update).
      disableBc: true,
      shouldReconnect: (event) => providerMayReconnect(event.code),
    });
    installRefusalHandler(this.provider, (notice) => !this.destroyed && this.listener.refused(notice));
    this.stopPresence = installPresenceSender(this.provider);
    this.provider.on('status', ({ status }) => !this.destroyed && this.listener.status(status));
    this.provider.on('sync', (synced: boolean) => synced && !this.destroyed && this.listener.synced());
    this.provider.on('connection-close', (event) => {
      if (this.destroyed || !event) return;
      this.listener.closed(closeAction(event.code, event.reason));
    });
    // When the browser knows it is offline, stop trying; edits wait in the doc and go out on reconnect.
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    if (navigator.onLine) this.provider.connect();
  }

  get synced(): boolean {
    return this.provider.synced;
  }

  /**
   * Stops talking to the server at once and hands over the document (which holds edits the
   * server refused, and maybe others it never got) so they can be carried over to the next
   * session; the caller destroys it.
   */
  detach(): Y.Doc {
    this.detached = true;
    this.destroy();
    return this.doc;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.stopPresence();
    this.provider.destroy();
    if (!this.detached) this.doc.destroy();
  }
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
