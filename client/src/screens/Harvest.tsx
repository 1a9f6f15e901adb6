// The harvest, for everyone once the facilitator moves the workshop to phase 'harvest': the
// board of all notes and clusters, the dot vote and the goals, under the facilitator's
// spotlight. Facilitators also reach their console from here.
import '../harvest.css';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HarvestBoard } from '../components/harvest/HarvestBoard';
import { SpotlightPanel } from '../components/harvest/SpotlightPanel';
import { VotePanel } from '../components/harvest/VotePanel';
import { GoalsPanel } from '../components/harvest/Goals';
import { useMyRole, useView } from '../state/selectors';

const Console = lazy(() => import('./Console').then((m) => ({ default: m.Console })));

type Tab = 'board' | 'vote' | 'goals' | 'console';

export function Harvest() {
  const { t } = useTranslation();
  const role = useMyRole();
  const [tab, setTab] = useState<Tab>('board');
  const [goalId, setGoalId] = useState<string | null>(null);
  const voteOpen = useView((s) => s.harvest.voteOrder.some((id) => s.harvest.votes[id]?.status === 'open'));
  const goals = useView((s) => s.goalOrder.length);
  const tabs: Tab[] = role === 'facilitator' ? ['board', 'vote', 'goals', 'console'] : ['board', 'vote', 'goals'];

  // A vote opening takes voters to the ballot once.
  // (React's "adjust state when a value changes" pattern: during render, not in an effect.)
  const [seenOpen, setSeenOpen] = useState(voteOpen);
  if (voteOpen !== seenOpen) {
    setSeenOpen(voteOpen);
    if (voteOpen && role !== 'facilitator') setTab('vote');
  }

  const onDrafted = useCallback((id: string) => {
    setGoalId(id);
    setTab('goals');
  }, []);

  const onTabKey = (e: React.KeyboardEvent, i: number) => {
    const next =
      e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const tb = tabs[(next + tabs.length) % tabs.length]!;
    setTab(tb);
    requestAnimationFrame(() => document.getElementById(`hv-tab-${tb}`)?.focus());
  };

  return (
    <div className="harvest">
      <h1 tabIndex={-1}>{t('harvest.title')}</h1>
      <SpotlightPanel />
      {voteOpen && tab !== 'vote' && (
        <p className="notice hv-vote-notice">
          {t('harvest.vote.openNotice')}{' '}
          <button type="button" className="small primary" onClick={() => setTab('vote')}>
            {t('harvest.vote.goVote')}
          </button>
        </p>
      )}
      <div role="tablist" aria-label={t('harvest.tabs.label')} className="hv-tabs">
        {tabs.map((tb, i) => (
          <button
            key={tb}
            id={`hv-tab-${tb}`}
            type="button"
            role="tab"
            aria-selected={tab === tb}
            aria-controls={`hv-panel-${tb}`}
            tabIndex={tab === tb ? 0 : -1}
            onClick={() => setTab(tb)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {tb === 'goals' ? t('harvest.tabs.goals', { n: goals }) : t(`harvest.tabs.${tb}`)}
            {tb === 'vote' && voteOpen && (
              <>
                <span className="hv-dot-live" aria-hidden="true" />
                <span className="sr-only"> ({t('harvest.vote.openShort')})</span>
              </>
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`hv-panel-${tab}`} aria-labelledby={`hv-tab-${tab}`} className="hv-panel">
        {tab === 'board' && <HarvestBoard onDrafted={onDrafted} />}
        {tab === 'vote' && <VotePanel />}
        {tab === 'goals' && <GoalsPanel selectedId={goalId} onSelect={setGoalId} />}
        {tab === 'console' && (
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            <Console embedded />
          </Suspense>
        )}
      </div>
    </div>
  );
}
