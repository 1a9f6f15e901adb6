// In the facilitator console's people list: a person's devices (kind, system and browser; connected
// now or when last seen) and "Reissue link", which ends the person's current link at once (its
// devices are disconnected with a reason they are shown) and hands the facilitator the new one.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView, Participant, PeopleDevices } from '@world-cafe/shared';
import { askConfirm } from './ConfirmDialog';
import { CopyField } from './CopyField';
import { useFormat } from '../lib/format';
import { listPeopleDevices, reissueLink } from '../net/devicesApi';

/** How often the open console asks again (the server writes sightings every few seconds). */
const REFRESH_MS = 30_000;

export interface DeviceList {
  /** participantId → devices; null until the first answer. */
  byPerson: Map<string, DeviceView[]> | null;
  failed: boolean;
  reload: () => Promise<void>;
}

/** Every person's devices in the workshop, asked on open, every 30 s, and after a reissue. */
export function usePeopleDevices(workshopId: string, facilitatorKey: string | null): DeviceList {
  const [byPerson, setByPerson] = useState<Map<string, DeviceView[]> | null>(null);
  const [failed, setFailed] = useState(false);
  const reload = useCallback(async () => {
    if (!workshopId || !facilitatorKey) return;
    try {
      const list: PeopleDevices = await listPeopleDevices(workshopId, facilitatorKey);
      setByPerson(new Map(list.people.map((p) => [p.participantId, p.devices])));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [workshopId, facilitatorKey]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the state is set when the request answers, not during the effect
    void reload();
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return { byPerson, failed, reload };
}

export function PersonDevices(props: {
  person: Participant;
  devices: DeviceView[];
  workshopId: string;
  facilitatorKey: string;
  /** The facilitator's own row: their key is rotated elsewhere, not here. */
  isMe: boolean;
  onReissued: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { person, devices } = props;
  const [newLink, setNewLink] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const name = person.name;
  const connected = devices.filter((d) => d.connected).length;

  const reissue = async () => {
    const ok = await askConfirm({
      title: t('devices.reissueTitle', { name }),
      body: t('devices.reissueBody'),
      confirmLabel: t('devices.reissue'),
      danger: true,
    });
    if (!ok) return;
    setFailed(false);
    try {
      const { path } = await reissueLink(props.workshopId, props.facilitatorKey, person.id);
      setNewLink(`${window.location.origin}${path}`);
      props.onReissued();
    } catch {
      setFailed(true);
    }
  };

  return (
    <details className="person-devices" data-testid={`devices-${person.id}`}>
      <summary>
        {devices.length === 0 ? t('devices.none') : t('devices.summary', { count: devices.length })}
        {connected > 0 && <span className="person-devices-live"> · {t('devices.connectedNow')}</span>}
      </summary>
      {devices.length > 0 && (
        <ul className="plain-list" aria-label={t('devices.listLabel', { name })}>
          {devices.map((d) => (
            <li key={d.id}>
              {[t(`devices.kind.${d.kind}`), d.os, d.browser].filter(Boolean).join(' · ')}{' '}
              <span className={d.connected ? 'person-devices-live' : 'muted'}>
                — {d.connected ? t('devices.connectedNow') : t('devices.lastSeen', { date: f.dateTime(d.lastSeenAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {!props.isMe && (
        <button type="button" className="small danger-quiet" onClick={() => void reissue()}>
          {t('devices.reissue')}
        </button>
      )}
      {failed && (
        <p className="field-error" role="alert">
          {t('devices.reissueFailed')}
        </p>
      )}
      {newLink && (
        <div className="person-devices-new" role="status">
          <CopyField label={t('devices.newLink', { name })} value={newLink} secret testId={`reissued-${person.id}`} />
          <p className="muted small">{t('devices.newLinkHelp', { name })}</p>
        </div>
      )}
    </details>
  );
}
