import type { CommentFeed } from '../comments/commentFeed.js';
import type { CommentRepo } from '../store/repos/commentRepo.js';
import type { ControlBus } from './controlBus.js';

/**
 * Comment changes reach the sockets of every node: this node publishes the ids of what changed
 * here, and feeds its own sockets what other nodes changed, read back from the store. The bus
 * never carries a comment's text, and a node ignores its own messages (ControlBus).
 */
export function relayComments(feed: CommentFeed, comments: Pick<CommentRepo, 'get'>, bus: ControlBus): void {
  feed.attachRelay({
    publish(docId, event) {
      if (event.kind === 'comment') void bus.publish({ kind: 'commentChanged', docId, commentId: event.id });
      else
        void bus.publish({
          kind: 'commentDeleted',
          docId,
          commentId: event.id,
          threadId: event.threadId,
          paragraphId: event.paragraphId,
          visibility: event.visibility,
          delegation: event.delegation,
        });
    },
  });
  bus.onMessage((m) => {
    if (m.kind === 'commentChanged') {
      void comments.get(m.docId, m.commentId).then((c) => (c ? feed.fromElsewhere(m.docId, c, null) : undefined));
    } else if (m.kind === 'commentDeleted') {
      const { docId, commentId, threadId, paragraphId, visibility, delegation } = m;
      void feed.fromElsewhere(docId, null, {
        kind: 'commentDeleted',
        id: commentId,
        threadId,
        paragraphId,
        visibility,
        delegation,
      });
    }
  });
}
