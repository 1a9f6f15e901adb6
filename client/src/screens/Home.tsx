// The facilitator's home: sign in (passkey, recovery code) or create an account; every workshop
// the account facilitates (search, open in one click, archive, delete); the workshops this browser
// opened, with an offer to attach them; passkeys, recovery codes and signed-in devices.
// A chunk of its own: the landing page does not download it, and @simplewebauthn/browser is
// fetched only when a passkey ceremony starts.
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView, SessionView } from '@world-cafe/shared';
import { AppHeader } from '../components/AppHeader';
import { askConfirm } from '../components/ConfirmDialog';
import { navigate, paths } from '../lib/router';
import { useFormat } from '../lib/format';
import { forgetSession, getSession, listSessions, saveSession } from '../net/sessions';
import * as api from '../net/accountApi';
import { SIGNED_IN_HINT } from '../lib/openCreatedWorkshop';
import { removeKey, writeString } from '../lib/storage';
import i18n from '../i18n';
import { enHome } from '../i18n/en.home';
import { thHome } from '../i18n/th.home';
import { viHome } from '../i18n/vi.home';
import { idHome } from '../i18n/id.home';
import { msHome } from '../i18n/ms.home';
import { filHome } from '../i18n/fil.home';
import { kmHome } from '../i18n/km.home';
import { loHome } from '../i18n/lo.home';
import { myHome } from '../i18n/my.home';
import { TemplatesSection } from '../components/templates/TemplatesSection';
import { SaveAsTemplate } from '../components/templates/SaveAsTemplate';
import '../home.css';

// The home's strings travel with its chunk, not in the landing page's download.
i18n.addResourceBundle('en', 'translation', enHome, true, false);
i18n.addResourceBundle('th', 'translation', thHome, true, false);
i18n.addResourceBundle('vi', 'translation', viHome, true, false);
i18n.addResourceBundle('id', 'translation', idHome, true, false);
i18n.addResourceBundle('ms', 'translation', msHome, true, false);
i18n.addResourceBundle('fil', 'translation', filHome, true, false);
i18n.addResourceBundle('km', 'translation', kmHome, true, false);
i18n.addResourceBundle('lo', 'translation', loHome, true, false);
i18n.addResourceBundle('my', 'translation', myHome, true, false);

type Status = { kind: 'loading' } | { kind: 'out' } | { kind: 'in'; account: AccountView };

/** Why a passkey ceremony failed, in the person's words. */
function problemOf(err: unknown): 'cancelled' | 'unsupported' | 'failed' {
  const name = (err as { name?: string })?.name;
  if (name === 'NotAllowedError' || name === 'AbortError') return 'cancelled';
  if (name === 'NotSupportedError' || typeof window.PublicKeyCredential === 'undefined') return 'unsupported';
  return 'failed';
}

/** Workshops this browser facilitates (their key is in hand): the ones a sign-in attaches. */
const localFacilitated = () => listSessions().filter((s) => s.role === 'facilitator');

export function Home() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  const refresh = useCallback(async () => {
    const account = await api.me().catch(() => null);
    if (account) writeString(SIGNED_IN_HINT, '1');
    else removeKey(SIGNED_IN_HINT);
    setStatus(account ? { kind: 'in', account } : { kind: 'out' });
  }, []);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the state is set when the request answers, not during the effect
    void refresh();
  }, [refresh]);

  /** After a sign-in: the facilitator links in hand on this device join the account. */
  const signedIn = async () => {
    setError('');
    await Promise.allSettled(localFacilitated().map((s) => api.claimWorkshop(s.workshopId, s.token)));
    await refresh();
  };
  const attempt = async (fn: () => Promise<void>) => {
    setError('');
    try {
      await fn();
    } catch (err) {
      setError(t(`home.${problemOf(err)}`));
    }
  };

  return (
    <>
      <AppHeader />
      <main id="main" className="page home">
        <h1 tabIndex={-1}>{t('home.title')}</h1>
        <p role="status" className="home-notice">
          {notice}
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {codes && <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />}
        {status.kind === 'loading' && <p role="status">{t('common.loading')}</p>}
        {status.kind === 'out' && (
          <SignedOut
            onPasskey={() => attempt(async () => (await api.signInWithPasskey(), await signedIn()))}
            onRegister={(name) => attempt(async () => (setCodes(await api.register(name)), await signedIn()))}
            onRecovery={(code) => attempt(async () => (await api.signInWithRecoveryCode(code), await signedIn()))}
          />
        )}
        {status.kind === 'in' && (
          <SignedIn
            account={status.account}
            onNotice={setNotice}
            onCodes={setCodes}
            onSignedOut={() => (removeKey(SIGNED_IN_HINT), setStatus({ kind: 'out' }))}
            onAttempt={attempt}
            refresh={refresh}
          />
        )}
        {status.kind === 'out' && <LocalWorkshops />}
        {status.kind === 'out' && <TemplatesSection signedIn={false} reloadKey={0} onNotice={setNotice} />}
      </main>
    </>
  );
}

function SignedOut(props: { onPasskey: () => void; onRegister: (name: string) => void; onRecovery: (code: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  return (
    <div className="two-cols">
      <section className="card" aria-labelledby={`${id}-in`}>
        <h2 id={`${id}-in`}>{t('home.signInHeading')}</h2>
        <p>{t('home.signInHelp')}</p>
        <button type="button" className="primary" onClick={props.onPasskey}>
          {t('home.signInPasskey')}
        </button>
        <form
          className="home-recovery"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (code.trim()) props.onRecovery(code.trim());
          }}
        >
          <h3>{t('home.recoveryHeading')}</h3>
          <label htmlFor={`${id}-code`}>{t('home.recoveryLabel')}</label>
          <div className="inline-form">
            <input
              id={`${id}-code`}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="one-time-code"
              spellCheck={false}
              placeholder="ABCD-EFGH-JKLM"
            />
            <button type="submit">{t('home.recoveryButton')}</button>
          </div>
        </form>
      </section>
      <section className="card" aria-labelledby={`${id}-reg`}>
        <h2 id={`${id}-reg`}>{t('home.registerHeading')}</h2>
        <p>{t('home.registerHelp')}</p>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (name.trim()) props.onRegister(name.trim());
          }}
        >
          <label htmlFor={`${id}-name`}>{t('home.nameLabel')}</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoComplete="name" required />
          <button type="submit" className="primary">
            {t('home.registerButton')}
          </button>
        </form>
      </section>
    </div>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card home-codes" aria-labelledby={id}>
      <h2 id={id}>{t('home.codesHeading')}</h2>
      <p>{t('home.codesHelp')}</p>
      <ul className="home-code-list">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" onClick={onDone}>
        {t('home.codesSaved')}
      </button>
    </section>
  );
}

interface SignedInProps {
  account: AccountView;
  onNotice: (s: string) => void;
  onCodes: (codes: string[]) => void;
  onSignedOut: () => void;
  onAttempt: (fn: () => Promise<void>) => Promise<void>;
  refresh: () => Promise<void>;
}

function SignedIn({ account, onNotice, onCodes, onSignedOut, onAttempt, refresh }: SignedInProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const [workshops, setWorkshops] = useState<api.MyWorkshop[] | null>(null);
  const [devices, setDevices] = useState<SessionView[]>([]);
  const [q, setQ] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  /** Bumped when a workshop is saved as a template, so the templates list reloads. */
  const [templatesVersion, setTemplatesVersion] = useState(0);

  const load = useCallback(async () => {
    const [w, d] = await Promise.all([api.myWorkshops(), api.listDevices()]);
    setWorkshops(w);
    setDevices(d);
  }, []);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the state is set when the requests answer, not during the effect
    void load();
  }, [load]);

  const shown = useMemo(() => {
    const needle = q.trim().toLocaleLowerCase();
    return (workshops ?? []).filter(
      (w) => (showArchived || !w.archivedAt) && (!needle || `${w.title} ${w.joinCode}`.toLocaleLowerCase().includes(needle)),
    );
  }, [workshops, q, showArchived]);
  const mine = new Set((workshops ?? []).map((w) => w.workshopId));
  const unattached = localFacilitated().filter((s) => !mine.has(s.workshopId));

  const open = async (w: api.MyWorkshop) => {
    if (!getSession(w.workshopId)) {
      const o = await api.openWorkshop(w.workshopId);
      saveSession(w.workshopId, { token: o.token, participantId: o.participantId, title: o.title, role: 'facilitator' });
    }
    navigate(paths.workshop(w.workshopId));
  };
  const remove = async (w: api.MyWorkshop) => {
    const ok = await askConfirm({
      title: t('home.deleteTitle', { title: w.title }),
      body: t('home.deleteBody'),
      confirmLabel: t('home.delete'),
      danger: true,
    });
    if (!ok) return;
    await api.deleteWorkshop(w.workshopId);
    forgetSession(w.workshopId);
    onNotice(t('home.deleted', { title: w.title }));
    await load();
  };

  return (
    <>
      <div className="home-account-bar">
        <span>{t('home.signedInAs', { name: account.name })}</span>
        <button type="button" onClick={() => void api.signOut().then(onSignedOut)}>
          {t('home.signOut')}
        </button>
      </div>
      <section className="card" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('home.title')}</h2>
        <div className="home-filters">
          <label htmlFor={`${id}-q`} className="sr-only">
            {t('home.search')}
          </label>
          <input id={`${id}-q`} type="search" placeholder={t('home.search')} value={q} onChange={(e) => setQ(e.target.value)} />
          <label className="home-check">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t('home.showArchived')}
          </label>
        </div>
        {workshops === null ? (
          <p role="status">{t('common.loading')}</p>
        ) : shown.length === 0 ? (
          <p>{q.trim() ? t('home.noMatch', { q: q.trim() }) : t('home.none')}</p>
        ) : (
          <ul className="home-workshops">
            {shown.map((w) => (
              <li key={w.workshopId} className="home-workshop" data-workshop={w.workshopId}>
                <div className="home-workshop-main">
                  <a
                    href={paths.workshop(w.workshopId)}
                    onClick={(e) => {
                      e.preventDefault();
                      void open(w);
                    }}
                  >
                    {w.title}
                  </a>
                  <span className="home-phase">{t(`phases.${w.phase}`)}</span>
                  {w.archivedAt && <span className="home-phase">{t('home.archived')}</span>}
                </div>
                <p className="muted">
                  {t(`home.${w.role}`)} · {t('home.created', { date: f.dateTime(w.createdAt) })} · {t('home.people', { count: w.people })} ·{' '}
                  {t('home.notes', { count: w.notes })}
                  {w.review.total > 0 && <> · {t('home.review', { done: w.review.done, total: w.review.total })}</>}
                </p>
                <div className="home-actions">
                  <button type="button" onClick={() => void archive(w)}>
                    {w.archivedAt ? t('home.unarchive') : t('home.archive')}
                    <span className="sr-only"> {w.title}</span>
                  </button>
                  <SaveAsTemplate
                    workshopId={w.workshopId}
                    title={w.title}
                    onSaved={(notice) => (onNotice(notice), setTemplatesVersion((v) => v + 1))}
                  />
                  {w.role === 'owner' && (
                    <button type="button" className="danger-quiet" onClick={() => void remove(w)}>
                      {t('home.delete')}
                      <span className="sr-only"> {w.title}</span>
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <TemplatesSection signedIn reloadKey={templatesVersion} onNotice={onNotice} />
      {unattached.length > 0 && (
        <section className="card" aria-labelledby={`${id}-local`}>
          <h2 id={`${id}-local`}>{t('home.localHeading')}</h2>
          <ul className="plain-list">
            {unattached.map((s) => (
              <li key={s.workshopId}>
                {s.title ?? s.workshopId}{' '}
                <button type="button" onClick={() => void api.claimWorkshop(s.workshopId, s.token).then(load)}>
                  {t('home.attach')}
                  <span className="sr-only"> {s.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card" aria-labelledby={`${id}-acc`}>
        <h2 id={`${id}-acc`}>{t('home.accountHeading')}</h2>
        <h3>{t('home.passkeysHeading')}</h3>
        <ul className="plain-list">
          {account.passkeys.map((p) => (
            <li key={p.id}>
              {p.label}{' '}
              <span className="muted">· {p.lastUsedAt ? t('home.lastUsed', { date: f.dateTime(p.lastUsedAt) }) : t('home.neverUsed')}</span>
            </li>
          ))}
        </ul>
        <div className="home-actions">
          <button
            type="button"
            onClick={() =>
              void onAttempt(
                async () => (await api.addPasskey(navigator.platform || 'Passkey'), onNotice(t('home.passkeyAdded')), await refresh()),
              )
            }
          >
            {t('home.addPasskey')}
          </button>
          <button type="button" onClick={() => void api.newRecoveryCodes().then(onCodes).then(refresh)}>
            {t('home.newCodes')}
          </button>
          <span className="muted">{t('home.codesLeft', { count: account.recoveryCodesLeft })}</span>
        </div>
        <h3>{t('home.devicesHeading')}</h3>
        <ul className="plain-list">
          {devices.map((d) => (
            <li key={d.id}>
              {d.current ? <strong>{t('home.thisDevice')}</strong> : d.userAgent.slice(0, 80)}{' '}
              <span className="muted">· {t('home.lastSeen', { date: f.dateTime(d.lastSeenAt) })}</span>{' '}
              {!d.current && (
                <button type="button" className="danger-quiet" onClick={() => void api.signOutDevice(d.id).then(load)}>
                  {t('home.signOutDevice')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {devices.length > 1 && (
          <button
            type="button"
            onClick={() => void api.signOutOthers().then((n) => (onNotice(t('home.othersSignedOut', { count: n })), load()))}
          >
            {t('home.signOutOthers')}
          </button>
        )}
      </section>
    </>
  );

  async function archive(w: api.MyWorkshop) {
    await api.archiveWorkshop(w.workshopId, !w.archivedAt);
    await load();
  }
}

/** Without an account: the workshops this browser opened (kept in localStorage). */
function LocalWorkshops() {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const local = listSessions().filter((s) => s.title);
  if (local.length === 0) return null;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('home.localHeading')}</h2>
      <p>{t('home.localHelp')}</p>
      <ul className="plain-list">
        {local.map((s) => (
          <li key={s.workshopId}>
            <a
              href={paths.workshop(s.workshopId)}
              onClick={(e) => {
                e.preventDefault();
                navigate(paths.workshop(s.workshopId));
              }}
            >
              {s.title}
            </a>{' '}
            <span className="muted">
              · {s.role ? t(`roles.${s.role}` as never) : ''} · {f.dateTime(s.savedAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
