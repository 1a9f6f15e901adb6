// Small pieces shared by the create and join forms.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@world-cafe/shared';

/** "Remove" for one row of an edit list; `label` names what it removes for screen readers. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="danger-quiet" onClick={onClick} aria-label={label}>
      {t('common.remove')}
    </button>
  );
}

/** Name and code of a delegation that is not in the list (two fields for a `.field-row`). */
export function DelegationFields(props: { name: string; code: string; onName: (v: string) => void; onCode: (v: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <>
      <div className="field grow">
        <label htmlFor={`${uid}-name`}>{t('create.extraName')}</label>
        <input id={`${uid}-name`} value={props.name} maxLength={LIMITS.nameChars} onChange={(e) => props.onName(e.target.value)} dir="auto" />
      </div>
      <div className="field narrow">
        <label htmlFor={`${uid}-code`}>{t('create.extraCode')}</label>
        <input
          id={`${uid}-code`}
          value={props.code}
          maxLength={LIMITS.codeChars}
          autoCapitalize="characters"
          onChange={(e) => props.onCode(e.target.value)}
        />
      </div>
    </>
  );
}

export interface TableFieldValues {
  name: string;
  themeId: string | null;
  question: string;
  capacity: number;
}

/** Name, theme, seats and guiding question of a table (creating a workshop, or adding a table later). */
export function TableFields(props: {
  value: TableFieldValues;
  themes: readonly { id: string; name: string }[];
  onChange: (patch: Partial<TableFieldValues>) => void;
  namePlaceholder?: string;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const { value, onChange } = props;
  return (
    <>
      <div className="field-row">
        <div className="field grow">
          <label htmlFor={`${uid}-name`}>{t('create.tableName')}</label>
          <input
            id={`${uid}-name`}
            value={value.name}
            maxLength={LIMITS.nameChars}
            placeholder={props.namePlaceholder}
            onChange={(e) => onChange({ name: e.target.value })}
            dir="auto"
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-theme`}>{t('create.tableTheme')}</label>
          <select id={`${uid}-theme`} value={value.themeId ?? ''} onChange={(e) => onChange({ themeId: e.target.value || null })}>
            <option value="">{t('create.noTheme')}</option>
            {props.themes.map((th) => (
              <option key={th.id} value={th.id}>
                {th.name || '—'}
              </option>
            ))}
          </select>
        </div>
        <div className="field narrow">
          <label htmlFor={`${uid}-cap`}>{t('create.tableCapacity')}</label>
          <input
            id={`${uid}-cap`}
            type="number"
            inputMode="numeric"
            min={1}
            max={LIMITS.tableCapacity}
            value={Number.isFinite(value.capacity) ? value.capacity : ''}
            onChange={(e) => onChange({ capacity: e.target.valueAsNumber })}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-q`}>{t('create.tableQuestion')}</label>
        <textarea
          id={`${uid}-q`}
          rows={2}
          value={value.question}
          maxLength={LIMITS.questionChars}
          onChange={(e) => onChange({ question: e.target.value })}
          dir="auto"
        />
      </div>
    </>
  );
}
