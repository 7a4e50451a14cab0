import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingRoom } from '../../shared/model/meetingRoom';
import { api, dataOf, errorMessage } from '../api/apiClient';
import type { MeetingRoomApi } from '../api/meetingRoomApi';
import type { Me, MemberInfo } from '../api/types';
import { projectionPath } from '../app/router';
import { formatDateTime } from '../i18n/formatDate';

interface LinkInfo {
  id: string;
  label: string;
  createdAt: number;
}

/**
 * The chair's tools for the room's screen: open the projection in a new window, decide whom it
 * follows (any chair, or one person: the chair or a secretary), and the screen links for the
 * room's computer — created with their secret shown once, revoked when the meeting ends.
 */
export function ScreenTools({
  docId,
  me,
  room,
  roomApi,
}: {
  docId: string;
  me: Me;
  room: MeetingRoom;
  roomApi: MeetingRoomApi;
}) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<MemberInfo[]>([]);
  const [links, setLinks] = useState<LinkInfo[]>([]);
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    roomApi.links().then(
      (r) => setLinks(r.links),
      (err: unknown) => setError(errorMessage(err)),
    );
    dataOf(api.GET('/api/documents/{id}/members', { params: { path: { id: docId } } })).then(
      (r) => setPeople(r.members.filter((m) => m.role !== 'observer')),
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [docId, roomApi]);
  useEffect(load, [load]);

  const guarded = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    void guarded(async () => {
      const link = await roomApi.createLink(label.trim());
      setCreated(link.url);
      setLabel('');
      load();
    });
  };
  const open = () => {
    window.open(projectionPath(docId), `accord-screen-${docId}`, 'noopener');
  };
  const driver = room.driver?.id ?? '';
  const choices = people.some((p) => p.userId === me.id) ? people : [{ userId: me.id, name: me.name }, ...people];

  return (
    <div className="screen-tools">
      <p>
        <button type="button" onClick={open}>
          {t('room.screen.open')}
        </button>
      </p>
      <p>
        <label>
          {t('room.screen.follows')}{' '}
          <select
            value={driver}
            onChange={(e) => void guarded(() => roomApi.drive(e.target.value === '' ? null : e.target.value))}
          >
            <option value="">{t('room.screen.anyChair')}</option>
            {choices.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.userId === me.id ? t('room.screen.me', { name: p.name }) : p.name}
              </option>
            ))}
          </select>
        </label>
      </p>
      <h3>{t('room.screen.links')}</h3>
      <p className="muted">{t('room.screen.linksHelp')}</p>
      <form onSubmit={create} className="inline-form">
        <label>
          {t('room.screen.label')}{' '}
          <input value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={100} />
        </label>{' '}
        <button type="submit" disabled={label.trim() === ''}>
          {t('room.screen.create')}
        </button>
      </form>
      {created && (
        <p>
          {t('room.screen.created')}{' '}
          <input
            readOnly
            value={created}
            aria-label={t('room.screen.createdLink')}
            size={50}
            data-testid="screen-link"
          />
        </p>
      )}
      {links.length === 0 ? (
        <p className="muted">{t('room.screen.none')}</p>
      ) : (
        <ul>
          {links.map((l) => (
            <li key={l.id}>
              <bdi>{l.label}</bdi>{' '}
              <span className="muted">{t('room.screen.createdAt', { when: formatDateTime(l.createdAt) })}</span>{' '}
              <button
                type="button"
                onClick={() =>
                  void guarded(async () => {
                    await roomApi.revokeLink(l.id);
                    load();
                  })
                }
              >
                {t('room.screen.revoke', { label: l.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
