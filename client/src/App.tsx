import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { matchRoute, navigate, paths, usePathname } from './lib/router';
import { ErrorBoundary } from './components/ErrorBoundary';
import { forgetCachedStates } from './state/persist';
import { ConfirmHost } from './components/ConfirmDialog';
import { ShortcutSheet } from './components/ShortcutSheet';
import { AppHeader } from './components/AppHeader';
import { Landing } from './screens/Landing';

// The landing page is the only screen loaded up front (issue 10, item 15: <= 120 KB gzip of JS);
// every other screen is a chunk fetched when opened. The workshop screen carries the store, the
// socket client and the shared reducers, so delegates joining by link fetch it only then.
const Join = lazy(() => import('./screens/Join').then((m) => ({ default: m.Join })));
const WorkshopScreen = lazy(() => import('./screens/Workshop').then((m) => ({ default: m.WorkshopScreen })));
// Toasts read the workshop store; the landing page and the not-found page never raise one, so the
// store (and with it zod and the shared reducers) stays out of their download.
const Toasts = lazy(() => import('./components/Toasts').then((m) => ({ default: m.Toasts })));

// Only facilitators need the create form: delegates' phones skip downloading it.
const Create = lazy(() => import('./screens/Create').then((m) => ({ default: m.Create })));
// The facilitator's home (accounts, passkeys): only people who sign in download it.
const Home = lazy(() => import('./screens/Home').then((m) => ({ default: m.Home })));
// The projector view is for the room's screen only.
const Projector = lazy(() => import('./screens/Projector').then((m) => ({ default: m.Projector })));
// The print view carries the report renderer: loaded only when someone prints.
const PrintView = lazy(() => import('./screens/PrintView').then((m) => ({ default: m.PrintView })));

export function App() {
  const { t } = useTranslation();
  const pathname = usePathname();
  const route = matchRoute(pathname);
  const first = useRef(true);

  // After moving between screens, put focus on the new screen's heading (screen readers
  // otherwise stay where the old page was).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(id);
  }, [pathname]);

  let screen;
  switch (route.name) {
    case 'landing':
      screen = <Landing />;
      break;
    case 'create':
      screen = <Create />;
      break;
    case 'home':
      screen = <Home />;
      break;
    case 'join':
      screen = <Join key={route.code} code={route.code} />;
      break;
    case 'workshop':
      screen = <WorkshopScreen key={route.workshopId} workshopId={route.workshopId} tableId={route.tableId} />;
      break;
    case 'projector':
      screen = <Projector key={route.workshopId} workshopId={route.workshopId} />;
      break;
    case 'print':
      screen = <PrintView key={route.workshopId} workshopId={route.workshopId} />;
      break;
    default:
      screen = (
        <>
          <AppHeader />
          <main id="main" className="page">
            <h1 tabIndex={-1}>{t('notFound.title')}</h1>
            <p>{t('notFound.body')}</p>
            <button type="button" className="primary" onClick={() => navigate(paths.landing())}>
              {t('notFound.home')}
            </button>
          </main>
        </>
      );
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToMain')}
      </a>
      <ErrorBoundary route={route.name} resetKey={pathname} onCatch={forgetCachedStates}>
        <Suspense
          fallback={
            <p className="page" role="status">
              {t('common.loading')}
            </p>
          }
        >
          {screen}
        </Suspense>
      </ErrorBoundary>
      {route.name !== 'landing' && route.name !== 'notFound' && (
        <Suspense fallback={null}>
          <Toasts />
        </Suspense>
      )}
      <ConfirmHost />
      <ShortcutSheet />
    </>
  );
}
