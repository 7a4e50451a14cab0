import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/useMe';
import { VerifyEmailPage } from '../notifications/VerifyEmailPage';
import { DocumentListPage } from '../pages/DocumentListPage';
import { InvitePage } from '../pages/InvitePage';
import { SignedOutPage } from '../pages/SignedOutPage';
import { SigninPage } from '../pages/SigninPage';
import { AppHeader } from './AppHeader';
import { navigate, parseRoute, usePathname, useSearch } from './router';
import { usePageTitle } from './usePageTitle';

// The draft workspace (editor, Yjs, Lit panels) is its own chunk: the sign-in page, the list
// of drafts and invitations load without it.
const DraftPage = lazy(() => import('../pages/DraftPage').then((m) => ({ default: m.DraftPage })));
const ProjectionPage = lazy(() => import('../pages/ProjectionPage').then((m) => ({ default: m.ProjectionPage })));
const ComparePage = lazy(() => import('../chair/ComparePage').then((m) => ({ default: m.ComparePage })));

export function App() {
  const route = parseRoute(usePathname(), useSearch());
  const [meState, reloadMe] = useMe();
  const { t } = useTranslation();

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
  // A screen link signs nobody in: the room's screen reads one draft with the link alone.
  if (route.page === 'projection' && route.docId === null) {
    return (
      <Suspense fallback={<Opening text={t('app.opening.draft')} />}>
        <ProjectionPage docId={null} token={screenSecret()} />
      </Suspense>
    );
  }
  // A one-time sign-in link opens a page; its button (a POST) signs in, then the app starts over.
  if (route.page === 'signin') {
    const token = route.token;
    return (
      <>
        <AppHeader me={meState.state === 'signedIn' ? meState.me : null} />
        <main id="main" className="page">
          <SigninPage
            token={token}
            onSignedIn={() => {
              reloadMe();
              navigate('/', { replace: true });
            }}
          />
        </main>
      </>
    );
  }
  if (meState.state === 'loading') {
    return (
      <main id="main" className="page">
        <p aria-live="polite">{t('app.loading')}</p>
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
          {route.page === 'verifyEmail' && (
            // The link's secret is only good in the session of the account that asked for it.
            <p role="status">{t('notify:verify.signIn')}</p>
          )}
          <SignedOutPage />
        </main>
      </>
    );
  }
  const me = meState.me;
  if (route.page === 'draft') {
    return (
      <Suspense fallback={<Opening text={t('app.opening.draft')} />}>
        <DraftPage key={route.docId} docId={route.docId} me={me} />
      </Suspense>
    );
  }
  if (route.page === 'projection') {
    return (
      <Suspense fallback={<Opening text={t('app.opening.draft')} />}>
        <ProjectionPage docId={route.docId} token={null} />
      </Suspense>
    );
  }
  if (route.page === 'compare') {
    return (
      <Suspense fallback={<Opening text={t('app.opening.comparison')} />}>
        <ComparePage docId={route.docId} from={route.from} to={route.to} me={me} />
      </Suspense>
    );
  }
  if (route.page === 'verifyEmail') {
    return (
      <>
        <AppHeader me={me} />
        <main id="main" className="page">
          <VerifyEmailPage secret={screenSecret()} />
        </main>
      </>
    );
  }
  return (
    <>
      <AppHeader me={me} />
      <main id="main" className="page">
        {route.page === 'list' ? <DocumentListPage me={me} /> : <NotFound />}
      </main>
    </>
  );
}

/** A link's secret (a screen link, an address confirmation), from the URL's fragment (never sent to the server with the page request). */
function screenSecret(): string | null {
  const secret = decodeURIComponent(location.hash.replace(/^#/, ''));
  return secret === '' ? null : secret;
}

function Opening({ text }: { text: string }) {
  return (
    <main id="main" className="page">
      <p aria-live="polite">{text}</p>
    </main>
  );
}

function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('app.notFound.title'));
  return (
    <>
      <h1>{t('app.notFound.title')}</h1>
      <p>
        <a href="/">{t('app.notFound.back')}</a>
      </p>
    </>
  );
}
