import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
// From its own module, not the package index: the index pulls zod and every reducer into the landing page.
import { normaliseJoinCode } from '@world-cafe/shared/presets';
import { AppHeader } from '../components/AppHeader';
import { navigate, paths } from '../lib/router';
import { listSessions } from '../net/sessions';
import { ImportWorkshop } from '../components/ImportWorkshop';
import { DeviceWorkshops } from '../components/DeviceWorkshops';

export function Landing() {
  const { t } = useTranslation();
  const codeId = useId();
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const sessions = listSessions().filter((s) => s.title);

  const onJoin = (e: FormEvent) => {
    e.preventDefault();
    const c = normaliseJoinCode(code);
    if (c.length < 4) {
      setError(t('landing.codeTooShort'));
      return;
    }
    navigate(paths.join(c));
  };

  return (
    <>
      <AppHeader />
      <main id="main" className="page landing">
        <section className="hero">
          <h1 tabIndex={-1}>{t('landing.title')}</h1>
          <p className="lead">{t('landing.tagline')}</p>
          <p>
            <a
              href={paths.home()}
              onClick={(e) => {
                e.preventDefault();
                navigate(paths.home());
              }}
            >
              {t('landing.homeLink')}
            </a>
          </p>
        </section>
        <div className="two-cols">
          <section className="card" aria-labelledby={`${codeId}-h`}>
            <h2 id={`${codeId}-h`}>{t('landing.joinHeading')}</h2>
            <p>{t('landing.joinHelp')}</p>
            <form onSubmit={onJoin} noValidate>
              <label htmlFor={codeId}>{t('landing.codeLabel')}</label>
              <div className="inline-form">
                <input
                  id={codeId}
                  name="code"
                  className="code-input"
                  value={code}
                  onChange={(e) => {
                    setCode(e.target.value);
                    setError('');
                  }}
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  placeholder="ABCD-EFGH"
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${codeId}-err` : undefined}
                />
                <button type="submit" className="primary">
                  {t('landing.joinButton')}
                </button>
              </div>
              {error && (
                <p id={`${codeId}-err`} className="field-error" role="alert">
                  {error}
                </p>
              )}
            </form>
          </section>
          <section className="card">
            <h2>{t('landing.runHeading')}</h2>
            <p>{t('landing.runHelp')}</p>
            <button type="button" className="primary" onClick={() => navigate(paths.create())}>
              {t('landing.createButton')}
            </button>
          </section>
        </div>
        <ImportWorkshop />
        {sessions.length > 0 && (
          <section className="card">
            <h2>{t('landing.yourWorkshops')}</h2>
            <DeviceWorkshops sessions={sessions} />
          </section>
        )}
      </main>
    </>
  );
}
