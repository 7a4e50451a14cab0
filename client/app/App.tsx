import { useMe } from '../api/useMe';
import { DocumentListPage } from '../pages/DocumentListPage';
import { DraftPage } from '../pages/DraftPage';
import { InvitePage } from '../pages/InvitePage';
import { SignedOutPage } from '../pages/SignedOutPage';
import { AppHeader } from './AppHeader';
import { parseRoute, usePathname } from './router';

export function App() {
  const route = parseRoute(usePathname());
  const [meState, reloadMe] = useMe();

  // The invite page works without a session: accepting it is how people sign in.
  if (route.page === 'invite') {
    return (
      <>
        <AppHeader me={meState.state === 'signedIn' ? meState.me : null} />
        <main id="main" className="page">
          <InvitePage token={route.token} onAccepted={reloadMe} />
        </main>
      </>
    );
  }
  if (meState.state === 'loading') {
    return (
      <main id="main" className="page">
        <p aria-live="polite">Loading…</p>
      </main>
    );
  }
  if (meState.state === 'error') {
    return (
      <main id="main" className="page">
        <p role="alert" className="error">
          {meState.message}
        </p>
      </main>
    );
  }
  if (meState.state === 'signedOut') {
    return (
      <>
        <AppHeader me={null} />
        <main id="main" className="page">
          <SignedOutPage />
        </main>
      </>
    );
  }
  const me = meState.me;
  if (route.page === 'draft') return <DraftPage key={route.docId} docId={route.docId} me={me} />;
  return (
    <>
      <AppHeader me={me} />
      <main id="main" className="page">
        {route.page === 'list' ? <DocumentListPage me={me} /> : <NotFound />}
      </main>
    </>
  );
}

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <a href="/">Go to your drafts</a>
      </p>
    </>
  );
}
