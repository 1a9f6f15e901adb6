// "People who run this workshop": a disclosure under each workshop on the home page. Everyone who
// runs it sees who does; the owner invites (a single-use link shown once), withdraws pending
// invitations, removes a co-facilitator and hands ownership over; a co-facilitator may leave.
// Loaded only when opened. Every change is confirmed in the app's dialog and announced.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CofacInviteCreated, WorkshopPeople as People } from '@world-cafe/shared';
import { askConfirm } from './ConfirmDialog';
import { CopyField } from './CopyField';
import { useFormat } from '../lib/format';
import * as api from '../net/accountApi';

interface Props {
  workshopId: string;
  title: string;
  /** Announces a change in the page's live region. */
  onNotice: (s: string) => void;
  /** The account's list changed (it left the workshop, or its role changed). */
  onChanged: () => Promise<void>;
}

export function WorkshopPeople({ workshopId, title, onNotice, onChanged }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="cofac">
      <button type="button" className="cofac-toggle" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)}>
        {t('cofac.toggle')}
        <span className="sr-only"> {title}</span>
      </button>
      <div id={`${id}-panel`} hidden={!open}>
        {open && <PeoplePanel workshopId={workshopId} title={title} onNotice={onNotice} onChanged={onChanged} />}
      </div>
    </div>
  );
}

function PeoplePanel({ workshopId, title, onNotice, onChanged }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const [people, setPeople] = useState<People | null>(null);
  const [fresh, setFresh] = useState<CofacInviteCreated | null>(null);
  const [error, setError] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    setPeople(await api.workshopPeople(workshopId));
  }, [workshopId]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the state is set when the request answers, not during the effect
    void load().catch(() => setError(t('cofac.errors.failed')));
  }, [load, t]);

  /** Runs a change; a failure is said in the reader's language and changes nothing. */
  const act = async (fn: () => Promise<void>) => {
    setError('');
    try {
      await fn();
    } catch {
      setError(t('cofac.errors.failed'));
    }
  };

  if (!people)
    return (
      <p role="status" className="muted">
        {error || t('cofac.loading')}
      </p>
    );
  const owner = people.you.role === 'owner';

  const invite = () =>
    act(async () => {
      setFresh(await api.inviteCofacilitator(workshopId));
      await load();
    });
  const withdraw = (inviteId: string) =>
    act(async () => {
      await api.withdrawInvite(workshopId, inviteId);
      if (fresh?.id === inviteId) setFresh(null);
      await load();
      onNotice(t('cofac.withdrawn'));
    });
  const remove = (p: People['people'][number]) =>
    act(async () => {
      const self = p.accountId === people.you.accountId;
      const ok = await askConfirm(
        self
          ? { title: t('cofac.leaveTitle', { title }), body: t('cofac.leaveBody'), confirmLabel: t('cofac.leave'), danger: true }
          : {
              title: t('cofac.removeTitle', { name: p.name }),
              body: t('cofac.removeBody', { name: p.name }),
              confirmLabel: t('cofac.remove', { name: p.name }),
              danger: true,
            },
      );
      if (!ok) return;
      await api.removeCofacilitator(workshopId, p.accountId);
      // the list is reloaded before the announcement, so what it says is already what the panel shows
      if (self) {
        onNotice(t('cofac.left', { title }));
        return void (await onChanged());
      }
      await load();
      onNotice(t('cofac.removed', { name: p.name }));
      headingRef.current?.focus();
    });
  const transfer = (p: People['people'][number]) =>
    act(async () => {
      const ok = await askConfirm({
        title: t('cofac.transferTitle', { name: p.name }),
        body: t('cofac.transferBody', { name: p.name }),
        confirmLabel: t('cofac.makeOwner', { name: p.name }),
      });
      if (!ok) return;
      await api.transferOwnership(workshopId, p.accountId);
      setFresh(null);
      await load();
      await onChanged();
      onNotice(t('cofac.transferred', { name: p.name }));
      headingRef.current?.focus();
    });

  return (
    <section className="cofac-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
        {t('cofac.heading', { title })}
      </h3>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ul className="cofac-people">
        {people.people.map((p) => {
          const me = p.accountId === people.you.accountId;
          return (
            <li key={p.accountId} data-account={p.accountId}>
              <span className="cofac-name">
                {p.name} {me && <span className="muted">{t('cofac.you')}</span>}
              </span>
              <span className="home-phase">{t(`cofac.${p.role}`)}</span>
              <span className="muted">{t('cofac.added', { date: f.dateTime(p.addedAt) })}</span>
              {p.role === 'cofacilitator' && (owner || me) && (
                <span className="cofac-actions">
                  {owner && (
                    <button type="button" onClick={() => void transfer(p)}>
                      {t('cofac.makeOwner', { name: p.name })}
                    </button>
                  )}
                  <button type="button" className="danger-quiet" onClick={() => void remove(p)}>
                    {me ? t('cofac.leave') : t('cofac.remove', { name: p.name })}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="muted">{owner ? t('cofac.ownerNote') : t('cofac.cofacNote')}</p>
      {owner && (
        <>
          <button type="button" onClick={() => void invite()}>
            {t('cofac.invite')}
          </button>
          {fresh && (
            <div className="cofac-fresh" role="status">
              <p>{t('cofac.inviteHelp', { date: f.dateTime(fresh.expiresAt) })}</p>
              <CopyField label={t('cofac.linkLabel')} value={`${window.location.origin}${fresh.path}`} secret testId="cofac-link" />
            </div>
          )}
          {people.invites.length > 0 && (
            <>
              <h4>{t('cofac.pendingHeading')}</h4>
              <ul className="plain-list cofac-invites">
                {people.invites.map((i) => (
                  <li key={i.id}>
                    {t('cofac.pendingItem', { created: f.dateTime(i.createdAt), expires: f.dateTime(i.expiresAt) })}{' '}
                    <button type="button" className="danger-quiet" onClick={() => void withdraw(i.id)}>
                      {t('cofac.withdraw')}
                      <span className="sr-only">
                        {' '}
                        {t('cofac.pendingItem', { created: f.dateTime(i.createdAt), expires: f.dateTime(i.expiresAt) })}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
