// "Suggest clusters": the shared suggestClusters() runs here, in the browser, over every note
// (minus existing clusters and dismissed suggestions); the suggestions are offered one by one.
// Notes in any of the nine workshop languages are grouped by topic; once clusters exist, notes
// that belong to one are offered as "add to the cluster". Labels come in the UI language, so an
// accepted group is named in the facilitator's language.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, suggestClusters, type Suggestion } from '@world-cafe/shared';
import { newEntityId } from '../../net/ids';
import { useView } from '../../state/selectors';
import { submit } from '../../state/store';
import { NoteMeta } from './NoteMeta';

function clip(label: string): string {
  const s = label.trim() || '…';
  return s.length > LIMITS.nameChars ? `${s.slice(0, LIMITS.nameChars - 1)}…` : s;
}

export function Suggestions() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const [open, setOpen] = useState(false);
  const [index, setIndex] = useState(0);
  const notes = useView((s) => s.notes);
  const clusters = useView((s) => s.harvest.clusters);
  const dismissed = useView((s) => s.harvest.dismissed);
  const heading = useRef<HTMLHeadingElement>(null);

  const list: Suggestion[] = useMemo(() => {
    if (!open) return [];
    const input = Object.values(notes).map((n) => ({ id: n.id, text: n.text, tableId: n.tableId }));
    const existing = Object.values(clusters).map((c) => ({ clusterId: c.id, noteIds: c.noteIds }));
    return suggestClusters(input, { existing, dismissed, locale });
  }, [open, notes, clusters, dismissed, locale]);

  if (!open) {
    return (
      <div className="hv-suggest">
        <button type="button" onClick={() => (setOpen(true), setIndex(0))}>
          {t('harvest.suggest.button')}
        </button>
      </div>
    );
  }

  const i = Math.min(index, Math.max(0, list.length - 1));
  const current = list[i];
  const after = () => requestAnimationFrame(() => heading.current?.focus());
  const accept = (s: Suggestion) => {
    const ok = s.targetClusterId
      ? submit({ type: 'cluster:add-notes', clusterId: s.targetClusterId, noteIds: s.noteIds })
      : submit({ type: 'cluster:create', clusterId: newEntityId(), name: clip(s.label), noteIds: s.noteIds });
    if (ok) after();
  };
  const dismiss = (s: Suggestion) => {
    if (submit({ type: 'suggestion:dismiss', key: s.key })) after();
  };

  return (
    <section className="card hv-suggest-panel" aria-labelledby="hv-suggest-h" data-testid="hv-suggestions">
      <div className="hv-suggest-head">
        <h3 id="hv-suggest-h" tabIndex={-1} ref={heading}>
          {list.length === 0 ? t('harvest.suggest.none') : t('harvest.suggest.counter', { i: i + 1, n: list.length })}
        </h3>
        <button type="button" className="small" onClick={() => setOpen(false)}>
          {t('harvest.suggest.close')}
        </button>
      </div>
      {current && (
        <>
          <p>
            <strong dir="auto">{current.label}</strong> <span className="hv-badge">{t(`harvest.suggest.kind.${current.kind}`)}</span>{' '}
            {current.crossTable && <span className="hv-badge">{t('harvest.suggest.crossTable')}</span>}
          </p>
          {current.related && current.related.length > 0 && (
            <p className="muted hv-related" title={t('concepts.relatedHelp')}>
              {t('concepts.relatedTo', {
                labels: current.related
                  .map((k) => list.find((x) => x.key === k)?.label)
                  .filter((l): l is string => Boolean(l))
                  .join(', '),
              })}
            </p>
          )}
          {current.targetClusterId && (
            <p className="muted">{t('harvest.suggest.addTo', { name: clusters[current.targetClusterId]?.name ?? '' })}</p>
          )}
          <ul className="plain-list hv-suggest-notes">
            {current.noteIds.map((id) => {
              const n = notes[id];
              return n ? (
                <li key={id}>
                  <span dir="auto">{n.text}</span> <NoteMeta note={n} />
                </li>
              ) : null;
            })}
          </ul>
          <div className="button-row">
            <button type="button" className="primary small" onClick={() => accept(current)}>
              {current.targetClusterId ? t('harvest.suggest.acceptAdd') : t('harvest.suggest.accept')}
            </button>
            <button type="button" className="small" onClick={() => dismiss(current)}>
              {t('harvest.suggest.dismiss')}
            </button>
            {list.length > 1 && (
              <button type="button" className="small" onClick={() => setIndex((i + 1) % list.length)}>
                {t('harvest.suggest.next')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
