import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../shared/governance/permissions';
import type { Role } from '../../shared/governance/roles';
import { canRaise, type Flag, flagOf, type MeetingRoom, nextFlag } from '../../shared/model/meetingRoom';
import { formatLabel, type ParagraphLabel } from '../../shared/model/numbering';
import { errorMessage } from '../api/apiClient';
import type { MeetingRoomApi } from '../api/meetingRoomApi';
import { shortcutLabel } from '../editor/shortcutLabel';
import { roomShortcutOf, roomShortcuts } from './roomShortcuts';

/**
 * The speaker queue, for everyone: who has the floor, who is next, the raised flags in order.
 * Members raise and lower their delegation's flag (on the selected paragraph if they choose);
 * the chair gives the floor, removes a flag or clears the queue. What the buttons offer follows
 * the permission table; the server decides.
 */
export function SpeakerQueue({
  api,
  room,
  role,
  delegation,
  selected,
  labels,
}: {
  api: MeetingRoomApi;
  room: MeetingRoom;
  role: Role;
  /** My delegation's code on this draft (null for the secretariat). */
  delegation: string | null;
  /** The paragraph the cursor is in, to raise the flag on. */
  selected: string | null;
  labels: Map<string, ParagraphLabel>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [onParagraph, setOnParagraph] = useState(false);
  const mayRaise = can(role, 'floor.raise') && delegation !== null;
  const mayManage = can(role, 'floor.manage');
  const mine = flagOf(room, delegation ?? undefined);
  const next = nextFlag(room);
  const label = (pid: string | null) => {
    const l = pid ? labels.get(pid) : undefined;
    return l ? formatLabel(l) : null;
  };

  const run = useCallback(async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }, []);
  const toggleFlag = useCallback(() => {
    if (mine) return run(() => api.lower());
    if (!canRaise(room, delegation ?? undefined).ok) return;
    return run(() => api.raise(onParagraph ? selected : null));
  }, [mine, room, delegation, onParagraph, selected, api, run]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const which = roomShortcutOf(e);
      if (!which) return;
      if (which === 'flag' && mayRaise) {
        e.preventDefault();
        void toggleFlag();
      } else if (which === 'next' && mayManage) {
        e.preventDefault();
        if (next) void run(() => api.give());
      } else if (which === 'queue') {
        e.preventDefault();
        document.getElementById('speaker-queue')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [mayRaise, mayManage, toggleFlag, next, api, run]);

  const who = (f: Flag) => t('room.entry', { delegation: f.delegationName, name: f.raisedBy.name });
  const selectedLabel = label(selected);
  return (
    <section id="speaker-queue" tabIndex={-1} aria-labelledby="speaker-queue-title" className="card speaker-queue">
      <h2 id="speaker-queue-title">{t('room.queueTitle')}</h2>
      <p className="floor" data-testid="floor">
        <strong>{t('room.floor')}</strong>{' '}
        {room.floor ? <bdi>{who(room.floor.flag)}</bdi> : <span className="muted">{t('room.floorNone')}</span>}
      </p>
      <p className="next" data-testid="next">
        <strong>{t('room.next')}</strong>{' '}
        {next ? <bdi>{who(next)}</bdi> : <span className="muted">{t('room.nextNone')}</span>}
      </p>
      {/* Said once when the floor changes hands: people who cannot see the screen hear it. */}
      <p className="sr-only" role="status">
        {room.floor ? t('room.announceFloor', { delegation: room.floor.flag.delegationName }) : ''}
      </p>
      {room.queue.length === 0 ? (
        <p className="muted">{t('room.queueEmpty')}</p>
      ) : (
        <ol className="flags" aria-label={t('room.queueLabel')} data-testid="queue">
          {room.queue.map((f) => {
            const on = label(f.paragraphId);
            return (
              <li key={f.id}>
                <bdi>{who(f)}</bdi>
                {on && <span className="muted"> {t('room.onParagraph', { label: on })}</span>}
                {mayManage && (
                  <span className="flag-actions">
                    <button type="button" disabled={busy} onClick={() => run(() => api.give(f.id))}>
                      {t('room.give', { delegation: f.delegationName })}
                    </button>
                    <button type="button" disabled={busy} onClick={() => run(() => api.remove(f.id))}>
                      {t('room.remove', { delegation: f.delegationName })}
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {mayRaise && (
        <div className="queue-actions">
          {!mine && selectedLabel && (
            <label>
              <input type="checkbox" checked={onParagraph} onChange={(e) => setOnParagraph(e.target.checked)} />{' '}
              {t('room.onSelected', { label: selectedLabel })}
            </label>
          )}
          <button
            type="button"
            disabled={busy || (!mine && !canRaise(room, delegation ?? undefined).ok)}
            onClick={() => void toggleFlag()}
            aria-keyshortcuts={roomShortcuts.flag.aria}
            title={t('toolbar.withShortcut', {
              label: mine ? t('room.lower') : t('room.raise'),
              keys: shortcutLabel(roomShortcuts.flag.key),
            })}
          >
            {mine ? t('room.lower') : t('room.raise')}
          </button>
          {mine && (
            <p className="muted" data-testid="my-flag">
              {t('room.raised', { position: room.queue.indexOf(mine) + 1 })}
            </p>
          )}
        </div>
      )}
      {mayManage && (
        <div className="queue-actions">
          <button
            type="button"
            disabled={busy || !next}
            onClick={() => run(() => api.give())}
            aria-keyshortcuts={roomShortcuts.next.aria}
            title={t('toolbar.withShortcut', {
              label: t('room.giveNext'),
              keys: shortcutLabel(roomShortcuts.next.key),
            })}
          >
            {t('room.giveNext')}
          </button>
          <button
            type="button"
            disabled={busy || (room.queue.length === 0 && !room.floor)}
            onClick={() => run(() => api.clear())}
          >
            {t('room.clear')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
