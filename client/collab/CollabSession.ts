import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Notice } from '../../shared/protocol/notice';
import { type CloseAction, closeAction, providerMayReconnect } from './closeCodePolicy';
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
 * the app starts a fresh session instead of letting the provider resend it forever.
 */
let sessions = 0;

export class CollabSession {
  /** Distinguishes sessions of the same draft (React keys the editor by it). */
  readonly serial = ++sessions;
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private destroyed = false;
  private readonly onOffline = () => this.provider.disconnect();
  private readonly onOnline = () => this.provider.connect();

  constructor(
    readonly docId: string,
    private readonly listener: SessionListener,
  ) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.provider = new WebsocketProvider(`${scheme}://${location.host}/collab`, docId, this.doc, {
      connect: false,
      // Tabs of one browser must not sync behind the server's back (it checks every update).
      disableBc: true,
      shouldReconnect: (event) => providerMayReconnect(event.code),
    });
    installRefusalHandler(this.provider, (notice) => !this.destroyed && this.listener.refused(notice));
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

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.provider.destroy();
    this.doc.destroy();
  }
}
