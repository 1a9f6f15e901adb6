// "Start from a template or a past workshop" on the create form: a built-in, one of your templates
// or one of your workshops fills the form, which stays editable before creating.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '@world-cafe/shared';
import { listTemplates } from '../../net/templateApi';
import { type MyWorkshop, myWorkshops } from '../../net/accountApi';
import { BuiltinTemplates, SavedTemplates } from './lists';
import type { TemplateSource } from './source';
import './strings';
import './templates.css';

export function StartFrom({ signedIn, open, onPick }: { signedIn: boolean; open: boolean; onPick: (s: TemplateSource) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [mine, setMine] = useState<TemplateSummary[]>([]);
  const [past, setPast] = useState<MyWorkshop[]>([]);
  const [pick, setPick] = useState('');

  useEffect(() => {
    if (!signedIn) return;
    // a signed-out session (the hint outlived its cookie) simply shows the built-ins
    void listTemplates().then(setMine, () => {});
    void myWorkshops().then(
      (ws) => {
        setPast(ws);
        setPick((p) => p || ws[0]?.workshopId || '');
      },
      () => {},
    );
  }, [signedIn]);

  const pickButton = (source: TemplateSource, name: string) => (
    <button type="button" onClick={() => onPick(source)}>
      {t('templates.use')}
      <span className="sr-only"> {name}</span>
    </button>
  );

  return (
    <details className="card start-from" open={open}>
      <summary>
        <h2>{t('templates.startHeading')}</h2>
      </summary>
      <p className="muted">{t('templates.startHelp')}</p>
      <h3>{t('templates.builtinHeading')}</h3>
      <BuiltinTemplates actions={(tid, name) => pickButton({ kind: 'template', id: tid }, name)} />
      {signedIn && mine.length > 0 && (
        <>
          <h3>{t('templates.mineHeading')}</h3>
          <SavedTemplates templates={mine} actions={(tp) => pickButton({ kind: 'template', id: tp.id }, tp.name)} />
        </>
      )}
      {signedIn && past.length > 0 && (
        <>
          <h3>{t('templates.pastHeading')}</h3>
          <div className="start-from-past">
            <div className="field">
              <label htmlFor={`${id}-past`}>{t('templates.pastLabel')}</label>
              <select id={`${id}-past`} value={pick} onChange={(e) => setPick(e.target.value)}>
                {past.map((w) => (
                  <option key={w.workshopId} value={w.workshopId}>
                    {w.title}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" disabled={!pick} onClick={() => onPick({ kind: 'workshop', id: pick })}>
              {t('templates.pastUse')}
            </button>
          </div>
        </>
      )}
    </details>
  );
}
