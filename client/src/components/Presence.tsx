// Presence in the room: an online dot beside a person, "n of m here" for a table, and who is
// typing at a table. Read from the live presence store (net/presence.ts), never stored.
import { useTranslation } from 'react-i18next';
import { tableHere } from '@world-cafe/shared';
import { useIsOnline, usePresenceStore, useTypingAt } from '../net/presence';
import { useMeId, useView } from '../state/selectors';
import { useFormat } from '../lib/format';

/** A dot, green when the person has the workshop open on some device; the words for screen readers. */
export function OnlineDot({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const online = useIsOnline(participantId);
  return (
    <span className={`online-dot${online ? ' on' : ''}`} data-testid="online-dot" data-online={online ? 'true' : 'false'}>
      <span className="sr-only">{online ? t('room.presence.online') : t('room.presence.offline')}</span>
    </span>
  );
}

/** "2 of 3 here": of the people seated at the table, how many are connected. */
export function TableHere({ tableId }: { tableId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const seats = useView((s) => s.seats);
  const online = usePresenceStore((s) => s.online);
  const { here, of } = tableHere({ seats }, online, tableId);
  if (of === 0) return null;
  return (
    <span className="table-here" data-testid="table-here">
      {t('room.presence.here', { n: f.num(here), of: f.num(of) })}
    </span>
  );
}

/** "Somchai is typing…" for the others writing at this table. */
export function TypingLine({ tableId }: { tableId: string }) {
  const { t } = useTranslation();
  const meId = useMeId();
  const ids = useTypingAt(tableId, meId);
  const names = useView((s) => s.participants);
  const who = ids.map((id) => names[id]?.name).filter(Boolean) as string[];
  return (
    <p className="typing-line muted small" data-testid="typing-line" aria-live="off">
      {who.length === 0
        ? '\u00a0'
        : who.length === 1
          ? t('room.presence.typingOne', { name: who[0] })
          : t('room.presence.typingMany', { names: who.join(', ') })}
    </p>
  );
}
