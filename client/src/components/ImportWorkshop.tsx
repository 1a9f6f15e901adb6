// "Import a workshop (JSON)": uploads a JSON export to the import endpoint; the new workshop
// opens with this device as its facilitator (its key stored like a created workshop's).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorCode, errorText } from '../lib/apiErrors';
import { openCreatedWorkshop } from '../lib/openCreatedWorkshop';
import { importWorkshop } from '../net/reviewApi';

export function ImportWorkshop() {
  const { t } = useTranslation();
  const uid = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setError(t('importWs.notJson'));
    setError('');
    setBusy(true);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setBusy(false);
      return setError(t('importWs.notJson'));
    }
    const title = (parsed as { workshop?: { title?: unknown } } | null)?.workshop?.title;
    if (typeof title !== 'string') {
      setBusy(false);
      return setError(t('importWs.notJson'));
    }
    try {
      openCreatedWorkshop(await importWorkshop(parsed), title);
    } catch (err) {
      const code = apiErrorCode(err);
      setError(code === 'invalid_payload' ? t('importWs.notJson') : errorText(t, code));
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${uid}-h`} data-testid="import-workshop">
      <h2 id={`${uid}-h`}>{t('importWs.heading')}</h2>
      <p>{t('importWs.help')}</p>
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor={`${uid}-file`}>{t('importWs.fileLabel')}</label>
        <div className="inline-form">
          <input
            id={`${uid}-file`}
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError('');
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${uid}-err` : undefined}
          />
          <button type="submit" disabled={busy || !file}>
            {busy ? t('importWs.importing') : t('importWs.submit')}
          </button>
        </div>
        {error && (
          <p id={`${uid}-err`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
