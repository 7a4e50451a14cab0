import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type Role, roles } from '../../shared/governance/roles';
import { apiFetch, errorMessage } from '../api/apiFetch';
import type { InviteCreated, Me, MemberInfo } from '../api/types';
import { roleLabels } from '../pages/roleLabels';

/** Members with their roles (changeable, removable) and single-use invitation links. */
export function MembersView({ docId, me }: { docId: string; me: Me }) {
  const base = `/api/documents/${encodeURIComponent(docId)}`;
  const [members, setMembers] = useState<MemberInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [invite, setInvite] = useState<InviteCreated | null>(null);
  const [inviteRole, setInviteRole] = useState<Role>('member');
  const [ttlHours, setTtlHours] = useState(168);
  const [copied, setCopied] = useState(false);

  const load = useCallback(() => {
    apiFetch<{ members: MemberInfo[] }>(`${base}/members`).then(
      (r) => setMembers(r.members),
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [base]);
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
        await apiFetch<InviteCreated>(`${base}/invites`, { method: 'POST', body: { role: inviteRole, ttlHours } }),
      ),
    );
  };

  return (
    <div className="members">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <h3>Invite someone</h3>
      <form onSubmit={createInvite} className="inline-form">
        <label htmlFor="invite-role">Role</label>
        <select id="invite-role" value={inviteRole} onChange={(e) => setInviteRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
        <label htmlFor="invite-ttl">Valid for (hours)</label>
        <input
          id="invite-ttl"
          type="number"
          min={1}
          max={2160}
          value={ttlHours}
          onChange={(e) => setTtlHours(Number(e.target.value))}
        />
        <button type="submit">Create invitation link</button>
      </form>
      {invite && (
        <div className="invite-result">
          <label htmlFor="invite-url">
            Single-use link for a {roleLabels[invite.role].toLowerCase()} (send it to one person):
          </label>
          <input id="invite-url" readOnly value={invite.url} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            onClick={() =>
              navigator.clipboard?.writeText(invite.url).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            Copy link
          </button>
          {copied && <span aria-live="polite"> Copied.</span>}
        </div>
      )}
      <h3>Members</h3>
      {members === null ? (
        <p>Loading…</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Delegation / organisation</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td>{m.affiliation}</td>
                <td>
                  <select
                    aria-label={`Role of ${m.name}`}
                    value={m.role}
                    disabled={m.userId === me.id}
                    onChange={(e) =>
                      void guarded(() =>
                        apiFetch(`${base}/members/${encodeURIComponent(m.userId)}`, {
                          method: 'PATCH',
                          body: { role: e.target.value },
                        }),
                      )
                    }
                  >
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {roleLabels[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {m.userId !== me.id && (
                    <button
                      type="button"
                      aria-label={`Remove ${m.name} from the draft`}
                      onClick={() =>
                        void guarded(() =>
                          apiFetch(`${base}/members/${encodeURIComponent(m.userId)}`, { method: 'DELETE' }),
                        )
                      }
                    >
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
