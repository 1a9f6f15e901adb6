// The facilitator's spotlight: one cluster, note or goal shown prominently on every harvest
// screen (mount <SpotlightPanel /> on any screen, e.g. the projector: it renders nothing
// when there is no spotlight). Facilitators get a "Release" button; `big` enlarges it.
import '../../harvest.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '@world-cafe/shared';
import { useMyRole, useView, useViewShallow } from '../../state/selectors';
import { submit } from '../../state/store';
import { NoteMeta } from './NoteMeta';

export function SpotlightPanel({ big = false }: { big?: boolean }) {
  const { t } = useTranslation();
  const target = useView((s) => s.harvest.spotlight);
  const role = useMyRole();
  const [hiddenFor, setHiddenFor] = useState<string | null>(null);
  const key = target ? `${target.kind}:${target.id}` : null;
  const collapsed = key !== null && hiddenFor === key;
  return (
    <div className="hv-spotlight-slot" role="region" aria-live="polite" aria-label={t('harvest.spotlight.region')}>
      {target && (
        <section className={`hv-spotlight${big ? ' big' : ''}`} data-testid="spotlight">
          <div className="hv-spotlight-head">
            <span className="hv-spotlight-label">{t(`harvest.spotlight.kind.${target.kind}`)}</span>
            <span className="button-row">
              {!big && (
                <button type="button" className="small" aria-expanded={!collapsed} onClick={() => setHiddenFor(collapsed ? null : key)}>
                  {collapsed ? t('harvest.spotlight.expand') : t('harvest.spotlight.collapse')}
                </button>
              )}
              {role === 'facilitator' && (
                <button type="button" className="small" onClick={() => submit({ type: 'spotlight:set', target: null })}>
                  {t('harvest.spotlight.release')}
                </button>
              )}
            </span>
          </div>
          {!collapsed &&
            (target.kind === 'note' ? (
              <SpotNote id={target.id} />
            ) : target.kind === 'cluster' ? (
              <SpotCluster id={target.id} />
            ) : (
              <SpotGoal id={target.id} />
            ))}
        </section>
      )}
    </div>
  );
}

function SpotNote({ id }: { id: string }) {
  const note = useView((s) => s.notes[id]);
  if (!note) return null;
  return (
    <div className="hv-spotlight-body">
      <p className="hv-spotlight-title" dir="auto">
        {note.text}
      </p>
      <NoteMeta note={note} />
    </div>
  );
}

function SpotCluster({ id }: { id: string }) {
  const name = useView((s) => s.harvest.clusters[id]?.name ?? '');
  const notes = useViewShallow((s) => (s.harvest.clusters[id]?.noteIds ?? []).map((n) => s.notes[n]).filter((n): n is Note => Boolean(n)));
  return (
    <div className="hv-spotlight-body">
      <p className="hv-spotlight-title" dir="auto">
        {name}
      </p>
      <ul className="plain-list">
        {notes.map((n) => (
          <li key={n.id}>
            <span dir="auto">{n.text}</span> <NoteMeta note={n} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function SpotGoal({ id }: { id: string }) {
  const { t } = useTranslation();
  const goal = useView((s) => s.goals[id]);
  if (!goal) return null;
  return (
    <div className="hv-spotlight-body">
      <p className="hv-spotlight-title" dir="auto">
        {goal.title}
      </p>
      <p className="hv-pre" dir="auto">
        {goal.rationale}
      </p>
      {goal.objectives.length > 0 && (
        <>
          <h3>{t('harvest.goal.objectives')}</h3>
          <ul>
            {goal.objectives.map((o) => (
              <li key={o.id} dir="auto">
                {o.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
