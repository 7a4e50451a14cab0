import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** The stock y-websocket provider, as an integrator would use it from Node. */
export function connectProvider(wsUrl: string, docId: string, token: string, doc = new Y.Doc()): WebsocketProvider {
  return new WebsocketProvider(wsUrl, docId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

export function synced(p: WebsocketProvider, timeoutMs = 5000): Promise<void> {
  if (p.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('provider did not sync in time')), timeoutMs);
    p.once('sync', (isSynced: boolean) => {
      if (isSynced) {
        clearTimeout(t);
        resolve();
      }
    });
  });
}

/** Polls until `check` passes (returns true) or fails after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Text of the test paragraph the integration tests write into (an XmlText in the editor root). */
export function testText(doc: Y.Doc): Y.XmlText {
  const root = doc.getXmlFragment('default');
  const first = root.get(0);
  if (first instanceof Y.XmlText) return first;
  throw new Error('no test text yet');
}

/** A caret as y-prosemirror announces it: anchor and head as Yjs relative positions (JSON). */
export function caretAt(text: Y.XmlText, index: number): { anchor: unknown; head: unknown } {
  const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index, -1));
  return { anchor: at, head: at };
}
