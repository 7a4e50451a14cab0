import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLabel } from '../../shared/model/numbering';
import { api, dataOf, errorMessage } from '../api/apiClient';
import type { MemberInfo } from '../api/types';
import { formatDateTime } from '../i18n/formatDate';
import type { DraftModel } from '../model/useDraftModel';
import {
  type ActionGroup,
  type AuditContext,
  type AuditRecord,
  actionGroup,
  actionGroupNames,
  describeAuditEntry,
  paragraphsOf,
} from './auditDescription';
import { paragraphQuery } from './paragraphQuery';

const PAGE = 50;
/** Entries per request (the API's maximum); the view follows `next` until it has them all. */
const BATCH = 1000;

interface AuditPage {
  entries: AuditRecord[];
  /** The cursor of the next page, null after the last. */
  next: number | null;
  chainIntact: boolean;
}

interface Filters {
  person: string;
  paragraph: string;
  group: ActionGroup | '';
  from: string;
  to: string;
}
const noFilters: Filters = { person: '', paragraph: '', group: '', from: '', to: '' };

/**
 * The hash-chained audit trail as a chair reads it: who (name and delegation), what (a sentence
 * with paragraph numbers), when; filtered by person, paragraph, kind of action and time, newest
 * first, a page at a time; whether the chain is intact; the raw log as JSON Lines.
 */
export function AuditView({ docId, model }: { docId: string; model: DraftModel }) {
  const { t } = useTranslation();
  const base = `/api/documents/${encodeURIComponent(docId)}`;
  const [entries, setEntries] = useState<AuditRecord[] | null>(null);
  const [chainIntact, setChainIntact] = useState(true);
  const [members, setMembers] = useState<MemberInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [page, setPage] = useState(0);

  useEffect(() => {
    let live = true;
    (async () => {
      const all: AuditRecord[] = [];
      let intact = true;
      // The document's chain, page by page (the API's `next` cursor), verified by the server on each read.
      for (let after: number | null = 0; after !== null; ) {
        const batch: AuditPage = await dataOf(
          api.GET('/api/documents/{id}/audit', { params: { path: { id: docId }, query: { after, limit: BATCH } } }),
        );
        all.push(...batch.entries);
        intact &&= batch.chainIntact;
        after = batch.next;
      }
      const m = await dataOf(api.GET('/api/documents/{id}/members', { params: { path: { id: docId } } }));
      if (!live) return;
      setEntries(all.reverse());
      setChainIntact(intact);
      setMembers(m.members);
    })().catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [docId]);

  const ctx: AuditContext = useMemo(() => {
    const people = new Map(members.map((m) => [m.userId, m]));
    return {
      person: (id) =>
        people.get(id) ?? (id === 'admin' ? { name: t('audit.secretariat'), affiliation: 'admin' } : null),
      number: (id) => {
        const label = model.labels.get(id);
        return label ? formatLabel(label).replace(/\.$/, '') : null;
      },
    };
  }, [members, model.labels, t]);

  const actors = useMemo(() => [...new Set((entries ?? []).map((e) => e.actor ?? ''))], [entries]);
  const shown = useMemo(() => {
    const from = filters.from ? new Date(filters.from).getTime() : null;
    const to = filters.to ? new Date(filters.to).getTime() : null;
    const wanted = paragraphQuery(filters.paragraph, t('revisions.notAgreedLine', { number: '\u0000' }));
    return (entries ?? []).filter(
      (e) =>
        (!filters.person || (e.actor ?? '') === filters.person) &&
        (!filters.group || actionGroup(e.action) === filters.group) &&
        (from === null || e.at >= from) &&
        (to === null || e.at <= to) &&
        (!wanted || paragraphsOf(e).some((id) => ctx.number(id)?.toLowerCase() === wanted)),
    );
  }, [entries, filters, ctx, t]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages - 1);
  const visible = shown.slice(current * PAGE, (current + 1) * PAGE);
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(0);
  };

  if (error) {
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  }
  if (!entries) return <p aria-live="polite">{t('audit.loading')}</p>;
  const personName = (id: string) => (id ? (ctx.person(id)?.name ?? t('audit.formerMember')) : t('audit.server'));
  return (
    <div className="audit">
      <p className={chainIntact ? 'ok-text' : 'error'} role="status">
        {chainIntact ? t('audit.intact') : t('audit.broken')}
      </p>
      <p>
        <a href={`${base}/audit?format=jsonl`} download>
          {t('audit.download')}
        </a>
      </p>
      <form className="inline-form audit-filters" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="audit-person">{t('audit.person')}</label>
        <select id="audit-person" value={filters.person} onChange={(e) => set({ person: e.target.value })}>
          <option value="">{t('audit.everyone')}</option>
          {actors.map((id) => (
            <option key={id} value={id}>
              {personName(id)}
            </option>
          ))}
        </select>
        <label htmlFor="audit-paragraph">{t('audit.paragraph')}</label>
        <input
          id="audit-paragraph"
          value={filters.paragraph}
          placeholder={t('audit.paragraphExample')}
          size={10}
          onChange={(e) => set({ paragraph: e.target.value })}
        />
        <label htmlFor="audit-action">{t('audit.action')}</label>
        <select
          id="audit-action"
          value={filters.group}
          onChange={(e) => set({ group: e.target.value as ActionGroup | '' })}
        >
          <option value="">{t('audit.allActions')}</option>
          {actionGroupNames.map((g) => (
            <option key={g} value={g}>
              {t(`audit.groups.${g}`)}
            </option>
          ))}
        </select>
        <label htmlFor="audit-from">{t('common.from')}</label>
        <input
          id="audit-from"
          type="datetime-local"
          value={filters.from}
          onChange={(e) => set({ from: e.target.value })}
        />
        <label htmlFor="audit-to">{t('common.to')}</label>
        <input id="audit-to" type="datetime-local" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        <button type="button" onClick={() => set(noFilters)}>
          {t('audit.clear')}
        </button>
      </form>
      <p aria-live="polite" className="muted">
        {shown.length === 0
          ? t('audit.noMatch')
          : t('audit.range', { first: current * PAGE + 1, last: current * PAGE + visible.length, total: shown.length })}
      </p>
      {visible.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((e) => {
              const who = e.actor ? ctx.person(e.actor) : null;
              return (
                <tr key={e.seq} data-seq={e.seq}>
                  <td>
                    <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>
                  </td>
                  <td>
                    <bdi>{personName(e.actor ?? '')}</bdi>
                    {/* The delegation recorded with the decision; the person's affiliation for older entries. */}
                    {typeof e.detail.delegation === 'string' ? (
                      <span className="muted">
                        {' '}
                        (<bdi>{e.detail.delegation}</bdi>)
                      </span>
                    ) : (
                      who?.affiliation && (
                        <span className="muted">
                          {' '}
                          (<bdi>{who.affiliation}</bdi>)
                        </span>
                      )
                    )}
                  </td>
                  <td>{describeAuditEntry(e, ctx)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav className="button-row pager" aria-label={t('audit.pages')}>
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t('audit.newer')}
          </button>
          <span>{t('audit.page', { current: current + 1, total: pages })}</span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {t('audit.older')}
          </button>
        </nav>
      )}
    </div>
  );
}
