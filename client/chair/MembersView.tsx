import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, roles } from '../../shared/governance/roles';
import { type DelegationKind, delegationKinds } from '../../shared/model/delegation';
import { api, dataOf, errorMessage } from '../api/apiClient';
import type { InviteCreated, Me, MemberInfo, MembersAnswer } from '../api/types';
import { roleLabel } from '../pages/roleLabels';

/**
 * Members grouped by the delegation they speak for, with their roles (changeable,
 * removable), the group's delegations, and single-use invitation links naming one.
 */
export function MembersView({ docId, me }: { docId: string; me: Me }) {
  const { t } = useTranslation();
  const doc = { params: { path: { id: docId } } };
  const member = (userId: string) => ({ params: { path: { id: docId, userId } } });
  const [answer, setAnswer] = useState<MembersAnswer | null>(null);
  const [inviteDelegation, setInviteDelegation] = useState('');
  const [newDelegation, setNewDelegation] = useState<{ name: string; code: string; kind: DelegationKind }>({
    name: '',
    code: '',
    kind: 'member_state',
  });
  const [error, setError] = useState<string | null>(null);
  const [invite, setInvite] = useState<InviteCreated | null>(null);
  const [inviteRole, setInviteRole] = useState<Role>('member');
  const [ttlHours, setTtlHours] = useState(168);
  const [copied, setCopied] = useState(false);
  const [signinLink, setSigninLink] = useState<{ name: string; url: string } | null>(null);

  const load = useCallback(() => {
    dataOf(api.GET('/api/documents/{id}/members', { params: { path: { id: docId } } })).then(
      (r) => setAnswer(r),
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [docId]);
  useEffect(load, [load]);

  const guarded = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      load();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const createInvite = (e: FormEvent) => {
    e.preventDefault();
    setCopied(false);
    void guarded(async () =>
      setInvite(
        await dataOf(
          api.POST('/api/documents/{id}/invites', {
            ...doc,
            body: { role: inviteRole, ttlHours, ...(inviteDelegation ? { delegationId: inviteDelegation } : {}) },
          }),
        ),
      ),
    );
  };

  const addDelegation = (e: FormEvent) => {
    e.preventDefault();
    void guarded(async () => {
      await dataOf(api.POST('/api/documents/{id}/delegations', { ...doc, body: newDelegation }));
      setNewDelegation({ name: '', code: '', kind: 'member_state' });
    });
  };
  const delegations = answer?.delegations ?? [];
  const unassigned = answer?.members.filter((m) => m.delegation === null) ?? [];

  const issueSigninLink = (m: MemberInfo) =>
    void guarded(async () => {
      const r = await dataOf(api.POST('/api/documents/{id}/members/{userId}/signin-link', member(m.userId)));
      setSigninLink({ name: m.name, url: r.url });
    });

  function memberRow(m: MemberInfo) {
    return (
      <tr key={m.userId}>
        <td>
          <bdi>{m.name}</bdi>
        </td>
        <td>
          <select
            aria-label={t('members.roleOf', { name: m.name })}
            value={m.role}
            disabled={m.userId === me.id}
            onChange={(e) =>
              void guarded(() =>
                dataOf(
                  api.PATCH('/api/documents/{id}/members/{userId}', {
                    ...member(m.userId),
                    body: { role: roles.find((r) => r === e.target.value) ?? m.role },
                  }),
                ),
              )
            }
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </td>
        <td>
          {m.userId !== me.id && (
            <button
              type="button"
              aria-label={t('members.newSigninLinkFor', { name: m.name })}
              onClick={() => issueSigninLink(m)}
            >
              {t('members.newSigninLink')}
            </button>
          )}{' '}
          {m.userId !== me.id && (
            <button
              type="button"
              aria-label={t('members.removeFrom', { name: m.name })}
              onClick={() =>
                void guarded(() => dataOf(api.DELETE('/api/documents/{id}/members/{userId}', member(m.userId))))
              }
            >
              {t('members.remove')}
            </button>
          )}
        </td>
      </tr>
    );
  }

  return (
    <div className="members">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <h3>{t('members.inviteTitle')}</h3>
      <form onSubmit={createInvite} className="inline-form">
        <label htmlFor="invite-role">{t('members.role')}</label>
        <select id="invite-role" value={inviteRole} onChange={(e) => setInviteRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
        <label htmlFor="invite-delegation">{t('members.delegation')}</label>
        <select id="invite-delegation" value={inviteDelegation} onChange={(e) => setInviteDelegation(e.target.value)}>
          <option value="">{t('members.asTheyName')}</option>
          {delegations.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.code})
            </option>
          ))}
        </select>
        <label htmlFor="invite-ttl">{t('members.validFor')}</label>
        <input
          id="invite-ttl"
          type="number"
          min={1}
          max={2160}
          value={ttlHours}
          onChange={(e) => setTtlHours(Number(e.target.value))}
        />
        <button type="submit">{t('members.createInvite')}</button>
      </form>
      {invite && (
        <div className="invite-result">
          <label htmlFor="invite-url">{t('members.singleUse', { role: invite.role })}</label>
          <input id="invite-url" dir="ltr" readOnly value={invite.url} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            onClick={() =>
              navigator.clipboard?.writeText(invite.url).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {t('common.copyLink')}
          </button>
          {copied && <span aria-live="polite"> {t('common.copied')}</span>}
        </div>
      )}
      <h3>{t('members.addDelegationTitle')}</h3>
      <form onSubmit={addDelegation} className="inline-form">
        <label htmlFor="delegation-name">{t('members.name')}</label>
        <input
          id="delegation-name"
          required
          maxLength={200}
          value={newDelegation.name}
          onChange={(e) => setNewDelegation({ ...newDelegation, name: e.target.value })}
        />
        <label htmlFor="delegation-code">{t('members.shortCode')}</label>
        <input
          id="delegation-code"
          required
          maxLength={12}
          pattern="[A-Za-z0-9\-]{1,12}"
          value={newDelegation.code}
          onChange={(e) => setNewDelegation({ ...newDelegation, code: e.target.value })}
        />
        <label htmlFor="delegation-kind">{t('members.kind')}</label>
        <select
          id="delegation-kind"
          value={newDelegation.kind}
          onChange={(e) => setNewDelegation({ ...newDelegation, kind: e.target.value as DelegationKind })}
        >
          {delegationKinds.map((k) => (
            <option key={k} value={k}>
              {t(`members.kinds.${k}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('members.addDelegation')}</button>
      </form>
      <h3>{t('members.byDelegation')}</h3>
      <p className="muted">{t('members.lostLink')}</p>
      {signinLink && (
        <div className="invite-result">
          <label htmlFor="signin-url">{t('members.signinLinkFor', { name: signinLink.name })}</label>
          <input id="signin-url" dir="ltr" readOnly value={signinLink.url} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => navigator.clipboard?.writeText(signinLink.url).catch(() => undefined)}>
            {t('common.copyLink')}
          </button>
        </div>
      )}
      {answer === null ? (
        <p>{t('common.loading')}</p>
      ) : (
        <table className="data-table members-by-delegation">
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.role')}</th>
              <th scope="col">
                <span className="sr-only">{t('members.actions')}</span>
              </th>
            </tr>
          </thead>
          {delegations.map((d) => (
            <tbody key={d.id} aria-label={`${d.name} (${d.code})`}>
              <tr className="delegation-row">
                <th scope="rowgroup" colSpan={3}>
                  <bdi>{d.name}</bdi>{' '}
                  <bdi className="delegation-code" dir="ltr">
                    {d.code}
                  </bdi>{' '}
                  <span className="muted">
                    {t(`members.kinds.${d.kind}`)} · {t('members.people', { count: d.members.length })}
                  </span>
                </th>
              </tr>
              {d.members.map((m) => memberRow({ ...m, delegation: d }))}
            </tbody>
          ))}
          {unassigned.length > 0 && (
            <tbody aria-label={t('members.withoutDelegation')}>
              <tr className="delegation-row">
                <th scope="rowgroup" colSpan={3}>
                  {t('members.withoutDelegation')}
                </th>
              </tr>
              {unassigned.map(memberRow)}
            </tbody>
          )}
        </table>
      )}
    </div>
  );
}
