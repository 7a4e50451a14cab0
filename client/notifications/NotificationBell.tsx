import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationText } from '../../shared/i18n/notificationText';
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
  const { t, i18n } = useTranslation();
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
        {/* Drawn, not the 🔔 emoji: without an emoji font that is an empty box. */}
        <svg className="icon" width="1.1em" height="1.1em" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M8 1.5a1 1 0 0 1 1 1v.6a4.5 4.5 0 0 1 3.5 4.4v2.8l1.3 1.8a.6.6 0 0 1-.5.9H2.7a.6.6 0 0 1-.5-.9l1.3-1.8V7.5A4.5 4.5 0 0 1 7 3.1v-.6a1 1 0 0 1 1-1ZM6.2 14h3.6a1.8 1.8 0 0 1-3.6 0Z"
          />
        </svg>
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
                    {notificationText(t, n, i18n.language, undefined, 'notify:')}
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

type Settings = {
  email: string | null;
  verified: boolean;
  delivery: 'immediate' | 'digest';
  timeZone: string | null;
  mailEnabled: boolean;
};

/** The browser's time zone: a daily digest goes out in the person's morning. */
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || null;

/**
 * Mail is off until the person gives an address; a new address is confirmed by the link mailed
 * to it before anything else goes there; each notification at once or one digest a day.
 * Emptying the address turns mail off again. Hidden where the installation sends no mail.
 */
function MailSetting() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [email, setEmail] = useState('');
  const [delivery, setDelivery] = useState<Settings['delivery']>('immediate');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  // Only state setters: the same function on every render, so the effect runs once.
  const show = useCallback((s: Settings) => {
    setSettings(s);
    setEmail(s.email ?? '');
    setDelivery(s.delivery);
  }, []);
  useEffect(() => {
    dataOf(api.GET('/api/notification-settings'))
      .then(show)
      .catch(() => undefined);
  }, [show]);
  if (!settings?.mailEnabled) return null;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    try {
      show(
        await dataOf(
          api.PUT('/api/notification-settings', {
            body: { email: email.trim() || null, delivery, timeZone: browserZone },
          }),
        ),
      );
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
        {settings.email && (
          <p className="muted" role="status">
            {settings.verified
              ? t('notify:settings.confirmed', { email: settings.email })
              : t('notify:settings.pending', { email: settings.email })}
          </p>
        )}
        <fieldset>
          <legend>{t('notify:settings.delivery')}</legend>
          <label>
            <input
              type="radio"
              name="delivery"
              checked={delivery === 'immediate'}
              onChange={() => setDelivery('immediate')}
            />{' '}
            {t('notify:settings.immediate')}
          </label>
          <label>
            <input
              type="radio"
              name="delivery"
              checked={delivery === 'digest'}
              onChange={() => setDelivery('digest')}
            />{' '}
            {t('notify:settings.digest')}
          </label>
        </fieldset>
        <button type="submit">{t('notify:settings.save')}</button>
        <span role="status">{saved ? t('notify:settings.saved') : ''}</span>
        {error && <p role="alert">{error}</p>}
      </fieldset>
    </form>
  );
}
