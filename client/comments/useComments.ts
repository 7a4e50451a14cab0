import { useEffect, useMemo, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type { Comment } from '../../shared/model/comments';
import { COMMENT_MESSAGE, decodeCommentEvent } from '../../shared/protocol/commentMessage';
import { type CommentsApi, commentsApi } from '../api/commentsApi';

export interface CommentsState {
  comments: Comment[];
  api: CommentsApi;
  /** Shows a change the page made itself at once (the live message follows; the higher rev wins). */
  merge(c: Comment): void;
}

/**
 * The comments of the open draft that I may see: fetched when the socket connects (and again after
 * every reconnection, for what happened meanwhile), then kept current by the server's comment
 * messages on the collaboration socket (shared/protocol/commentMessage.ts).
 */
export function useComments(docId: string, provider: WebsocketProvider | null): CommentsState {
  const api = useMemo(() => commentsApi(docId), [docId]);
  const [byId, setById] = useState<Map<string, Comment>>(new Map());
  const merge = useMemo(
    () => (c: Comment) =>
      setById((prev) => {
        const had = prev.get(c.id);
        if (had && had.rev >= c.rev) return prev;
        return new Map(prev).set(c.id, c);
      }),
    [],
  );

  useEffect(() => {
    if (!provider) return;
    let gone = false;
    const refetch = () =>
      api.list().then(
        (list) => !gone && setById(new Map(list.map((c) => [c.id, c]))),
        () => undefined, // Offline or signed out: the connection badge says so; the next connection refetches.
      );
    provider.messageHandlers[COMMENT_MESSAGE] = (_encoder, decoder) => {
      const event = decodeCommentEvent(decoder);
      if (!event) return;
      if (event.kind === 'comment') merge(event.comment);
      else
        setById((prev) => {
          if (!prev.has(event.id)) return prev;
          const next = new Map(prev);
          next.delete(event.id);
          return next;
        });
    };
    const onStatus = ({ status }: { status: string }) => status === 'connected' && void refetch();
    provider.on('status', onStatus);
    void refetch();
    return () => {
      gone = true;
      provider.off('status', onStatus);
    };
  }, [provider, api, merge]);

  const comments = useMemo(() => [...byId.values()].sort((a, b) => a.createdAt - b.createdAt), [byId]);
  return { comments, api, merge };
}
