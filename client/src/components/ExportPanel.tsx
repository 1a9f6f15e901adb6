// Downloads of the outcome for facilitators and table hosts: fetched with the Bearer token
// (never put in a URL) and saved through a Blob; plus the browser's own print view.
// While a file is prepared (a PDF takes seconds: Chromium prints it twice), the pressed button
// says so itself: spinner, "Preparing PDF…", aria-busy. The buttons are aria-disabled rather than
// disabled, so focus stays on the pressed one instead of falling back to the page.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, paths } from '../lib/router';
import { apiErrorCode, errorText } from '../lib/apiErrors';
import { EXPORT_FORMATS, fetchExport, saveBlob, type ExportFormat, type ReportLocale } from '../net/reviewApi';
import { useStore } from '../state/store';
import { LANGUAGES } from '../i18n/languages';
import { isLocale } from '@world-cafe/shared/export';
import '../review.css';

export function ExportPanel() {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const workshopId = useStore((s) => s.workshopId);
  const token = useStore((s) => s.token);
  const [locale, setLocale] = useState<ReportLocale>(isLocale(i18n.language) ? i18n.language : 'en');
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  if (!workshopId || !token) return null;

  const download = async (format: ExportFormat) => {
    if (busy !== null) return;
    const label = t(`exports.${format}`);
    setBusy(format);
    setMessage({ kind: 'ok', text: t('exports.downloading', { format: label }) });
    try {
      const { blob, filename } = await fetchExport(workshopId, token, format, locale);
      saveBlob(blob, filename);
      setMessage({ kind: 'ok', text: t('exports.done', { format: label }) });
    } catch (err) {
      setMessage({ kind: 'error', text: t('exports.failed', { format: label, reason: errorText(t, apiErrorCode(err)) }) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card export-panel" aria-labelledby={`${uid}-h`} data-testid="export-panel">
      <h2 id={`${uid}-h`}>{t('exports.heading')}</h2>
      <p className="muted">{t('exports.help')}</p>
      <div className="field export-locale">
        <label htmlFor={`${uid}-locale`}>{t('exports.localeLegend')}</label>
        <select id={`${uid}-locale`} value={locale} onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}>
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row export-buttons">
        {EXPORT_FORMATS.map((format) => {
          const pressed = busy === format;
          return (
            <button
              key={format}
              type="button"
              onClick={() => download(format)}
              aria-disabled={busy !== null ? true : undefined}
              aria-busy={pressed ? true : undefined}
              className={pressed ? 'is-busy' : undefined}
              data-format={format}
            >
              {pressed ? <span className="spinner" aria-hidden="true" /> : <span aria-hidden="true">⬇ </span>}
              {pressed ? t('exports.preparing', { format: t(`exports.${format}`) }) : t(`exports.${format}`)}
            </button>
          );
        })}
      </div>
      <p role="status" className={message?.kind === 'error' ? 'field-error' : 'muted small'}>
        {message?.text ?? ''}
      </p>
      <p>
        <a
          href={paths.print(workshopId, locale)}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            navigate(paths.print(workshopId, locale));
          }}
        >
          {t('exports.print')}
        </a>{' '}
        <span className="muted small">{t('exports.printHelp')}</span>
      </p>
    </section>
  );
}
