// The create form's "Rounds": how many, how long, a question per round, automatic rotation and who
// may group notes — filled by a template, editable, sent with the create request.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type RoundsForm } from '@world-cafe/shared';
import { useFormat } from '../../lib/format';
import './strings';
import './templates.css';

export function RoundsFields({ value, onChange }: { value: RoundsForm; onChange: (v: RoundsForm) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const set = (patch: Partial<RoundsForm>) => onChange({ ...value, ...patch });
  const shown = Math.min(LIMITS.rounds, Math.max(1, Math.round(value.rounds) || 1));
  return (
    <fieldset className="card">
      <legend>{t('templates.roundsLegend')}</legend>
      <p className="muted">{t('templates.roundsHelp')}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-rounds`}>{t('templates.roundsLabel')}</label>
          <input
            id={`${id}-rounds`}
            type="number"
            inputMode="numeric"
            min={1}
            max={LIMITS.rounds}
            value={Number.isFinite(value.rounds) ? value.rounds : ''}
            onChange={(e) => set({ rounds: e.target.valueAsNumber })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>{t('templates.minutesLabel')}</label>
          <input
            id={`${id}-minutes`}
            type="number"
            inputMode="decimal"
            min={1}
            max={LIMITS.roundSeconds.max / 60}
            step="any"
            value={Number.isFinite(value.minutes) ? value.minutes : ''}
            onChange={(e) => set({ minutes: e.target.valueAsNumber })}
          />
        </div>
      </div>
      <ol className="round-questions">
        {Array.from({ length: shown }, (_, i) => (
          <li key={i} className="field">
            <label htmlFor={`${id}-q${i}`}>{t('templates.roundQuestion', { n: f.num(i + 1) })}</label>
            <input
              id={`${id}-q${i}`}
              value={value.roundQuestions[i] ?? ''}
              maxLength={LIMITS.questionChars}
              dir="auto"
              onChange={(e) => {
                const qs = [...value.roundQuestions];
                while (qs.length <= i) qs.push('');
                qs[i] = e.target.value;
                set({ roundQuestions: qs });
              }}
            />
          </li>
        ))}
      </ol>
      <label className="check">
        <input type="checkbox" checked={value.autoRotate} onChange={(e) => set({ autoRotate: e.target.checked })} />
        <span>{t('templates.autoRotate')}</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={value.everyoneGroups} onChange={(e) => set({ everyoneGroups: e.target.checked })} />
        <span>{t('templates.groupingEveryone')}</span>
      </label>
    </fieldset>
  );
}
