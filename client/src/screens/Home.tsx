// The facilitator's home: sign in (passkey, recovery code) or create an account; every workshop
// the account facilitates (search, open in one click, archive, delete); the workshops this browser
// opened, with an offer to attach them; passkeys, recovery codes and signed-in devices.
// A chunk of its own: the landing page does not download it, and @simplewebauthn/browser is
// fetched only when a passkey ceremony starts.
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccountView, type OidcResult, type SessionView, assertNever, isOidcResult } from '@world-cafe/shared';
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
import { enOidc } from '../i18n/en.oidc';
import { thOidc } from '../i18n/th.oidc';
import { viOidc } from '../i18n/vi.oidc';
import { idOidc } from '../i18n/id.oidc';
import { msOidc } from '../i18n/ms.oidc';
import { filOidc } from '../i18n/fil.oidc';
import { kmOidc } from '../i18n/km.oidc';
import { loOidc } from '../i18n/lo.oidc';
import { myOidc } from '../i18n/my.oidc';
import { enCofac } from '../i18n/en.cofac';
import { thCofac } from '../i18n/th.cofac';
import { viCofac } from '../i18n/vi.cofac';
import { idCofac } from '../i18n/id.cofac';
import { msCofac } from '../i18n/ms.cofac';
import { filCofac } from '../i18n/fil.cofac';
import { kmCofac } from '../i18n/km.cofac';
import { loCofac } from '../i18n/lo.cofac';
import { myCofac } from '../i18n/my.cofac';
import { WorkshopPeople } from '../components/WorkshopPeople';
import { ApiError } from '../net/api';
import { TemplatesSection } from '../components/templates/TemplatesSection';
import { SaveAsTemplate } from '../components/templates/SaveAsTemplate';
import { DeviceWorkshops } from '../components/DeviceWorkshops';
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
for (const [lng, strings] of Object.entries({
  en: enOidc,
  th: thOidc,
  vi: viOidc,
  id: idOidc,
  ms: msOidc,
  fil: filOidc,
  km: kmOidc,
  lo: loOidc,
  my: myOidc,
}))
  i18n.addResourceBundle(lng, 'translation', strings, true, false);
// and the co-facilitators' panel's (issue 17 item 4)
for (const [lng, strings] of Object.entries({
  en: enCofac,
  th: thCofac,
  vi: viCofac,
  id: idCofac,
  ms: msCofac,
  fil: filCofac,
  km: kmCofac,
  lo: loCofac,
  my: myCofac,
}))
  i18n.addResourceBundle(lng, 'translation', strings, true, false);

const INVITE_REASONS = ['unknown', 'used', 'revoked', 'expired', 'already_runs'] as const;

/**
 * A co-facilitator invitation opened from its link (/home#cofac=SECRET): the secret is taken out
 * of the address bar at once (so it is not bookmarked or shared by accident) and kept in this tab's
 * sessionStorage until the person is signed in — it must outlive a sign-in with the organisation,
 * which leaves the page for the provider and comes back to a fresh one.
 */
const INVITE_KEY = 'wc.cofacInvite';
function takeInviteFromHash(): string | null {
  const m = /(?:^#|&)cofac=([A-Za-z0-9_-]{16,128})/.exec(window.location.hash);
  if (m) {
    tabStore.set(INVITE_KEY, m[1]!);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return tabStore.get(INVITE_KEY);
}

/** This tab's sessionStorage, never throwing (private browsing, storage off: then nothing is kept). */
const tabStore = {
  get(key: string): string | null {
    try {
      return window.sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) window.sessionStorage.removeItem(key);
      else window.sessionStorage.setItem(key, value);
    } catch {
      /* not kept */
    }
  },
};

type Status = { kind: 'loading' } | { kind: 'out' } | { kind: 'in'; account: AccountView };

/** How an organisation sign-in ended is good news (a notice) or a problem (an alert). */
function isProblem(r: OidcResult): boolean {
  switch (r) {
    case 'signed_in':
    case 'linked':
      return false;
    case 'denied':
    case 'provider_unavailable':
    case 'expired':
    case 'already_linked':
    case 'failed':
      return true;
    default:
      return assertNever(r);
  }
}

/** The ?oidc=<result> the server's callback sent the browser back with, taken off the address once read. */
/**
 * The result of an organisation sign-in, taken from the address (/home?oidc=RESULT) once. Held for a
 * few seconds outside the component: the home may mount twice as it loads, and the second mount
 * must still say what happened though the address no longer has it.
 */
function takeOidcResult(): OidcResult | null {
  const url = new URL(window.location.href);
  const r = url.searchParams.get('oidc');
  if (r !== null) {
    url.searchParams.delete('oidc');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    heldOidc = { result: isOidcResult(r) ? r : 'failed', at: Date.now() };
  }
  return heldOidc && Date.now() - heldOidc.at < 10_000 ? heldOidc.result : null;
}
let heldOidc: { result: OidcResult; at: number } | null = null;

/** Why a passkey ceremony failed, in the person's words. */
function problemOf(err: unknown): 'cancelled' | 'unsupported' | 'failed' {
  const name = (err as { name?: string })?.name;
  if (name === 'NotAllowedError' || name === 'AbortError') return 'cancelled';
  if (name === 'NotSupportedError' || typeof window.PublicKeyCredential === 'undefined') return 'unsupported';
  return 'failed';
}

/** Workshops this browser facilitates (their key is in hand): the ones a sign-in attaches. */
const localFacilitated = () => listSessions().filter((s) => s.role === 'facilitator');
/** After a sign-in: the facilitator links in hand on this device join the account. */
const claimLocal = () => Promise.allSettled(localFacilitated().map((s) => api.claimWorkshop(s.workshopId, s.token)));

export function Home() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [oidc, setOidc] = useState(false);
  const [oidcResult] = useState(takeOidcResult);
  const [invite, setInvite] = useState(takeInviteFromHash);
  /** Bumped to reload the signed-in view (an accepted invitation adds a workshop). */
  const [version, setVersion] = useState(0);

  const refresh = useCallback(async () => {
    const account = await api.me().catch(() => null);
    if (account) writeString(SIGNED_IN_HINT, '1');
    else removeKey(SIGNED_IN_HINT);
    setStatus(account ? { kind: 'in', account } : { kind: 'out' });
  }, []);
  useEffect(() => {
    void api.authConfig().then(
      (c) => setOidc(c.oidc),
      () => setOidc(false),
    );
    if (!oidcResult) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the state is set when the request answers, not during the effect
      void refresh();
      return;
    }
    const message = t(`oidc.result.${oidcResult}`);
    if (isProblem(oidcResult)) setError(message);
    else setNotice(message);
    // back from the organisation: the facilitator links on this device join the account, as after a passkey sign-in
    void (oidcResult === 'signed_in' ? claimLocal().then(refresh) : refresh());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, with the result the page was opened with
  }, []);

  // An invitation link opened while the home is already open changes only the fragment.
  useEffect(() => {
    const onHash = () => {
      const token = takeInviteFromHash();
      if (token) setInvite(token);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Signed in with an invitation in hand: accept it (once), then show the workshop in the list.
  const signedInNow = status.kind === 'in';
  useEffect(() => {
    if (!signedInNow || !invite) return;
    tabStore.set(INVITE_KEY, null);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the invitation is used once, whatever the answer
    setInvite(null);
    api.acceptCofacInvite(invite).then(
      (r) => (setNotice(t('cofac.accepted', { title: r.title })), setVersion((v) => v + 1)),
      (err: unknown) => {
        const reason = err instanceof ApiError ? INVITE_REASONS.find((r) => r === err.reason) : undefined;
        setError(t(`cofac.errors.${reason ?? 'failed'}`));
      },
    );
  }, [signedInNow, invite, t]);

  /** After a sign-in: the facilitator links in hand on this device join the account. */
  const signedIn = async () => {
    await claimLocal();
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
        {status.kind === 'out' && invite && <p className="cofac-invited">{t('cofac.signInToAccept')}</p>}
        {status.kind === 'out' && (
          <SignedOut
            onPasskey={() => attempt(async () => (await api.signInWithPasskey(), await signedIn()))}
            onRegister={(name) => attempt(async () => (setCodes(await api.register(name)), await signedIn()))}
            onRecovery={(code) => attempt(async () => (await api.signInWithRecoveryCode(code), await signedIn()))}
            organisation={oidc}
          />
        )}
        {status.kind === 'in' && (
          <SignedIn
            key={version}
            account={status.account}
            onNotice={setNotice}
            onCodes={setCodes}
            onSignedOut={() => (removeKey(SIGNED_IN_HINT), setStatus({ kind: 'out' }))}
            onAttempt={attempt}
            refresh={refresh}
            organisation={oidc}
          />
        )}
        {status.kind === 'out' && <LocalWorkshops />}
        {status.kind === 'out' && <TemplatesSection signedIn={false} reloadKey={0} onNotice={setNotice} />}
      </main>
    </>
  );
}

function SignedOut(props: {
  onPasskey: () => void;
  onRegister: (name: string) => void;
  onRecovery: (code: string) => void;
  organisation: boolean;
}) {
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
        {props.organisation && (
          <div className="home-organisation">
            {/* a plain link: the server sends the browser on to the organisation's sign-in page */}
            <a className="button" href={api.ORGANISATION_SIGN_IN} data-testid="oidc-sign-in">
              {t('oidc.signIn')}
            </a>
            <p className="muted small">{t('oidc.signInHelp')}</p>
          </div>
        )}
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
  /** Organisation sign-in is configured: offer to link it. */
  organisation: boolean;
}

function SignedIn({ account, onNotice, onCodes, onSignedOut, onAttempt, refresh, organisation }: SignedInProps) {
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
    // the list first, then the notice: what is announced is already what the list shows
    await load();
    onNotice(t('home.deleted', { title: w.title }));
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
                <WorkshopPeople workshopId={w.workshopId} title={w.title} onNotice={onNotice} onChanged={load} />
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
                <button type="button" onClick={() => void attach(s.workshopId, s.token)}>
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
        {(organisation || account.organisationIdentities.length > 0) && (
          <>
            <h3>{t('oidc.heading')}</h3>
            {account.organisationIdentities.length > 0 && (
              <ul className="plain-list">
                {account.organisationIdentities.map((o) => (
                  <li key={`${o.issuer} ${o.createdAt}`}>
                    {o.email ? t('oidc.linkedAs', { email: o.email }) : t('oidc.linkedNoEmail')}{' '}
                    <span className="muted">· {t('home.lastUsed', { date: f.dateTime(o.lastUsedAt) })}</span>
                  </li>
                ))}
              </ul>
            )}
            {organisation && (
              <div className="home-actions">
                <button type="button" onClick={() => void onAttempt(async () => window.location.assign(await api.linkOrganisation()))}>
                  {t('oidc.link')}
                </button>
                <span className="muted small">{t('oidc.linkHelp')}</span>
              </div>
            )}
          </>
        )}
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

  /** A key this device holds that is no longer a facilitator key (reissued, or its account removed) is forgotten. */
  async function attach(workshopId: string, token: string) {
    try {
      await api.claimWorkshop(workshopId, token);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 403)) throw err;
      forgetSession(workshopId);
    }
    await load();
  }

  async function archive(w: api.MyWorkshop) {
    await api.archiveWorkshop(w.workshopId, !w.archivedAt);
    await load();
  }
}

/** Without an account: the workshops this browser opened (kept in localStorage). */
function LocalWorkshops() {
  const { t } = useTranslation();
  const id = useId();
  const local = listSessions().filter((s) => s.title);
  if (local.length === 0) return null;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('home.localHeading')}</h2>
      <p>{t('home.localHelp')}</p>
      <DeviceWorkshops sessions={local} />
    </section>
  );
}
