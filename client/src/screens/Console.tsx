import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever, formatJoinCode, LIMITS, PHASES, type Participant, type Phase, type Role, type Table } from '@world-cafe/shared';
import { askConfirm } from '../components/ConfirmDialog';
import { CopyField } from '../components/CopyField';
import { TableFields, type TableFieldValues } from '../components/FormBits';
import { PersonalLink } from '../components/PersonalLink';
import { QrCode } from '../components/QrCode';
import { useFormat } from '../lib/format';
import { navigate, paths } from '../lib/router';
import { newEntityId } from '../net/ids';
import { joinLink } from '../net/sessions';
import { allowed } from '../state/optimistic';
import { countNotes, seatCounts, seatedAt, useMeId, useView, useViewShallow } from '../state/selectors';
import { submit, useStore } from '../state/store';
import { AbsentToggle, CafeControls, TableHosts } from './CafeControls';
import { ReviewConsole } from './ReviewConsole';
import { OnlineDot, TableHere } from '../components/Presence';
import { PersonDevices, usePeopleDevices } from '../components/PersonDevices';

const ASSIGNABLE_ROLES: Role[] = ['host', 'delegate', 'observer'];

type SectionId = 'phase' | 'invite' | 'cafe' | 'review' | 'stats' | 'tables' | 'waiting' | 'people';

/**
 * What the facilitator needs first, phase by phase: the clock during the café, the review and
 * the exports afterwards. Once the café is over its lists fold away.
 */
const ORDER: Record<Phase, SectionId[]> = {
  setup: ['phase', 'invite', 'cafe', 'tables', 'waiting', 'people'],
  cafe: ['cafe', 'phase', 'tables', 'waiting', 'people', 'invite', 'stats'],
  harvest: ['phase', 'review', 'stats', 'invite', 'people'],
  review: ['review', 'phase', 'stats', 'invite', 'people'],
  closed: ['review', 'phase', 'stats', 'people'],
};

/**
 * The facilitator's console, organised by phase with in-page navigation. `embedded`: inside the
 * harvest's Console tab, where the review and exports already sit under the harvest.
 */
export function Console({ embedded = false }: { embedded?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const workshopId = useStore((s) => s.workshopId) ?? '';
  const joinCode = useView((s) => s.joinCode);
  const phase = useView((s) => s.phase);
  const tableIds = useViewShallow((s) => s.tableOrder);
  const people = useViewShallow((s) => Object.values(s.participants).sort((a, b) => a.joinedAt - b.joinedAt));
  const seats = useView((s) => s.seats);
  const notesTotal = useView((s) => Object.keys(s.notes).length);
  const facilitatorKey = useStore((s) => s.token);
  const meId = useMeId();
  const devices = usePeopleDevices(workshopId, facilitatorKey);
  const [justCreated] = useState(() => {
    try {
      const v = sessionStorage.getItem('wc:created');
      if (v === workshopId) sessionStorage.removeItem('wc:created');
      return v === workshopId;
    } catch {
      return false;
    }
  });

  const attendees = people.filter((p) => p.role !== 'facilitator');
  const unseated = attendees.filter((p) => !seats[p.id]);
  const link = joinLink(joinCode);
  const cafeOver = phase !== 'setup' && phase !== 'cafe';
  const order = ORDER[phase].filter((id) => !(embedded && id === 'review'));

  const tablesSection = (
    <section aria-labelledby="tables-h">
      <h2 id="tables-h">{t('console.tablesHeading')}</h2>
      {tableIds.length === 0 && <p className="muted">{t('console.noTables')}</p>}
      <ul className="card-grid">
        {tableIds.map((id) => (
          <TableAdminCard key={id} tableId={id} workshopId={workshopId} />
        ))}
      </ul>
      <AddTable />
    </section>
  );
  const waitingSection = (
    <section className="card" aria-labelledby="unseated-h">
      <h2 id="unseated-h">{t('console.unseatedHeading', { n: f.num(unseated.length) })}</h2>
      {unseated.length === 0 ? (
        <p className="muted">{attendees.length === 0 ? t('console.nobodyYet') : t('console.everyoneSeated')}</p>
      ) : (
        <ul className="people-list">
          {unseated.map((p) => (
            <li key={p.id}>
              <PersonName p={p} />
              <MoveControl participant={p} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  const peopleSection = (
    <section className="card" aria-labelledby="people-h">
      <h2 id="people-h">{t('console.peopleHeading')}</h2>
      {devices.failed && (
        <p className="field-error" role="alert">
          {t('devices.loadFailed')}{' '}
          <button type="button" className="small" onClick={() => void devices.reload()}>
            {t('devices.refresh')}
          </button>
        </p>
      )}
      <ul className="people-list">
        {people.map((p) => (
          <li key={p.id}>
            <PersonName p={p} />
            {p.role !== 'facilitator' && (
              <span className="muted small">{seats[p.id] ? <TableName id={seats[p.id]!} /> : t('console.notSeated')}</span>
            )}
            <RoleControl participant={p} />
            <AbsentToggle participant={p} />
            {devices.byPerson && facilitatorKey && (
              <PersonDevices
                person={p}
                devices={devices.byPerson.get(p.id) ?? []}
                workshopId={workshopId}
                facilitatorKey={facilitatorKey}
                isMe={p.id === meId}
                onReissued={() => void devices.reload()}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );

  const render = (id: SectionId) => {
    switch (id) {
      case 'phase':
        return <PhaseControl />;
      case 'invite':
        return (
          <section className="card invite" aria-labelledby="invite-h">
            <div className="invite-main">
              <h2 id="invite-h">{t('console.inviteHeading')}</h2>
              <p className="muted">{t('console.inviteHelp')}</p>
              <p className="join-code-line">
                <span className="label">{t('console.joinCode')}</span>
                <span className="join-code" data-testid="join-code">
                  {formatJoinCode(joinCode)}
                </span>
              </p>
              <CopyField label={t('console.joinLink')} value={link} testId="join-link" />
              <PersonalLink open={justCreated} />
            </div>
            <QrCode value={link} alt={t('console.qrAlt', { code: formatJoinCode(joinCode) })} />
          </section>
        );
      case 'cafe':
        return <CafeControls />;
      case 'review':
        return <ReviewConsole />;
      case 'stats':
        return (
          <section className="stats" aria-label={t('console.statsLabel')}>
            <div className="stat">
              <span className="stat-n">{f.num(attendees.length)}</span>
              <span className="stat-l">{t('console.statPeople')}</span>
            </div>
            <div className="stat">
              <span className="stat-n">{f.num(attendees.length - unseated.length)}</span>
              <span className="stat-l">{t('console.statSeated')}</span>
            </div>
            <div className="stat">
              <span className="stat-n">{f.num(tableIds.length)}</span>
              <span className="stat-l">{t('console.statTables')}</span>
            </div>
            <div className="stat">
              <span className="stat-n" data-testid="notes-total">
                {f.num(notesTotal)}
              </span>
              <span className="stat-l">{t('console.statNotes')}</span>
            </div>
          </section>
        );
      case 'tables':
        return tablesSection;
      case 'waiting':
        return waitingSection;
      case 'people':
        // After the café the lists fold away; the people stay reachable (roles, attendance).
        return cafeOver ? (
          <details className="card console-later">
            <summary>{t('room.console.cafeLists')}</summary>
            {tablesSection}
            {peopleSection}
          </details>
        ) : (
          peopleSection
        );
      default:
        return assertNever(id);
    }
  };

  return (
    <div className="console">
      <h1 tabIndex={-1}>{t('console.title')}</h1>
      {justCreated && (
        <p className="notice success" role="status">
          {t('console.created')}
        </p>
      )}
      <nav className="console-nav" aria-label={t('room.console.nav')}>
        <ul>
          {order.map((id) => (
            <li key={id}>
              <a href={`#console-${id}`}>{t(`room.console.sections.${id === 'people' && cafeOver ? 'cafeLists' : id}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {order.map((id) => (
        <div key={id} id={`console-${id}`} className="console-section">
          {render(id)}
        </div>
      ))}
    </div>
  );
}

function TableName({ id }: { id: string }) {
  const name = useView((s) => s.tables[id]?.name ?? '');
  return <span dir="auto">{name}</span>;
}

function PersonName({ p }: { p: Participant }) {
  const { t } = useTranslation();
  const meId = useMeId();
  const code = useView((s) => (p.delegationId ? (s.delegations[p.delegationId]?.code ?? null) : null));
  return (
    <span className="person">
      <OnlineDot participantId={p.id} />
      <span dir="auto">{p.name}</span>
      {code && <span className="code-tag">{code}</span>}
      {p.role !== 'delegate' && <span className="role-tag">{t(`roles.${p.role}`)}</span>}
      {p.id === meId && <span className="muted"> ({t('board.you')})</span>}
    </span>
  );
}

function TableAdminCard({ tableId, workshopId }: { tableId: string; workshopId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const table = useView((s) => s.tables[tableId]);
  const theme = useView((s) => {
    const id = s.tables[tableId]?.themeId;
    return id ? s.themes[id]?.name : undefined;
  });
  const people = useViewShallow((s) => seatedAt(s, tableId));
  const notes = useView((s) => countNotes(s, tableId));
  if (!table) return null;
  const full = people.length >= table.capacity;
  return (
    <li className="card table-card" data-testid="table-card" data-table-id={tableId}>
      <div className="table-card-head">
        <h3 dir="auto">{table.name}</h3>
        <span className="note-count" data-testid="note-count">
          {t('console.noteCount', { count: notes, n: f.num(notes) })}
        </span>
      </div>
      {theme && (
        <p className="theme-tag" dir="auto">
          {theme}
        </p>
      )}
      {table.question && (
        <p className="question" dir="auto">
          {table.question}
        </p>
      )}
      <TableHosts tableId={tableId} />
      <p className={full ? 'seat-count full' : 'seat-count'}>
        {t('console.seated', { n: f.num(people.length), cap: f.num(table.capacity) })} <TableHere tableId={tableId} />
      </p>
      {people.length > 0 && (
        <ul className="people-list compact">
          {people.map((p) => (
            <li key={p.id}>
              <PersonName p={p} />
              <MoveControl participant={p} />
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        onClick={() => navigate(paths.table(workshopId, tableId))}
        aria-label={t('console.openBoardLabel', { table: table.name })}
      >
        {t('console.openBoard')}
      </button>
    </li>
  );
}

function MoveControl({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  const uid = useId();
  const current = useView((s) => s.seats[participant.id] ?? '');
  const tables = useViewShallow((s) => s.tableOrder.map((id) => s.tables[id]).filter((x): x is Table => Boolean(x)));
  const counts = useViewShallow((s) => seatCounts(s));
  const [target, setTarget] = useState<string | null>(null);
  const value = target ?? current;
  const can = useView((s, me) =>
    value !== current
      ? allowed(s, me, { type: 'seat:assign', clientOpId: 'probe-move', participantId: participant.id, tableId: value || null })
      : false,
  );
  const go = () => {
    if (submit({ type: 'seat:assign', participantId: participant.id, tableId: value || null })) setTarget(null);
  };
  return (
    <span className="move-control">
      <label htmlFor={uid} className="sr-only">
        {t('console.moveLabel', { name: participant.name })}
      </label>
      <select id={uid} value={value} onChange={(e) => setTarget(e.target.value)}>
        <option value="">{t('console.notSeated')}</option>
        {tables.map((tb) => {
          const full = (counts[tb.id] ?? 0) >= tb.capacity && tb.id !== current;
          return (
            <option key={tb.id} value={tb.id} disabled={full}>
              {full ? t('console.tableFull', { table: tb.name }) : tb.name}
            </option>
          );
        })}
      </select>
      <button type="button" className="small" disabled={!can} onClick={go}>
        {t('console.move')}
      </button>
    </span>
  );
}

function RoleControl({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  const uid = useId();
  const [target, setTarget] = useState<Role | null>(null);
  if (participant.role === 'facilitator') return null;
  const value = target ?? participant.role;
  return (
    <span className="move-control">
      <label htmlFor={uid} className="sr-only">
        {t('console.roleLabel', { name: participant.name })}
      </label>
      <select id={uid} value={value} onChange={(e) => setTarget(e.target.value as Role)}>
        {ASSIGNABLE_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="small"
        disabled={value === participant.role}
        onClick={() => {
          if (submit({ type: 'participant:set-role', participantId: participant.id, role: value })) setTarget(null);
        }}
      >
        {t('console.setRole')}
      </button>
    </span>
  );
}

const NEXT_LABEL: Record<Phase, string | null> = {
  setup: 'console.openCafe',
  cafe: 'console.toHarvest',
  // the review opens and closes in the review panel (review:open / review:close keep its rules)
  harvest: null,
  review: null,
  closed: null,
};

function PhaseControl() {
  const { t } = useTranslation();
  const phase = useView((s) => s.phase);
  const idx = PHASES.indexOf(phase);
  const next = PHASES[idx + 1];
  const prev = idx > 0 && phase !== 'closed' ? PHASES[idx - 1] : undefined;
  const nextLabel = NEXT_LABEL[phase];
  const go = async (to: Phase) => {
    if (
      to === 'closed' &&
      !(await askConfirm({
        title: t('ui.dialogs.closeTitle'),
        body: t('console.confirmClose'),
        confirmLabel: t('ui.dialogs.closeYes'),
        danger: true,
      }))
    )
      return;
    submit({ type: 'workshop:set-phase', phase: to });
  };
  return (
    <section className="card phase-panel" aria-labelledby="phase-h">
      <h2 id="phase-h">{t('console.phaseHeading')}</h2>
      <ol className="phase-steps">
        {PHASES.map((p, i) => (
          <li key={p} className={p === phase ? 'current' : i < idx ? 'done' : ''} aria-current={p === phase ? 'step' : undefined}>
            {t(`phases.${p}`)}
          </li>
        ))}
      </ol>
      <p className="muted">{t(`console.phaseHelp.${phase}`)}</p>
      <div className="button-row">
        {next && nextLabel && (
          <button type="button" className="primary" onClick={() => void go(next)}>
            {t(nextLabel as never)}
          </button>
        )}
        {prev && (
          <button type="button" onClick={() => void go(prev)}>
            {t('console.backTo', { phase: t(`phases.${prev}`) })}
          </button>
        )}
      </div>
    </section>
  );
}

function AddTable() {
  const { t } = useTranslation();
  const themes = useViewShallow((s) => s.themeOrder.map((id) => s.themes[id]!).filter(Boolean));
  const tableCount = useView((s) => s.tableOrder.length);
  const [draft, setDraft] = useState<TableFieldValues>({ name: '', themeId: null, question: '', capacity: 8 });
  const { name, themeId, question, capacity } = draft;
  const [error, setError] = useState('');
  const [open, setOpen] = useState(false);
  const f = useFormat();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim() || t('create.defaultTableName', { n: f.num(tableCount + 1) });
    if (!(capacity >= 1 && capacity <= LIMITS.tableCapacity))
      return setError(t('create.badCapacity', { max: f.num(LIMITS.tableCapacity) }));
    const ok = submit({
      type: 'table:add',
      table: { id: newEntityId(), name: n, themeId, question: question.trim(), capacity: Math.round(capacity) },
    });
    if (ok) {
      setDraft((d) => ({ ...d, name: '', question: '' }));
      setError('');
      setOpen(false);
    }
  };

  return (
    <details className="card add-table" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('console.addTable')}</summary>
      <form onSubmit={onSubmit} className="stack" noValidate>
        <TableFields
          value={draft}
          themes={themes}
          namePlaceholder={t('create.defaultTableName', { n: f.num(tableCount + 1) })}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary">
            {t('console.addTableSubmit')}
          </button>
        </div>
      </form>
    </details>
  );
}
