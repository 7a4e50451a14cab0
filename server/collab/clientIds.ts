import * as Y from 'yjs';
import { CLIENT_IDS_ROOT } from '../../shared/model/schemaNames.js';

/**
 * Binds each Yjs client id to the user who first wrote with it in this document, so that
 * nobody can write under another person's client id (and next clocks) — which would make
 * the victim's own later edits vanish or land elsewhere.
 *
 * The bindings live in the document itself, in a root map only the server writes: they
 * are stored in the same transaction as the first update that uses the id, survive
 * restarts and need no other store. A client id already present in the document without
 * a binding (the server's own ids, drafts written before bindings existed) belongs to
 * nobody who could prove it and is refused; so is the room's current server id.
 * One person may use an id from several connections (a reconnect overlaps the old socket).
 */
export class ClientIds {
  private readonly map: Y.Map<string>;

  constructor(private readonly doc: Y.Doc) {
    this.map = doc.getMap(CLIENT_IDS_ROOT);
  }

  /** The user bound to `client`, if any. */
  owner(client: number): string | undefined {
    return this.map.get(String(client));
  }

  mayUse(client: number, userId: string): boolean {
    if (client === this.doc.clientID) return false;
    const owner = this.owner(client);
    if (owner !== undefined) return owner === userId;
    return Y.getState(this.doc.store, client) === 0;
  }

  /** Records `userId` as the owner of the clients not bound yet. Call inside a server transaction. */
  bind(clients: Iterable<number>, userId: string): void {
    for (const client of clients) if (this.owner(client) === undefined) this.map.set(String(client), userId);
  }

  unbound(clients: Iterable<number>): number[] {
    return [...clients].filter((c) => this.owner(c) === undefined);
  }
}
