// On a workshop of the home page: "Save as template" (its setup, named) and "New workshop like this".
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../lib/router';
import { apiErrorCode } from '../../lib/apiErrors';
import { saveWorkshopAsTemplate } from '../../net/templateApi';
import { sourceHref } from './source';
import './strings';

export function SaveAsTemplate({ workshopId, title, onSaved }: { workshopId: string; title: string; onSaved: (notice: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(title);
  const [error, setError] = useState('');
  const href = sourceHref({ kind: 'workshop', id: workshopId });

  const save = async () => {
    setError('');
    try {
      const saved = await saveWorkshopAsTemplate(workshopId, name.trim());
      setOpen(false);
      onSaved(t('templates.saved', { name: saved.name }));
    } catch (err) {
      setError(apiErrorCode(err) === 'conflict' ? t('templates.limitReached') : t('templates.failed'));
    }
  };

  if (!open)
    return (
      <>
        <button type="button" onClick={() => (setName(title), setOpen(true))}>
          {t('templates.saveAs')}
          <span className="sr-only"> {title}</span>
        </button>
        {/* a button, not a link: the row's one link is the workshop itself */}
        <button type="button" onClick={() => navigate(href)}>
          {t('templates.startFromThis')}
          <span className="sr-only"> {title}</span>
        </button>
      </>
    );
  return (
    <form
      className="save-as-template"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) void save();
      }}
    >
      <label htmlFor={`${id}-name`}>{t('templates.saveAsLabel')}</label>
      <div className="inline-form">
        <input id={`${id}-name`} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} dir="auto" autoFocus required />
        <button type="submit" className="primary">
          {t('templates.saveAsButton')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('templates.cancel')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
