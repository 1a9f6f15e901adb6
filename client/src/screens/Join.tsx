import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJoinCode, LIMITS, normaliseJoinCode, type JoinInput } from '@world-cafe/shared';
import { AppHeader } from '../components/AppHeader';
import { navigate, paths } from '../lib/router';
import { DelegationFields } from '../components/FormBits';
import { apiErrorCode, errorText } from '../lib/apiErrors';
import { checkNewDelegation } from '../lib/delegations';
import { api, type JoinInfo } from '../net/api';
import { suggestLanguage } from '../i18n';
import { getSession, saveSession } from '../net/sessions';
import { readInviteFromHash } from '../net/reviewApi';
import { newJoinId } from '../net/ids';

const OTHER = '__other__';
const NONE = '__none__';

type Lookup = { kind: 'loading' } | { kind: 'ok'; info: JoinInfo } | { kind: 'error'; code: string };

export function Join({ code: rawCode }: { code: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const code = normaliseJoinCode(rawCode);
  const [lookup, setLookup] = useState<Lookup>({ kind: 'loading' });
  const [name, setName] = useState('');
  const [delegation, setDelegation] = useState('');
  const [otherName, setOtherName] = useState('');
  const [otherCode, setOtherCode] = useState('');
  const [role, setRole] = useState<'delegate' | 'observer'>('delegate');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // A delegation review link (#invite=…): the server fixes the delegation from the invite.
  const [invited] = useState(() => readInviteFromHash());
  // One id for every attempt from this screen: a retry after a lost response is the same person.
  const [joinId] = useState(newJoinId);

  useEffect(() => {
    if (!code) {
      navigate(paths.landing(), { replace: true });
      return;
    }
    let live = true;
    // A new code in the URL starts a new lookup: what was shown for the old code must go at once.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reset before the async lookup, not a derived value
    setLookup({ kind: 'loading' });
    api.lookupJoin(code).then(
      (info) => {
        if (!live) return;
        suggestLanguage(info.language);
        setLookup({ kind: 'ok', info });
      },
      (err: unknown) => live && setLookup({ kind: 'error', code: apiErrorCode(err) }),
    );
    return () => {
      live = false;
    };
  }, [code]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (lookup.kind !== 'ok') return;
    if (!name.trim()) return setError(t('join.needName'));
    if (!delegation && !invited) return setError(t('join.needDelegation'));
    const input: JoinInput = { code, name: name.trim(), role, joinId };
    if (invited) {
      input.invite = invited.invite;
      input.delegationId = invited.delegationId;
    } else if (delegation === OTHER) {
      const other = checkNewDelegation(otherName, otherCode);
      if (!other.ok) return setError(t(other.problem === 'missing' ? 'join.needOther' : 'create.extraBadCode'));
      input.newDelegation = { name: other.name, code: other.code };
    } else {
      input.delegationId = delegation === NONE ? null : delegation;
    }
    setError('');
    setBusy(true);
    try {
      const res = await api.join(input);
      saveSession(res.workshopId, {
        token: res.token,
        participantId: res.participantId,
        title: lookup.info.title,
        role,
      });
      navigate(paths.workshop(res.workshopId));
    } catch (err) {
      const c = apiErrorCode(err);
      setError(invited && c === 'unauthorized' ? t('joinInvite.badLink') : errorText(t, c));
      setBusy(false);
    }
  };

  const id = (n: string) => `${uid}-${n}`;
  const existing = lookup.kind === 'ok' ? getSession(lookup.info.workshopId) : undefined;

  return (
    <>
      <AppHeader />
      <main id="main" className="page join">
        {lookup.kind === 'loading' && <p role="status">{t('common.loading')}</p>}
        {lookup.kind === 'error' && (
          <section className="card">
            <h1 tabIndex={-1}>{lookup.code === 'not_found' ? t('join.notFoundTitle') : t('join.errorTitle')}</h1>
            <p>{lookup.code === 'not_found' ? t('join.notFound', { code: formatJoinCode(code) }) : errorText(t, lookup.code)}</p>
            <button type="button" onClick={() => navigate(paths.landing())}>
              {t('join.tryAnother')}
            </button>
          </section>
        )}
        {lookup.kind === 'ok' && (
          <>
            <p className="eyebrow">{t('join.eyebrow', { code: formatJoinCode(lookup.info.joinCode || code) })}</p>
            <h1 tabIndex={-1} dir="auto">
              {lookup.info.title}
            </h1>
            {lookup.info.purpose && (
              <p className="lead" dir="auto">
                {lookup.info.purpose}
              </p>
            )}
            {existing && (
              <div className="notice">
                <p>{t('join.alreadyJoined')}</p>
                <button type="button" onClick={() => navigate(paths.workshop(lookup.info.workshopId))}>
                  {t('join.continue')}
                </button>
              </div>
            )}
            {lookup.info.phase === 'closed' ? (
              <p className="notice">{t('join.closed')}</p>
            ) : lookup.info.phase === 'review' && !invited ? (
              <p className="notice">{t('joinInvite.needLink')}</p>
            ) : (
              <form className="card stack" onSubmit={onSubmit} noValidate>
                <h2>{t('join.formTitle')}</h2>
                <div className="field">
                  <label htmlFor={id('name')}>{t('join.nameLabel')}</label>
                  <input
                    id={id('name')}
                    name="name"
                    value={name}
                    maxLength={LIMITS.nameChars}
                    autoComplete="name"
                    onChange={(e) => setName(e.target.value)}
                    required
                    dir="auto"
                  />
                </div>
                {invited ? (
                  <p className="notice" data-testid="invited-delegation">
                    {(() => {
                      const d = lookup.info.delegations.find((x) => x.id === invited.delegationId);
                      return d ? t('joinInvite.invited', { delegation: `${d.name} (${d.code})` }) : t('joinInvite.invitedUnknown');
                    })()}
                  </p>
                ) : (
                  <div className="field">
                    <label htmlFor={id('deleg')}>{t('join.delegationLabel')}</label>
                    <select id={id('deleg')} name="delegation" value={delegation} onChange={(e) => setDelegation(e.target.value)} required>
                      <option value="" disabled>
                        {t('join.chooseDelegation')}
                      </option>
                      {lookup.info.delegations.map((d) => (
                        <option key={d.id} value={d.id}>
                          {d.name} ({d.code})
                        </option>
                      ))}
                      <option value={OTHER}>{t('join.otherDelegation')}</option>
                      <option value={NONE}>{t('join.noDelegation')}</option>
                    </select>
                  </div>
                )}
                {!invited && delegation === OTHER && (
                  <div className="field-row">
                    <DelegationFields name={otherName} code={otherCode} onName={setOtherName} onCode={setOtherCode} />
                  </div>
                )}
                <fieldset className="radio-group">
                  <legend>{t('join.roleLegend')}</legend>
                  <label className="check">
                    <input type="radio" name="role" value="delegate" checked={role === 'delegate'} onChange={() => setRole('delegate')} />
                    <span>
                      {t('roles.delegate')} — <span className="muted">{t('join.delegateHelp')}</span>
                    </span>
                  </label>
                  <label className="check">
                    <input type="radio" name="role" value="observer" checked={role === 'observer'} onChange={() => setRole('observer')} />
                    <span>
                      {t('roles.observer')} — <span className="muted">{t('join.observerHelp')}</span>
                    </span>
                  </label>
                </fieldset>
                {error && (
                  <p className="field-error" role="alert">
                    {error}
                  </p>
                )}
                <div className="button-row">
                  <button type="submit" className="primary big" disabled={busy}>
                    {busy ? t('join.joining') : t('join.submit')}
                  </button>
                </div>
              </form>
            )}
          </>
        )}
      </main>
    </>
  );
}
