// Downloads of the outcome for facilitators and table hosts: fetched with the Bearer token
// (never put in a URL) and saved through a Blob; plus the browser's own print view.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, paths } from '../lib/router';
import { apiErrorCode, errorText } from '../lib/apiErrors';
import { EXPORT_FORMATS, fetchExport, saveBlob, type ExportFormat, type ReportLocale } from '../net/reviewApi';
import { useStore } from '../state/store';
import '../review.css';

export function ExportPanel() {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const workshopId = useStore((s) => s.workshopId);
  const token = useStore((s) => s.token);
  const [locale, setLocale] = useState<ReportLocale>(i18n.language === 'th' ? 'th' : 'en');
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  if (!workshopId || !token) return null;

  const download = async (format: ExportFormat) => {
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
      <fieldset className="radio-group inline-radios">
        <legend>{t('exports.localeLegend')}</legend>
        {(['en', 'th'] as const).map((l) => (
          <label key={l} className="check">
            <input type="radio" name={`${uid}-locale`} value={l} checked={locale === l} onChange={() => setLocale(l)} />
            <span lang={l}>{l === 'en' ? 'English' : 'ไทย'}</span>
          </label>
        ))}
      </fieldset>
      <div className="button-row export-buttons">
        {EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" onClick={() => download(format)} disabled={busy !== null} data-format={format}>
            <span aria-hidden="true">⬇ </span>
            {t(`exports.${format}`)}
          </button>
        ))}
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
