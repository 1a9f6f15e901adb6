// The report for the browser's own print (/w/:id/print?locale=en|th): the shared HTML renderer's
// standalone document in a sandboxed <iframe srcdoc> (no scripts run in it; every piece of user
// text is escaped by the renderer), never injected into the app's own DOM.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportHtml } from '@world-cafe/shared/export';
import { isLocale, type Locale } from '@world-cafe/shared/export';
import { AppHeader } from '../components/AppHeader';
import { navigate, paths } from '../lib/router';
import { openSession } from '../net/session';
import { getSession } from '../net/sessions';
import { useMyRole, useView } from '../state/selectors';
import { useStore } from '../state/store';
import '../review.css';

function localeFromQuery(): Locale | undefined {
  const l = new URLSearchParams(window.location.search).get('locale');
  return isLocale(l) ? l : undefined;
}

export function PrintView({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [token] = useState(() => getSession(workshopId)?.token ?? null);
  useEffect(() => (token ? openSession(workshopId, token) : undefined), [workshopId, token]);
  const ready = useStore((s) => s.workshopId === workshopId && s.confirmed !== null && s.me !== null);
  const authError = useStore((s) => s.authError);
  const role = useMyRole();
  const allowedRole = role === 'facilitator' || role === 'host';

  if (!token || authError || (ready && role && !allowedRole)) {
    return (
      <>
        <AppHeader />
        <main id="main" className="page">
          <section className="card">
            <h1 tabIndex={-1}>{t('print.title')}</h1>
            <p>{!token || authError ? t('print.noAccess') : t('print.forbidden')}</p>
            <button type="button" className="primary" onClick={() => navigate(token ? paths.workshop(workshopId) : paths.landing())}>
              {token ? t('print.back') : t('notFound.home')}
            </button>
          </section>
        </main>
      </>
    );
  }
  return (
    <>
      <AppHeader />
      <main id="main" className="page print-view">
        <h1 tabIndex={-1} className="sr-only">
          {t('print.title')}
        </h1>
        {ready && role ? <PrintBody workshopId={workshopId} /> : <p role="status">{t('workshop.connecting')}</p>}
      </main>
    </>
  );
}

function PrintBody({ workshopId }: { workshopId: string }) {
  const { t, i18n } = useTranslation();
  const state = useView((s) => s);
  const frame = useRef<HTMLIFrameElement>(null);
  const locale = localeFromQuery() ?? (isLocale(i18n.language) ? i18n.language : 'en');
  const html = useMemo(() => exportHtml(state, { locale }), [state, locale]);
  const [height, setHeight] = useState<number | null>(null);

  const fit = () => {
    // allow-same-origin (without allow-scripts) lets the app measure and print the frame; nothing runs inside it.
    const doc = frame.current?.contentDocument;
    if (doc?.documentElement) setHeight(doc.documentElement.scrollHeight + 24);
  };

  return (
    <>
      <div className="print-toolbar">
        <button type="button" onClick={() => navigate(paths.workshop(workshopId))}>
          ← {t('print.back')}
        </button>
        <button type="button" className="primary" onClick={() => frame.current?.contentWindow?.print()} data-testid="print-button">
          {t('print.print')}
        </button>
      </div>
      <iframe
        ref={frame}
        className="print-frame"
        title={t('print.frameTitle')}
        sandbox="allow-same-origin allow-modals"
        srcDoc={html}
        onLoad={fit}
        style={height ? { height } : undefined}
        data-testid="print-frame"
      />
    </>
  );
}
