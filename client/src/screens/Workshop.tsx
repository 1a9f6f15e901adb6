import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader';
import { ConnectionBadge, ConnectionLine } from '../components/ConnectionBadge';
import { SaveState } from '../components/SaveState';
import { PersonalLink } from '../components/PersonalLink';
import { navigate, paths } from '../lib/router';
import { openSession } from '../net/session';
import { forgetSession, getSession, takeTokenFromHash } from '../net/sessions';
import { readString } from '../lib/storage';
import { SIGNED_IN_HINT } from '../lib/openCreatedWorkshop';
import { useStore } from '../state/store';
import { useMyRole, useMySeat, useView } from '../state/selectors';
import { Board } from './Board';
import { SeatPicker } from './SeatPicker';
import { BroadcastBanner } from '../components/BroadcastBanner';
import { HeaderClock } from '../components/HeaderClock';
import { SeatCard } from '../components/SeatCard';
import { ClosedBanner } from '../components/ReviewBits';
import { ReviewPage } from './ReviewPage';

// The console (and its QR code library) is only for facilitators.
const Console = lazy(() => import('./Console').then((m) => ({ default: m.Console })));
// The harvest (board, votes, goals) loads when the workshop reaches it.
const Harvest = lazy(() => import('./Harvest').then((m) => ({ default: m.Harvest })));
// Opening the review and the exports, under the harvest for facilitators.
const ReviewConsole = lazy(() => import('./ReviewConsole').then((m) => ({ default: m.ReviewConsole })));

export function WorkshopScreen({ workshopId, tableId }: { workshopId: string; tableId: string | null }) {
  const { t } = useTranslation();
  const [token] = useState(() => takeTokenFromHash(workshopId) ?? getSession(workshopId)?.token ?? null);

  useEffect(() => (token ? openSession(workshopId, token) : undefined), [workshopId, token]);

  const authError = useStore((s) => s.authError);
  const linkExpired = useStore((s) => s.linkExpired);
  const revokedReason = useStore((s) => s.revokedReason);
  const ready = useStore((s) => s.workshopId === workshopId && s.confirmed !== null && s.me !== null);
  const title = useView((s) => s.title);
  const phase = useView((s) => s.phase);

  useEffect(() => {
    if (ready && title) document.title = `${title} · ${t('app.name')}`;
    return () => {
      document.title = t('app.name');
    };
  }, [ready, title, t]);

  if (!token) {
    return (
      <>
        <AppHeader />
        <main id="main" className="page">
          <section className="card">
            <h1 tabIndex={-1}>{t('workshop.noAccessTitle')}</h1>
            <p>{t('workshop.noAccess')}</p>
            <button type="button" className="primary" onClick={() => navigate(paths.landing())}>
              {t('workshop.goJoin')}
            </button>
          </section>
        </main>
      </>
    );
  }

  if (authError) {
    return (
      <>
        <AppHeader />
        <main id="main" className="page">
          <section className="card" role="alert">
            <h1 tabIndex={-1}>{t('workshop.authErrorTitle')}</h1>
            <p>
              {revokedReason ? t(`workshop.revoked.${revokedReason}`) : linkExpired ? t('workshop.linkExpired') : t('workshop.authError')}
            </p>
            <div className="button-row">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  forgetSession(workshopId);
                  navigate(paths.landing());
                }}
              >
                {t('workshop.rejoin')}
              </button>
              {/* signed in: the home opens the workshop with a fresh key if the account still runs it
                  (a co-facilitator removed and invited again holds a dead one here) */}
              {readString(SIGNED_IN_HINT) && (
                <button
                  type="button"
                  onClick={() => {
                    forgetSession(workshopId);
                    navigate(paths.home());
                  }}
                >
                  {t('landing.homeLink')}
                </button>
              )}
            </div>
          </section>
        </main>
      </>
    );
  }

  return (
    <>
      <AppHeader status={<ConnectionLine />}>
        {ready && (
          <div className="ws-heading">
            <span className="ws-title" dir="auto">
              {title}
            </span>
            <span className={`phase-tag phase-${phase}`}>{t(`phases.${phase}`)}</span>
          </div>
        )}
        {ready && <HeaderClock />}
        <div className="conn-group">
          <ConnectionBadge />
          {ready && <SaveState />}
        </div>
      </AppHeader>
      <main id="main" className="page workshop">
        {ready && <BroadcastBanner />}
        {ready && <ClosedBanner />}
        {ready ? <WorkshopBody workshopId={workshopId} tableId={tableId} /> : <p role="status">{t('workshop.connecting')}</p>}
      </main>
    </>
  );
}

function WorkshopBody({ workshopId, tableId }: { workshopId: string; tableId: string | null }) {
  const { t } = useTranslation();
  const role = useMyRole();
  const seat = useMySeat();
  const hasMove = useView((s, me) => Boolean(me && s.cafe.moves[me]));
  const tableExists = useView((s) => (tableId ? Boolean(s.tables[tableId]) : true));
  const harvesting = useView((s) => s.phase === 'harvest');
  const reviewing = useView((s) => s.phase === 'review' || s.phase === 'closed');

  useEffect(() => {
    if (tableId && role && role !== 'facilitator') navigate(paths.workshop(workshopId), { replace: true });
  }, [tableId, role, workshopId]);

  if (!role) return <p role="status">{t('workshop.connecting')}</p>;

  // The harvest looks across every table: everyone gets the harvest screen (a facilitator's
  // table link still opens that table's board).
  if (harvesting && !tableId)
    return (
      <>
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <Harvest />
          {role === 'facilitator' && <ReviewConsole />}
        </Suspense>
        {role !== 'facilitator' && (
          <div className="footer-tools">
            <PersonalLink />
          </div>
        )}
      </>
    );

  // After the live session delegates review the draft (read-only once closed); facilitators
  // get the review panel in their console.
  if (reviewing && role !== 'facilitator')
    return (
      <>
        <ReviewPage />
        <div className="footer-tools">
          <PersonalLink />
        </div>
      </>
    );

  if (role === 'facilitator') {
    if (!tableId)
      return (
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <Console />
        </Suspense>
      );
    if (!tableExists)
      return (
        <section className="card">
          <h1 tabIndex={-1}>{t('board.noSuchTable')}</h1>
          <button type="button" onClick={() => navigate(paths.workshop(workshopId))}>
            {t('board.backToConsole')}
          </button>
        </section>
      );
    return <Board key={tableId} tableId={tableId} />;
  }

  return (
    <>
      <SeatCard />
      {/* Until the person confirms "I'm here" the seat card is the screen: the old table's board
          would otherwise keep taking notes meant for the new one. */}
      {hasMove ? null : seat ? <Board key={seat} tableId={seat} /> : <SeatPicker />}
      <div className="footer-tools">
        <PersonalLink />
      </div>
    </>
  );
}
