import type { ReactNode } from 'react';
import { apiFetch } from '../api/apiFetch';
import type { Me } from '../api/types';
import { navigate } from './router';

/** The banner every page shares: home link, who is signed in, sign out; pages add their own parts. */
export function AppHeader({ me, children }: { me: Me | null; children?: ReactNode }) {
  const signOut = async () => {
    await apiFetch('/api/signout', { method: 'POST' }).catch(() => undefined);
    location.assign('/');
  };
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <a
        className="brand"
        href="/"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        Accord
      </a>
      <div className="header-middle">{children}</div>
      {me && (
        <div className="whoami">
          <span>
            {me.name} <span className="muted">({me.affiliation})</span>
          </span>
          <button type="button" className="link-button" onClick={signOut}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
