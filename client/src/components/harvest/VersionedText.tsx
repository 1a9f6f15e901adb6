// A goal text edited live by many people: typed locally, saved on blur (or Enter; Ctrl+Enter
// in a text area) with the version it started from. A stale save is refused by the server
// (`conflict`); then both texts are shown side by side and nothing typed is lost: keep mine,
// take theirs, or save a merged text. Focus announces "I am editing this" to the others.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setMyPresence, useEditors } from '../../net/presence';
import type { Outcome } from '../../state/harvest';
import { useView } from '../../state/selectors';
import { isolateValue } from '../../i18n/interpolation';

export interface VersionedTextProps {
  label: string;
  value: string;
  version: number;
  goalId: string;
  /** Presence key: 'title', 'rationale', 'objectives:ITEM'… */
  field: string;
  multiline?: boolean;
  canEdit: boolean;
  maxLength: number;
  save: (text: string, baseVersion: number) => Promise<Outcome>;
  /** Hide the visible label (the row around it names the field). */
  labelHidden?: boolean;
  testId?: string;
}

export function EditorsBadge({ goalId, field }: { goalId: string; field: string }) {
  const { t } = useTranslation();
  const ids = useEditors(goalId, field);
  const names = useView((s) =>
    ids
      .map((id) => {
        const p = s.participants[id];
        if (!p) return '';
        const code = p.delegationId ? s.delegations[p.delegationId]?.code : undefined;
        // several names in one placeholder: each is isolated on its own, the sentence isolates none twice
        return isolateValue(code ? `${p.name} (${code})` : p.name);
      })
      .filter(Boolean)
      .join(', '),
  );
  if (!names) return null;
  return (
    <span className="hv-editing" data-testid="editing-badge">
      <span aria-hidden="true">✎ </span>
      {t('harvest.goal.editing', { names })}
    </span>
  );
}

export function VersionedText(props: VersionedTextProps) {
  const { label, value, version, goalId, field, multiline, canEdit, maxLength, save, labelHidden, testId } = props;
  const { t } = useTranslation();
  const uid = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [base, setBase] = useState(version);
  const [startText, setStartText] = useState(value);
  const [unsaved, setUnsaved] = useState(false);
  /** My text while it conflicts with theirs. */
  const [conflict, setConflict] = useState<string | null>(null);
  const focused = useRef(false);
  /** What won my last stale save, from its conflict ack: newer than the state until its event arrives. */
  const [won, setWon] = useState<{ value: string; version: number } | null>(null);
  const known = won && won.version > version ? won : { value, version };
  const latest = useRef(known);
  latest.current = known;

  useEffect(
    () => () => {
      if (focused.current) setMyPresence(null);
    },
    [],
  );

  const begin = () => {
    if (draft !== null) return;
    setDraft(value);
    setBase(version);
    setStartText(value);
  };

  /** Saves mine; on a stale edit, rebases silently when their text is what I started from. */
  const send = async (mine: string, baseVersion: number, start: string): Promise<void> => {
    const res = await save(mine, baseVersion);
    if (res.ok) return;
    if (res.code === 'conflict' || (res.code === 'refused-here' && latest.current.version !== baseVersion)) {
      // the ack usually arrives before the winner's event: take what won from the ack itself
      const ack = !res.ok && res.current && res.current.version > latest.current.version ? res.current : null;
      if (ack) {
        latest.current = { value: ack.value ?? '', version: ack.version };
        setWon(latest.current);
      }
      const now = latest.current;
      if (now.value === mine) return;
      if (now.value === start) return send(mine, now.version, start);
      setConflict(mine);
      return;
    }
    // refused for another reason (e.g. empty title): keep the text so nothing is lost
    setDraft(mine);
    setUnsaved(true);
  };

  const commit = () => {
    if (draft === null) return;
    const mine = draft;
    setDraft(null);
    setUnsaved(false);
    if (mine === startText) return;
    if (version !== base) {
      if (value === mine) return;
      if (value !== startText) return setConflict(mine);
    }
    void send(mine, version, startText);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    }
  };

  const common = {
    id: uid,
    value: draft ?? value,
    readOnly: !canEdit || conflict !== null,
    maxLength,
    dir: 'auto' as const,
    'data-testid': testId,
    'aria-describedby': `${uid}-hint`,
    onFocus: () => {
      focused.current = true;
      if (canEdit) setMyPresence({ goalId, field });
    },
    onBlur: () => {
      focused.current = false;
      setMyPresence(null);
      commit();
    },
    onChange: (e: { target: { value: string } }) => {
      if (!canEdit) return;
      if (draft === null) {
        setBase(version);
        setStartText(value);
      }
      setDraft(e.target.value);
    },
    onKeyDown,
  };

  return (
    <div className={`field hv-vfield${conflict !== null ? ' has-conflict' : ''}`}>
      <div className="hv-vfield-head">
        <label htmlFor={uid} className={labelHidden ? 'sr-only' : undefined}>
          {label}
        </label>
        <EditorsBadge goalId={goalId} field={field} />
      </div>
      {multiline ? (
        <textarea rows={4} {...common} onFocus={() => (common.onFocus(), begin())} />
      ) : (
        <input {...common} onFocus={() => (common.onFocus(), begin())} />
      )}
      <span id={`${uid}-hint`} className={unsaved ? 'field-error small' : 'sr-only'}>
        {unsaved ? t('harvest.goal.unsaved') : multiline ? t('harvest.goal.saveHintMulti') : t('harvest.goal.saveHint')}
      </span>
      {conflict !== null && (
        <ConflictBox
          label={label}
          theirs={known.value}
          mine={conflict}
          maxLength={maxLength}
          multiline={Boolean(multiline)}
          onResolve={(text) => {
            setConflict(null);
            if (text !== null && text !== latest.current.value) void send(text, latest.current.version, latest.current.value);
          }}
        />
      )}
    </div>
  );
}

function ConflictBox(props: {
  label: string;
  theirs: string;
  mine: string;
  maxLength: number;
  multiline: boolean;
  onResolve: (text: string | null) => void;
}) {
  const { label, theirs, mine, maxLength, multiline, onResolve } = props;
  const { t } = useTranslation();
  const uid = useId();
  const [merged, setMerged] = useState(mine);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="hv-conflict" role="group" aria-labelledby={`${uid}-h`} data-testid="conflict">
      <h4 id={`${uid}-h`} tabIndex={-1} ref={heading}>
        {t('harvest.conflict.heading', { field: label })}
      </h4>
      <p className="small">{t('harvest.conflict.body')}</p>
      <div className="hv-conflict-cols">
        <div>
          <h5>{t('harvest.conflict.theirs')}</h5>
          <p className="hv-pre hv-conflict-text" dir="auto" data-testid="conflict-theirs">
            {theirs}
          </p>
        </div>
        <div>
          <h5>{t('harvest.conflict.mine')}</h5>
          <p className="hv-pre hv-conflict-text" dir="auto" data-testid="conflict-mine">
            {mine}
          </p>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-m`}>{t('harvest.conflict.merged')}</label>
        {multiline ? (
          <textarea id={`${uid}-m`} rows={4} value={merged} maxLength={maxLength} onChange={(e) => setMerged(e.target.value)} dir="auto" />
        ) : (
          <input id={`${uid}-m`} value={merged} maxLength={maxLength} onChange={(e) => setMerged(e.target.value)} dir="auto" />
        )}
      </div>
      <div className="button-row">
        <button type="button" className="primary small" onClick={() => onResolve(mine)}>
          {t('harvest.conflict.keepMine')}
        </button>
        <button type="button" className="small" onClick={() => onResolve(null)}>
          {t('harvest.conflict.takeTheirs')}
        </button>
        <button type="button" className="small" onClick={() => onResolve(merged)} disabled={!merged.trim()}>
          {t('harvest.conflict.saveMerged')}
        </button>
      </div>
    </section>
  );
}
