// Small pieces shared by the create and join forms.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@world-cafe/shared';

/** The aria attributes of a field that may have an error: marked invalid and described by its message. */
export function invalidProps(id: string, message: string | undefined) {
  return message ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-err` } : {};
}

/** A field's own error message, under the field; its id is what invalidProps points at. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={`${id}-err`} className="field-error">
      {message}
    </p>
  ) : null;
}

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
        <input
          id={`${uid}-name`}
          value={props.name}
          maxLength={LIMITS.nameChars}
          onChange={(e) => props.onName(e.target.value)}
          dir="auto"
        />
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
  /** Fixed ids (`<prefix>-name`, `-theme`, `-cap`, `-q`), so a form's error summary can link to the fields. */
  idPrefix?: string;
  errors?: { name?: string; capacity?: string; question?: string };
}) {
  const { t } = useTranslation();
  const generated = useId();
  const uid = props.idPrefix ?? generated;
  const { value, onChange, errors = {} } = props;
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
            {...invalidProps(`${uid}-name`, errors.name)}
          />
          <FieldError id={`${uid}-name`} message={errors.name} />
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
            {...invalidProps(`${uid}-cap`, errors.capacity)}
          />
          <FieldError id={`${uid}-cap`} message={errors.capacity} />
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
          {...invalidProps(`${uid}-q`, errors.question)}
        />
        <FieldError id={`${uid}-q`} message={errors.question} />
      </div>
    </>
  );
}
