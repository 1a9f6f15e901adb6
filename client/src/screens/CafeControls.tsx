// The facilitator's café controls in the console: the round clock and its buttons, a broadcast
// message, the seating plan (with the planner's quality figures), where people go next and the
// seat cards still waiting, and the rounds' settings and questions.
import { CafeCharts } from '../components/charts/lazy';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { charCount, LIMITS, QUESTION_MODES, type Participant, type QuestionMode } from '@world-cafe/shared';
import { RoundClock } from '../components/RoundClock';
import { askConfirm } from '../components/ConfirmDialog';
import { hostNames } from '../components/SeatCard';
import { useFormat } from '../lib/format';
import { paths } from '../lib/router';
import { allowed } from '../state/optimistic';
import { useCafeStore } from '../state/cafe';
import { useSeatingView, type SeatTag } from '../state/seatingView';
import { useView, useViewShallow } from '../state/selectors';
import { submit, useStore, type CommandDraft } from '../state/store';

const PROBE = 'probe-cafe';
const MESSAGE_CHARS = 300;

export function CafeControls() {
  const { t } = useTranslation();
  const workshopId = useStore((s) => s.workshopId) ?? '';
  const phase = useView((s) => s.phase);
  if (phase !== 'setup' && phase !== 'cafe') return null;
  return (
    <section className="card cafe-controls" aria-labelledby="cafe-h" data-testid="cafe-controls">
      <div className="cafe-controls-head">
        <h2 id="cafe-h">{t('cafe.console.heading')}</h2>
        <a
          className="button-link"
          href={paths.projector(workshopId)}
          target="_blank"
          rel="noopener"
          title={t('cafe.console.projectorHint')}
        >
          {t('cafe.console.projector')}
        </a>
      </div>
      {phase === 'setup' && <p className="notice cafe-open-first">{t('cafe.console.openFirst')}</p>}
      <div className="cafe-grid">
        <ClockControls />
        <BroadcastControl />
        <SeatingOverview />
        <PlanControls />
      </div>
      <CafeCharts />
      <CafeSettings />
    </section>
  );
}

function useAllowed(cmd: CommandDraft): boolean {
  return useView((s, me) => allowed(s, me, { ...cmd, clientOpId: PROBE } as Parameters<typeof allowed>[2]));
}

function ClockControls() {
  const { t } = useTranslation();
  const f = useFormat();
  const round = useView((s) => s.round);
  const rounds = useView((s) => s.cafe.rounds);
  const roundMinutes = useView((s) => Math.round(s.cafe.roundSeconds / 60));
  const status = useView((s) => s.cafe.clock.status);
  const busy = useStore((s) => s.pending.some((op) => op.cmd.type.startsWith('round:') && op.ackSeq === undefined));
  const canStart = useAllowed({ type: 'round:start' });
  const canPause = useAllowed({ type: 'round:pause' });
  const canResume = useAllowed({ type: 'round:resume' });
  const canExtend = useAllowed({ type: 'round:extend', minutes: 1 });
  const canEnd = useAllowed({ type: 'round:end' });
  const canRotate = useAllowed({ type: 'round:rotate' });
  const go = (cmd: CommandDraft) => submit(cmd);
  return (
    <div className="cafe-block clock-block" role="group" aria-labelledby="clock-h">
      <h3 id="clock-h">{t('cafe.console.clockHeading')}</h3>
      <RoundClock size="large" />
      <div className="button-row clock-buttons">
        {status === 'idle' && (
          <button type="button" className="primary" disabled={!canStart || busy} onClick={() => go({ type: 'round:start' })}>
            {t('cafe.console.start', { round: f.num(round) })}
          </button>
        )}
        {status === 'running' && (
          <button type="button" disabled={!canPause || busy} onClick={() => go({ type: 'round:pause' })}>
            {t('cafe.console.pause')}
          </button>
        )}
        {status === 'paused' && (
          <button type="button" className="primary" disabled={!canResume || busy} onClick={() => go({ type: 'round:resume' })}>
            {t('cafe.console.resume')}
          </button>
        )}
        <button
          type="button"
          disabled={!canExtend || busy}
          aria-label={t('cafe.console.plus1Label')}
          onClick={() => go({ type: 'round:extend', minutes: 1 })}
        >
          {t('cafe.console.plus1')}
        </button>
        <button
          type="button"
          disabled={!canExtend || busy}
          aria-label={t('cafe.console.plus5Label')}
          onClick={() => go({ type: 'round:extend', minutes: 5 })}
        >
          {t('cafe.console.plus5')}
        </button>
        {(status === 'running' || status === 'paused') && (
          <button
            type="button"
            className="danger-quiet"
            disabled={!canEnd || busy}
            onClick={async () => {
              const ok = await askConfirm({
                title: t('room.confirm.endTitle', { round: f.num(round) }),
                body: t('room.confirm.endBody'),
                confirmLabel: t('room.confirm.endYes', { round: f.num(round) }),
                danger: true,
              });
              if (ok) go({ type: 'round:end' });
            }}
          >
            {t('cafe.console.end')}
          </button>
        )}
        {status === 'ended' && round < rounds && (
          <button
            type="button"
            className="primary"
            disabled={!canRotate || busy}
            onClick={async () => {
              const ok = await askConfirm({
                title: t('room.confirm.rotateTitle', { round: f.num(round + 1) }),
                body: t('room.confirm.rotateBody', { round: f.num(round + 1), minutes: f.num(roundMinutes) }),
                confirmLabel: t('room.confirm.rotateYes', { round: f.num(round + 1) }),
              });
              if (ok) go({ type: 'round:rotate' });
            }}
          >
            {t('cafe.console.rotate', { round: f.num(round + 1) })}
          </button>
        )}
      </div>
      {round >= rounds && status !== 'idle' && <p className="muted small">{t('cafe.console.lastRound')}</p>}
    </div>
  );
}

function BroadcastControl() {
  const { t } = useTranslation();
  const uid = useId();
  const message = useView((s) => s.cafe.message);
  const [text, setText] = useState('');
  const n = charCount(text);
  const ok = text.trim().length > 0 && n <= MESSAGE_CHARS;
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (ok && submit({ type: 'message:broadcast', text })) setText('');
  };
  return (
    <form className="cafe-block" onSubmit={send} aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{t('cafe.console.broadcastHeading')}</h3>
      {message && (
        <p className="current-message">
          <span className="muted">{t('cafe.console.showingNow')}</span> <strong dir="auto">{message.text}</strong>
        </p>
      )}
      <label htmlFor={`${uid}-m`}>{t('cafe.console.broadcastLabel')}</label>
      <input id={`${uid}-m`} value={text} dir="auto" maxLength={MESSAGE_CHARS * 2} onChange={(e) => setText(e.target.value)} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={!ok}>
          {t('cafe.console.broadcast')}
        </button>
        <button type="button" disabled={!message} onClick={() => submit({ type: 'message:broadcast', text: '' })}>
          {t('cafe.console.clearMessage')}
        </button>
      </div>
    </form>
  );
}

const TAG_KEY: Partial<Record<SeatTag, 'cafe.console.stays' | 'cafe.console.arrives' | 'cafe.console.moving'>> = {
  stays: 'cafe.console.stays',
  arrived: 'cafe.console.arrives',
  moving: 'cafe.console.moving',
  planned: 'cafe.console.moving',
};

function SeatingOverview() {
  const { t } = useTranslation();
  const f = useFormat();
  const view = useSeatingView();
  const people = useView((s) => s.participants);
  const tables = useView((s) => s.tables);
  const heading =
    view.kind === 'next'
      ? t('cafe.console.nextHeading', { round: f.num(view.round) })
      : t('cafe.console.nowHeading', { round: f.num(view.round) });
  return (
    <div className="cafe-block seating-overview" role="group" aria-labelledby="seating-h">
      <h3 id="seating-h">{heading}</h3>
      <ul className="seating-columns">
        {view.tables.map((tb) => (
          <li key={tb.tableId} className="seating-col">
            <p className="seating-col-name" dir="auto">
              {tables[tb.tableId]?.name}
            </p>
            {tb.people.length === 0 ? (
              <p className="muted small">{t('cafe.console.nobodyAt')}</p>
            ) : (
              <ul className="plain-list small">
                {tb.people.map(({ id, tag }) => {
                  const key = TAG_KEY[tag];
                  return (
                    <li key={id} className={`seat-${tag}`}>
                      <span dir="auto">{people[id]?.name}</span>
                      {people[id]?.role === 'host' && <span className="role-tag">{t('roles.host')}</span>}
                      {key && <span className={`seat-tag tag-${tag}`}>{t(key)}</span>}
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <h4>{t('cafe.console.pendingHeading', { n: f.num(view.pending.length) })}</h4>
      {view.pending.length === 0 ? (
        <p className="muted small">{t('cafe.console.allConfirmed')}</p>
      ) : (
        <ul className="plain-list small" data-testid="pending-moves">
          {view.pending.map(({ id, tableId }) => (
            <li key={id} dir="auto">
              {t('cafe.console.pendingMove', { name: people[id]?.name ?? '', table: tables[tableId]?.name ?? '' })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const randomSeed = () => Math.floor(Math.random() * 2 ** 31);

function PlanControls() {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const plan = useView((s) => s.cafe.plan);
  const planSeed = useView((s) => s.cafe.planSeed);
  const canPlan = useView((s, me) =>
    me ? s.participants[me]?.role === 'facilitator' && (s.phase === 'setup' || s.phase === 'cafe') : false,
  );
  const played = useView((s) => s.cafe.history.length >= s.cafe.rounds);
  const metrics = useCafeStore((s) => s.planMetrics);
  const planning = useStore((s) => s.pending.some((op) => op.cmd.type === 'plan:generate'));
  const [seed, setSeed] = useState(randomSeed);
  const seedOk = Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31;

  const generate = (e: FormEvent) => {
    e.preventDefault();
    if (seedOk) submit({ type: 'plan:generate', seed });
  };

  return (
    <form className="cafe-block" onSubmit={generate} aria-labelledby={`${uid}-h`} aria-busy={planning}>
      <h3 id={`${uid}-h`}>{t('cafe.console.planHeading')}</h3>
      <p className="muted small" data-testid="plan-status">
        {plan ? t('cafe.console.planFor', { n: f.num(plan.length), seed: planSeed }) : t('cafe.console.noPlan')}
      </p>
      {plan && (
        <div className="plan-metrics">
          <h4>{t('cafe.console.metricsHeading')}</h4>
          {metrics && metrics.seed === planSeed ? (
            <ul className="plain-list small" data-testid="plan-metrics">
              <li>{t('cafe.console.metricRepeats', { n: f.num(metrics.repeats), lb: f.num(metrics.repeatsLowerBound) })}</li>
              <li>
                {t('cafe.console.metricSameDel', { n: f.num(metrics.sameDelegationPairs), lb: f.num(metrics.sameDelegationLowerBound) })}
              </li>
              <li className={metrics.violations > 0 ? 'warning' : ''}>
                {t('cafe.console.metricViolations', { n: f.num(metrics.violations) })}
              </li>
            </ul>
          ) : (
            <p className="muted small">{t('cafe.console.metricsUnknown')}</p>
          )}
        </div>
      )}
      <div className="field-row">
        <div className="field narrow">
          <label htmlFor={`${uid}-seed`}>{t('cafe.console.seed')}</label>
          <input
            id={`${uid}-seed`}
            type="number"
            inputMode="numeric"
            min={0}
            max={2 ** 31 - 1}
            value={Number.isFinite(seed) ? seed : ''}
            aria-describedby={`${uid}-seedhelp`}
            onChange={(e) => setSeed(e.target.valueAsNumber)}
          />
        </div>
        <button type="button" className="small align-end" onClick={() => setSeed(randomSeed())}>
          {t('cafe.console.newSeed')}
        </button>
      </div>
      <p id={`${uid}-seedhelp`} className="muted small">
        {t('cafe.console.seedHelp')}
      </p>
      <div className="button-row">
        <button type="submit" className="primary" disabled={!canPlan || !seedOk || planning || played}>
          {planning ? t('cafe.console.generating') : plan ? t('cafe.console.regenerate') : t('cafe.console.generate')}
        </button>
        <button
          type="button"
          disabled={!plan || !canPlan}
          onClick={async () => {
            const ok = await askConfirm({
              title: t('ui.dialogs.clearPlanTitle'),
              body: t('cafe.console.confirmClear'),
              confirmLabel: t('ui.dialogs.clearPlanYes'),
              danger: true,
            });
            if (ok) submit({ type: 'plan:clear' });
          }}
        >
          {t('cafe.console.clear')}
        </button>
      </div>
    </form>
  );
}

interface SettingsDraft {
  rounds?: number;
  minutes?: number;
  autoRotate?: boolean;
  questionMode?: QuestionMode;
  roundQuestions?: string[];
}

function CafeSettings() {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const cafe = useView((s) => s.cafe);
  const canConfigure = useAllowed({ type: 'cafe:configure', autoRotate: cafe.autoRotate });
  const [draft, setDraft] = useState<SettingsDraft>({});
  const [error, setError] = useState('');
  const rounds = draft.rounds ?? cafe.rounds;
  const minutes = draft.minutes ?? cafe.roundSeconds / 60;
  const autoRotate = draft.autoRotate ?? cafe.autoRotate;
  const mode = draft.questionMode ?? cafe.questionMode;
  const questions = draft.roundQuestions ?? cafe.roundQuestions;
  const dirty = Object.keys(draft).length > 0;
  const minMin = LIMITS.roundSeconds.min / 60;
  const maxMin = LIMITS.roundSeconds.max / 60;
  const shownRounds = Number.isInteger(rounds) && rounds >= 1 && rounds <= LIMITS.rounds ? rounds : cafe.rounds;

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!(Number.isInteger(rounds) && rounds >= 1 && rounds <= LIMITS.rounds))
      return setError(t('cafe.console.badRounds', { min: f.num(1), max: f.num(LIMITS.rounds) }));
    const seconds = Math.round(minutes * 60);
    if (!(Number.isFinite(minutes) && seconds >= LIMITS.roundSeconds.min && seconds <= LIMITS.roundSeconds.max))
      return setError(t('cafe.console.badMinutes', { min: f.num(minMin), max: f.num(maxMin) }));
    setError('');
    const cmd: Extract<CommandDraft, { type: 'cafe:configure' }> = { type: 'cafe:configure' };
    if (draft.rounds !== undefined && rounds !== cafe.rounds) cmd.rounds = rounds;
    if (draft.minutes !== undefined && seconds !== cafe.roundSeconds) cmd.roundSeconds = seconds;
    if (draft.autoRotate !== undefined && autoRotate !== cafe.autoRotate) cmd.autoRotate = autoRotate;
    if (draft.questionMode !== undefined && mode !== cafe.questionMode) cmd.questionMode = mode;
    if (draft.roundQuestions !== undefined || (draft.rounds !== undefined && questions.length > rounds))
      cmd.roundQuestions = Array.from({ length: rounds }, (_, i) => questions[i] ?? '');
    if (Object.keys(cmd).length === 1) return setDraft({});
    if (submit(cmd)) setDraft({});
  };

  return (
    <details className="cafe-settings">
      <summary>
        {t('cafe.console.settingsHeading')}
        {dirty && <span className="unsaved"> · {t('cafe.console.unsaved')}</span>}
      </summary>
      <form onSubmit={save} className="stack" noValidate>
        <div className="field-row">
          <div className="field narrow">
            <label htmlFor={`${uid}-r`}>{t('cafe.console.rounds')}</label>
            <input
              id={`${uid}-r`}
              type="number"
              min={1}
              max={LIMITS.rounds}
              value={Number.isFinite(rounds) ? rounds : ''}
              onChange={(e) => setDraft({ ...draft, rounds: e.target.valueAsNumber })}
            />
          </div>
          <div className="field narrow">
            <label htmlFor={`${uid}-m`}>{t('cafe.console.minutes')}</label>
            <input
              id={`${uid}-m`}
              type="number"
              min={minMin}
              max={maxMin}
              step="any"
              value={Number.isFinite(minutes) ? minutes : ''}
              onChange={(e) => setDraft({ ...draft, minutes: e.target.valueAsNumber })}
            />
          </div>
        </div>
        <label className="check">
          <input type="checkbox" checked={autoRotate} onChange={(e) => setDraft({ ...draft, autoRotate: e.target.checked })} />
          {t('cafe.console.autoRotate')}
        </label>
        <fieldset className="radio-group">
          <legend>{t('cafe.console.questionMode')}</legend>
          {QUESTION_MODES.map((m) => (
            <label key={m} className="check">
              <input
                type="radio"
                name={`${uid}-mode`}
                value={m}
                checked={mode === m}
                onChange={() => setDraft({ ...draft, questionMode: m })}
              />
              {t(`cafe.console.modes.${m}`)}
            </label>
          ))}
        </fieldset>
        {mode !== 'table' &&
          Array.from({ length: shownRounds }, (_, i) => (
            <div className="field" key={i}>
              <label htmlFor={`${uid}-q${i}`}>{t('cafe.console.roundQuestion', { n: f.num(i + 1) })}</label>
              <textarea
                id={`${uid}-q${i}`}
                rows={2}
                dir="auto"
                value={questions[i] ?? ''}
                maxLength={LIMITS.questionChars * 2}
                onChange={(e) => {
                  const next = Array.from({ length: Math.max(shownRounds, questions.length) }, (_, j) => questions[j] ?? '');
                  next[i] = e.target.value;
                  setDraft({ ...draft, roundQuestions: next });
                }}
              />
            </div>
          ))}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={!canConfigure || !dirty}>
            {t('cafe.console.saveSettings')}
          </button>
          {dirty && (
            <button type="button" onClick={() => setDraft({})}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </details>
  );
}

/** "Host: Ms. X" on a table card of the console. */
export function TableHosts({ tableId }: { tableId: string }) {
  const { t } = useTranslation();
  const names = useViewShallow((s) => hostNames(s, tableId));
  return (
    <p className={names.length ? 'table-hosts' : 'table-hosts muted small'} dir="auto" data-testid="table-hosts">
      {names.length ? t('cafe.console.hosts', { names: names.join(', ') }) : t('cafe.console.noHost')}
    </p>
  );
}

/** Mark absent / present, for the console's list of people. */
export function AbsentToggle({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  const absent = useView((s) => Boolean(s.cafe.absent[participant.id]));
  const can = useView((s, me) => (me ? s.participants[me]?.role === 'facilitator' && s.phase !== 'closed' : false));
  const busy = useStore((s) =>
    s.pending.some((op) => op.cmd.type === 'participant:set-absent' && op.cmd.participantId === participant.id && op.ackSeq === undefined),
  );
  if (participant.role === 'facilitator') return null;
  return (
    <>
      {absent && <span className="absent-tag">{t('cafe.console.absentTag')}</span>}
      <button
        type="button"
        className="small"
        disabled={!can || busy}
        aria-label={
          absent ? t('cafe.console.presentLabel', { name: participant.name }) : t('cafe.console.absentLabel', { name: participant.name })
        }
        onClick={() => submit({ type: 'participant:set-absent', participantId: participant.id, absent: !absent })}
      >
        {absent ? t('cafe.console.present') : t('cafe.console.absent')}
      </button>
    </>
  );
}
