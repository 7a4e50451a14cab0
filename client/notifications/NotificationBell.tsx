import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccordNotification, notificationHref } from '../../shared/model/notifications';
import { api, dataOf } from '../api/apiClient';
import { navigate } from '../app/router';
import { formatDateTime } from '../i18n/formatDate';
import { onNotificationsChanged } from './notificationsChanged';

/** The bell also polls: events on drafts that are not open reach it within this time. */
const POLL_MS = 30_000;
const PAGE = 20;

interface Page {
  items: AccordNotification[];
  unread: number;
  next: string | null;
}

/**
 * The bell in the header: the unread count in its accessible name and as a badge; it opens a
 * list of one's notifications (newest first, each a link to its paragraph), mark-all-read and
 * the e-mail setting. Keyboard: a button (Enter/Space), Escape closes and returns focus.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const [page, setPage] = useState<Page | null>(null);
  const [older, setOlder] = useState<AccordNotification[]>([]);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const olderNext = useRef<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();

  const load = useCallback(async () => {
    try {
      setPage(await dataOf(api.GET('/api/notifications', { params: { query: { limit: PAGE } } })));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    // Several governance changes in a burst (a flush carries many) make one request.
    let pending: ReturnType<typeof setTimeout> | null = null;
    const off = onNotificationsChanged(() => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        void load();
      }, 200);
    });
    return () => {
      clearInterval(timer);
      if (pending) clearTimeout(pending);
      off();
    };
  }, [load]);

  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  // Escape closes the open panel from anywhere inside it, and focus goes back to the bell.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && root.current?.contains(document.activeElement)) {
        e.stopPropagation();
        close();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, close]);
  const unread = page?.unread ?? 0;
  const items = [...(page?.items ?? []), ...older];
  const next = older.length > 0 ? olderNext.current : (page?.next ?? null);

  const markAll = async () => {
    await dataOf(api.POST('/api/notifications/read-all')).catch(() => undefined);
    setOlder([]);
    await load();
  };
  const showOlder = async () => {
    if (!next) return;
    const more = await dataOf(api.GET('/api/notifications', { params: { query: { limit: PAGE, before: next } } }));
    olderNext.current = more.next;
    setOlder((o) => [...o, ...more.items]);
  };
  const follow = async (n: AccordNotification) => {
    if (n.readAt === null) {
      await dataOf(api.POST('/api/notifications/{nid}/read', { params: { path: { nid: n.id } } })).catch(
        () => undefined,
      );
      void load();
    }
    setOpen(false);
    const href = notificationHref(n);
    const [path, hash] = href.split('#');
    if (path === location.pathname && hash) location.hash = hash;
    else navigate(href);
  };

  return (
    <div className="notification-bell" ref={root}>
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-label={unread > 0 ? t('notify:bell.label', { n: unread }) : t('notify:bell.labelNone')}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((o) => !o);
          if (!open) void load();
        }}
      >
        <span aria-hidden="true">🔔</span>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="notification-panel" aria-label={t('notify:bell.title')}>
          <div className="notification-panel-head">
            <h2>{t('notify:bell.title')}</h2>
            <button type="button" className="link-button" onClick={markAll} disabled={unread === 0}>
              {t('notify:bell.markAll')}
            </button>
          </div>
          {failed && <p role="alert">{t('notify:bell.error')}</p>}
          {items.length === 0 ? (
            <p className="muted">{t('notify:bell.empty')}</p>
          ) : (
            <ul className="notification-list">
              {items.map((n) => (
                <li key={n.id} className={n.readAt === null ? 'unread' : undefined}>
                  <a
                    href={notificationHref(n)}
                    onClick={(e) => {
                      e.preventDefault();
                      void follow(n);
                    }}
                  >
                    {n.readAt === null && <span className="sr-only">{t('notify:bell.unread')}: </span>}
                    {t(`notify:event.${n.kind}`, { number: n.paragraphNumber ?? '—', label: n.label ?? '' })}
                  </a>
                  <span className="muted notification-meta">
                    {t('notify:bell.draft', { title: n.docTitle })} · {formatDateTime(n.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {next && (
            <button type="button" className="link-button" onClick={() => void showOlder()}>
              {t('notify:bell.more')}
            </button>
          )}
          <MailSetting />
        </section>
      )}
    </div>
  );
}

/** Mail is off until the person gives an address; emptying it turns mail off again. */
function MailSetting() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  useEffect(() => {
    dataOf(api.GET('/api/notification-settings'))
      .then((s) => setEmail(s.email ?? ''))
      .catch(() => undefined);
  }, []);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    try {
      await dataOf(api.PUT('/api/notification-settings', { body: { email: email.trim() || null } }));
      setSaved(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form className="notification-mail" onSubmit={save}>
      <fieldset>
        <legend>{t('notify:settings.legend')}</legend>
        <label htmlFor={inputId}>{t('notify:settings.address')}</label>
        <input id={inputId} type="email" value={email} onChange={(e) => setEmail(e.target.value)} dir="ltr" />
        <p className="muted">{t('notify:settings.off')}</p>
        <button type="submit">{t('notify:settings.save')}</button>
        <span role="status">{saved ? t('notify:settings.saved') : ''}</span>
        {error && <p role="alert">{error}</p>}
      </fieldset>
    </form>
  );
}
