import { WebSocket } from 'ws';
import { type Comment, maySee } from '../../shared/model/comments.js';
import { type CommentEvent, encodeCommentEvent } from '../../shared/protocol/commentMessage.js';
import type { LiveSocket } from '../collab/liveSockets.js';
import type { DelegationRepo } from '../store/repos/delegationRepo.js';

/** The open sockets of a document, wherever the feed finds them (this node's LiveSockets). */
export interface DocumentSockets {
  ofDocument(docId: string): LiveSocket[];
}

/** Tells the other nodes that a comment changed; they read it from the store and feed their own sockets. */
export interface CommentRelay {
  publish(docId: string, event: { kind: 'comment'; id: string } | CommentDeletion): void;
}

export type CommentDeletion = Extract<CommentEvent, { kind: 'commentDeleted' }> & {
  visibility: Comment['visibility'];
  delegation: string | null;
};

/**
 * Delivers comment changes live (shared/protocol/commentMessage.ts), each only to the sockets
 * whose reader may see it: a delegation comment reaches that delegation's people and nobody
 * else, whatever their role. A socket's delegation is the one it was opened with (a change of
 * delegation closes it, liveSockets.ts). The relay to other nodes carries ids, never text.
 */
export class CommentFeed {
  private sockets: DocumentSockets | null = null;
  private relay: CommentRelay | null = null;

  constructor(private readonly delegations: Pick<DelegationRepo, 'list'>) {}

  /** Wired once the collaboration endpoint exists. */
  attach(sockets: DocumentSockets): void {
    this.sockets = sockets;
  }

  /** With several nodes: where changes made here are announced (cluster/relayComments.ts). */
  attachRelay(relay: CommentRelay): void {
    this.relay = relay;
  }

  changed(c: Comment): void {
    this.relay?.publish(c.docId, { kind: 'comment', id: c.id });
    void this.deliver(c.docId, c, { kind: 'comment', comment: c });
  }

  deleted(c: Comment): void {
    const event: CommentDeletion = {
      kind: 'commentDeleted',
      id: c.id,
      threadId: c.threadId,
      paragraphId: c.paragraphId,
      visibility: c.visibility,
      delegation: c.delegation,
    };
    this.relay?.publish(c.docId, event);
    void this.deliver(c.docId, c, {
      kind: 'commentDeleted',
      id: c.id,
      threadId: c.threadId,
      paragraphId: c.paragraphId,
    });
  }

  /** A change another node made (read back from the store there and here: the relay carries no text). */
  async fromElsewhere(docId: string, c: Comment | null, deletion: CommentDeletion | null): Promise<void> {
    if (c) await this.deliver(docId, c, { kind: 'comment', comment: c });
    else if (deletion) {
      const { visibility, delegation, ...event } = deletion;
      await this.deliver(docId, { visibility, delegation }, event);
    }
  }

  private async deliver(
    docId: string,
    audience: Pick<Comment, 'visibility' | 'delegation'>,
    event: CommentEvent,
  ): Promise<void> {
    const open = this.sockets?.ofDocument(docId) ?? [];
    if (open.length === 0) return;
    // Sockets know their delegation by id, comments by code.
    const codes = new Map((await this.delegations.list(docId)).map((d) => [d.id, d.code]));
    const frame = encodeCommentEvent(event);
    for (const s of open) {
      const delegation = s.delegationId ? (codes.get(s.delegationId) ?? null) : null;
      if (!maySee({ userId: s.userId, role: s.role, delegation }, audience)) continue;
      if (s.ws.readyState === WebSocket.OPEN) s.ws.send(frame, { binary: true });
    }
  }
}
