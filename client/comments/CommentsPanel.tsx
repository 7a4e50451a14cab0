import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../shared/governance/permissions';
import type { Role } from '../../shared/governance/roles';
import {
  type Comment,
  type CommentType,
  type CommentVisibility,
  commentTypes,
  convertProblem,
  deleteProblem,
  resolveProblem,
} from '../../shared/model/comments';
import { errorMessage } from '../api/apiClient';
import type { SelectionSpan } from '../editor/selectionSpan';
import { commentShortcut, isCommentShortcut } from './commentShortcut';
import type { CommentsState } from './useComments';

/**
 * The comments of the selected paragraph (or every open thread): threads with their replies,
 * a composer on the selected words, for the group or for my delegation only. What the server
 * would refuse is not offered (the same pure rules, shared/model/comments.ts).
 */
export function CommentsPanel({
  state,
  selected,
  selection,
  me,
  role,
  delegation,
  labelOf,
}: {
  state: CommentsState;
  /** The paragraph the caret is in. */
  selected: string | null;
  /** The selected words, in the server's coordinates (null: no words selected in one run). */
  selection: SelectionSpan | null;
  me: string;
  role: Role;
  delegation: string | null;
  labelOf: (paragraphId: string) => string | null;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [all, setAll] = useState(false);
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<CommentVisibility>('group');
  const [type, setType] = useState<CommentType>('general');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const composer = useRef<HTMLTextAreaElement>(null);
  const reader = { userId: me, role, delegation };
  const mayWrite = can(role, 'comment.write');
  const words = selection && selection.paragraphId === selected && selection.from < selection.to ? selection : null;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isCommentShortcut(e) || !mayWrite) return;
      e.preventDefault();
      composer.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [mayWrite]);

  const run = useCallback(async (fn: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      if (done) setSaid(done);
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const send = async () => {
    if (!selected || text.trim() === '') return;
    const body = {
      paragraphId: selected,
      ...(words ? { from: words.from, to: words.to, quote: words.quote } : {}),
      visibility,
      type,
      text,
    };
    const ok = await run(async () => state.merge(await state.api.add(body)), t('comments.added'));
    if (ok) setText('');
  };

  const threads = state.comments.filter(
    (c) => c.id === c.threadId && (all ? c.resolved === null : c.paragraphId === selected),
  );
  const repliesOf = (root: Comment) => state.comments.filter((c) => c.threadId === root.id && c.id !== root.id);

  return (
    <section id="comments-panel" tabIndex={-1} aria-labelledby={`${ids}-title`} className="card comments-panel">
      <h2 id={`${ids}-title`}>{t('comments.title')}</h2>
      <label className="inline">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('comments.allOpen')}
      </label>
      {mayWrite && selected && (
        <form
          className="comment-composer"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <p className="muted" data-testid="comment-target">
            {words
              ? t('comments.onWords', { words: words.quote })
              : t('comments.onParagraph', { label: labelOf(selected) ?? '' })}
          </p>
          <label htmlFor={`${ids}-text`}>{t('comments.yours')}</label>
          <textarea
            id={`${ids}-text`}
            ref={composer}
            data-testid="comment-text"
            value={text}
            maxLength={4000}
            aria-keyshortcuts={commentShortcut.aria}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void send();
              } else if (e.key === 'Escape') setText('');
            }}
          />
          <fieldset>
            <legend>{t('comments.visibility')}</legend>
            <label className="inline">
              <input
                type="radio"
                name={`${ids}-vis`}
                value="group"
                checked={visibility === 'group'}
                onChange={() => setVisibility('group')}
              />{' '}
              {t('comments.group')}
            </label>
            <label className="inline">
              <input
                type="radio"
                name={`${ids}-vis`}
                value="delegation"
                data-testid="comment-delegation-only"
                disabled={delegation === null}
                checked={visibility === 'delegation'}
                onChange={() => setVisibility('delegation')}
              />{' '}
              {t('comments.delegationOnly')}
            </label>
            {delegation === null && <p className="muted">{t('comments.noDelegation')}</p>}
          </fieldset>
          <label htmlFor={`${ids}-type`}>{t('comments.type')}</label>
          <select id={`${ids}-type`} value={type} onChange={(e) => setType(e.target.value as CommentType)}>
            {commentTypes.map((k) => (
              <option key={k} value={k}>
                {t(`comments.types.${k}`)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy || text.trim() === ''} data-testid="comment-send">
            {t('comments.send')}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="sr-only" role="status">
        {said}
      </p>
      {threads.length === 0 ? (
        <p className="muted">{t('comments.none')}</p>
      ) : (
        <ul className="comment-threads">
          {threads.map((root) => (
            <Thread
              key={root.id}
              root={root}
              replies={repliesOf(root)}
              reader={reader}
              busy={busy}
              label={labelOf(root.paragraphId)}
              onReply={(reply) =>
                run(async () => state.merge(await state.api.reply(root.id, reply)), t('comments.replied'))
              }
              onResolve={(resolve) =>
                run(
                  () => (resolve ? state.api.resolve(root.id) : state.api.reopen(root.id)),
                  t(resolve ? 'comments.resolvedSaid' : 'comments.reopenedSaid'),
                )
              }
              onDelete={() => run(() => state.api.remove(root.id), t('comments.deleted'))}
              onObjection={() => run(() => state.api.toObjection(root.id), t('comments.becameObjection'))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function Thread({
  root,
  replies,
  reader,
  busy,
  label,
  onReply,
  onResolve,
  onDelete,
  onObjection,
}: {
  root: Comment;
  replies: Comment[];
  reader: { userId: string; role: Role; delegation: string | null };
  busy: boolean;
  label: string | null;
  onReply: (text: string) => Promise<boolean>;
  onResolve: (resolve: boolean) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
  onObjection: () => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [reply, setReply] = useState('');
  const resolved = root.resolved !== null;
  const mayResolve = resolveProblem(reader, root, !resolved) === null;
  const mayDelete = deleteProblem(reader, root, [root, ...replies]) === null;
  const mayConvert = convertProblem(reader, root) === null && !resolved;
  const mayReply = can(reader.role, 'comment.write') && !resolved;
  const byline = (c: Comment) => (c.author.delegation ? `${c.author.name} (${c.author.delegation})` : c.author.name);
  return (
    <li
      className={`comment-thread${resolved ? ' resolved' : ''}${root.visibility === 'delegation' ? ' private' : ''}`}
      data-thread={root.id}
    >
      <article aria-labelledby={`${ids}-by`}>
        <p className="comment-meta">
          <strong id={`${ids}-by`}>
            <bdi>{byline(root)}</bdi>
          </strong>{' '}
          {root.visibility === 'delegation' && (
            <span className="badge private-badge">{t('comments.delegationOnly')}</span>
          )}{' '}
          <span className="muted">
            {t(`comments.types.${root.type}`)}
            {label ? ` · ${label}` : ''}
          </span>
          {resolved && <span className="badge">{t('comments.resolved')}</span>}
        </p>
        {root.quote && (
          <blockquote className="comment-quote">
            <bdi>{root.quote}</bdi>
          </blockquote>
        )}
        <p className="comment-text">
          <bdi>{root.text}</bdi>
        </p>
        {root.became && (
          <p className="muted">
            {t(root.became.kind === 'objection' ? 'comments.isObjection' : 'comments.isProposal')}
          </p>
        )}
      </article>
      {replies.length > 0 && (
        <ul className="comment-replies">
          {replies.map((r) => (
            <li key={r.id} data-comment={r.id}>
              <strong>
                <bdi>{byline(r)}</bdi>
              </strong>{' '}
              <bdi>{r.text}</bdi>
            </li>
          ))}
        </ul>
      )}
      <div className="comment-actions">
        {mayReply && (
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              if (reply.trim() !== '' && (await onReply(reply))) setReply('');
            }}
          >
            <label htmlFor={`${ids}-reply`} className="sr-only">
              {t('comments.replyTo', { name: root.author.name })}
            </label>
            <input
              id={`${ids}-reply`}
              value={reply}
              maxLength={4000}
              placeholder={t('comments.replyPlaceholder')}
              onChange={(e) => setReply(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setReply('')}
            />
            <button type="submit" disabled={busy || reply.trim() === ''}>
              {t('comments.reply')}
            </button>
          </form>
        )}
        {mayResolve && (
          <button
            type="button"
            disabled={busy}
            data-command={resolved ? 'reopen' : 'resolve'}
            onClick={() => onResolve(!resolved)}
          >
            {t(resolved ? 'comments.reopen' : 'comments.resolve')}
          </button>
        )}
        {mayConvert && (
          <button type="button" disabled={busy} onClick={() => onObjection()}>
            {t('comments.toObjection')}
          </button>
        )}
        {mayDelete && (
          <button type="button" disabled={busy} onClick={() => onDelete()}>
            {t('comments.delete')}
          </button>
        )}
      </div>
    </li>
  );
}
