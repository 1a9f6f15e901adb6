// The projector view for the room's screen (/w/:id/projector): read-only, high contrast, large
// type. A huge round clock, the round's question, the facilitator's message, where everyone sits
// or goes next, and how to join (code and QR code). Uses the facilitator's session on this device.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJoinCode, questionsInForce } from '@world-cafe/shared';
import { BroadcastBanner } from '../components/BroadcastBanner';
import { SpotlightPanel } from '../components/harvest/SpotlightPanel';
import { LatestVoteChart } from '../components/charts/lazy';
import { QrCode } from '../components/QrCode';
import { RoundClock, RoundSignals, SoundToggle } from '../components/RoundClock';
import { useChime } from '../lib/chime';
import { useFormat } from '../lib/format';
import { navigate, paths } from '../lib/router';
import { openSession } from '../net/session';
import { getSession, joinLink } from '../net/sessions';
import { useSeatingView } from '../state/seatingView';
import { useMyRole, useView, useViewShallow } from '../state/selectors';
import { useStore } from '../state/store';

export function Projector({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [token] = useState(() => getSession(workshopId)?.token ?? null);
  useEffect(() => (token ? openSession(workshopId, token) : undefined), [workshopId, token]);
  const ready = useStore((s) => s.workshopId === workshopId && s.confirmed !== null && s.me !== null);
  const authError = useStore((s) => s.authError);
  const role = useMyRole();
  const title = useView((s) => s.title);

  useEffect(() => {
    if (ready && title) document.title = `${title} · ${t('cafe.projector.title')}`;
    return () => {
      document.title = t('app.name');
    };
  }, [ready, title, t]);

  if (!token || authError || (ready && role && role !== 'facilitator')) {
    return (
      <main id="main" className="page">
        <section className="card">
          <h1 tabIndex={-1}>{t('cafe.projector.title')}</h1>
          <p>{!token || authError ? t('cafe.projector.noAccess') : t('cafe.projector.facilitatorOnly')}</p>
          <button type="button" className="primary" onClick={() => navigate(token ? paths.workshop(workshopId) : paths.landing())}>
            {token ? t('board.backToConsole') : t('notFound.home')}
          </button>
        </section>
      </main>
    );
  }
  if (!ready || !role) {
    return (
      <main id="main" className="projector">
        <p role="status">{t('workshop.connecting')}</p>
      </main>
    );
  }
  return <ProjectorBody />;
}

function ProjectorBody() {
  const { t } = useTranslation();
  const f = useFormat();
  const title = useView((s) => s.title);
  const joinCode = useView((s) => s.joinCode);
  const roundQ = useView((s) => questionsInForce(s, null).round);
  const round = useView((s) => s.round);
  const phase = useView((s) => s.phase);
  const { muted, unlocked } = useChime();
  const link = joinLink(joinCode);
  const joinAt = `${window.location.host}/join`;

  return (
    <main id="main" className="projector" data-testid="projector">
      <header className="proj-top">
        <h1 className="proj-title" tabIndex={-1} dir="auto">
          {title}
        </h1>
        <div className="proj-sound">
          {!muted && !unlocked && (
            <span className="proj-hint" data-testid="projector-sound-hint">
              {t('cafe.projector.enableSound')}
            </span>
          )}
          <SoundToggle />
        </div>
      </header>
      <div className="proj-main">
        <div className="proj-clock-row">
          {phase === 'cafe' || phase === 'setup' ? <RoundClock size="huge" /> : <p className="proj-phase">{t(`phases.${phase}`)}</p>}
          {roundQ && (
            <section className="proj-question" aria-labelledby="proj-q-h">
              <h2 id="proj-q-h">{t('cafe.board.roundQuestion', { round: f.num(round) })}</h2>
              <p dir="auto">{roundQ}</p>
            </section>
          )}
        </div>
        <BroadcastBanner className="proj-banner" dismissible={false} />
        {/* The harvest's spotlight (renders nothing when there is none). */}
        <SpotlightPanel big />
        <LatestVoteChart />
        <SeatingMap />
      </div>
      <aside className="proj-join" aria-labelledby="proj-join-h">
        <h2 id="proj-join-h">{t('cafe.projector.joinAt')}</h2>
        <p className="proj-url">{joinAt}</p>
        <p className="proj-code-label">{t('cafe.projector.code')}</p>
        <p className="proj-code" data-testid="projector-code">
          {formatJoinCode(joinCode)}
        </p>
        <QrCode value={link} alt={t('cafe.projector.qrAlt')} size={280} />
      </aside>
      <RoundSignals />
    </main>
  );
}

function SeatingMap() {
  const { t } = useTranslation();
  const f = useFormat();
  const view = useSeatingView('room');
  const people = useView((s) => s.participants);
  // While the round runs the room needs each table's question, not the next move.
  const questions = useViewShallow((s) => Object.fromEntries(s.tableOrder.map((id) => [id, questionsInForce(s, id).table ?? ''])));
  const running = useView((s) => s.phase === 'cafe' && (s.cafe.clock.status === 'running' || s.cafe.clock.status === 'paused'));
  const tables = useView((s) => s.tables);
  const themes = useView((s) => s.themes);
  const heading = view.kind === 'next' ? t('cafe.projector.whereNext', { round: f.num(view.round) }) : t('cafe.projector.whoWhere');
  return (
    <section className="proj-map" aria-labelledby="proj-map-h" data-testid="projector-map" data-kind={view.kind}>
      <h2 id="proj-map-h">{heading}</h2>
      <ul className="proj-columns" style={{ ['--cols' as string]: String(Math.min(Math.max(view.tables.length, 1), 6)) }}>
        {view.tables.map((tb) => {
          const table = tables[tb.tableId];
          const theme = table?.themeId ? themes[table.themeId]?.name : undefined;
          const hostList = tb.hosts.map((id) => people[id]?.name ?? '').filter(Boolean);
          return (
            <li key={tb.tableId} className="proj-col">
              <h3 dir="auto">{table?.name}</h3>
              {theme && theme !== table?.name && (
                <p className="proj-theme" dir="auto">
                  {theme}
                </p>
              )}
              {running && questions[tb.tableId] && (
                <p className="proj-table-q" dir="auto" data-testid="projector-table-question">
                  {questions[tb.tableId]}
                </p>
              )}
              {hostList.length > 0 && (
                <p className="proj-host" dir="auto">
                  {t('cafe.seatCard.host', { count: hostList.length, names: hostList.join(', ') })}
                </p>
              )}
              <ul className="proj-people">
                {tb.people.map(({ id, tag }) => (
                  <li key={id} className={tag === 'moving' || tag === 'planned' || tag === 'arrived' ? 'proj-new' : ''} dir="auto">
                    {people[id]?.name}
                    {(tag === 'moving' || tag === 'planned' || tag === 'arrived') && (
                      <span className="proj-tag"> · {t('cafe.projector.newHere')}</span>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
