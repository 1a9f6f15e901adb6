import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ASCC_THEMES,
  ASEAN_DELEGATIONS,
  LIMITS,
  createWorkshopSchema,
  type CreateWorkshopInput,
  type Delegation,
  type TemplateSetup,
  type Theme,
  type RoundsForm,
  emptyCafe,
  formFromSettings,
  settingsFromForm,
} from '@world-cafe/shared';
import { AppHeader } from '../components/AppHeader';
import { DelegationFields, FieldError, RemoveButton, TableFields, invalidProps } from '../components/FormBits';
import { type CreateField, type FieldProblem, createFormProblems, schemaProblem } from '../lib/createFormErrors';
import { useFormat } from '../lib/format';
import { apiErrorCode, errorText } from '../lib/apiErrors';
import { checkNewDelegation } from '../lib/delegations';
import { SIGNED_IN_HINT, openCreatedWorkshop } from '../lib/openCreatedWorkshop';
import { readString } from '../lib/storage';
import { StartFrom } from '../components/templates/StartFrom';
import { RoundsFields } from '../components/templates/RoundsFields';
import { type TemplateSource, resolveSource, sourceFromSearch } from '../components/templates/source';
import { useEditableList } from '../lib/useEditableList';
import { api } from '../net/api';
import { newEntityId } from '../net/ids';

interface TableDraft {
  id: string;
  name: string;
  themeId: string | null;
  question: string;
  capacity: number;
}

const WORKSHOP_LANGUAGES = ['en', 'th', 'id', 'ms', 'vi', 'km', 'lo', 'my', 'fil', 'zh'];
const DEFAULT_CAPACITY = 8;

/** A new workshop's rounds before a template says otherwise: the café's own defaults. */
function defaultRounds(): RoundsForm {
  return formFromSettings({ cafe: emptyCafe(), harvest: { grouping: 'hosts' } });
}

export function Create() {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState('');
  const [language, setLanguage] = useState(WORKSHOP_LANGUAGES.includes(f.lang) ? f.lang : 'en');
  const [facilitatorName, setFacilitatorName] = useState('');
  const [themes, themeList] = useEditableList<Theme>();
  const [tables, tableList] = useEditableList<TableDraft>();
  const [presets, setPresets] = useState<Set<string>>(() => new Set(ASEAN_DELEGATIONS.map((d) => d.id)));
  const [extras, extraList] = useEditableList<Delegation>();
  const [extraName, setExtraName] = useState('');
  const [extraCode, setExtraCode] = useState('');
  const [extraError, setExtraError] = useState('');
  // Problems tied to fields; a failed request has no field ('form').
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [requestError, setRequestError] = useState('');
  const [busy, setBusy] = useState(false);
  const [rounds, setRounds] = useState<RoundsForm>(defaultRounds);
  const [filledFrom, setFilledFrom] = useState('');
  const [initialSource] = useState(() => sourceFromSearch(window.location.search));
  const signedIn = !!readString(SIGNED_IN_HINT);

  /** Fills the form from a template's setup; everything stays editable. The title only if none yet. */
  const applySetup = (setup: TemplateSetup, name: string, suggestedTitle: string) => {
    setTitle((old) => old.trim() || suggestedTitle);
    setPurpose(setup.purpose);
    setLanguage(setup.language);
    themeList.set(setup.themes.map((th) => ({ ...th })));
    tableList.set(setup.tables.map((tb) => ({ ...tb })));
    const asean = new Map(ASEAN_DELEGATIONS.map((d) => [d.id, d]));
    const preset = setup.delegations.filter((d) => asean.get(d.id)?.code === d.code && asean.get(d.id)?.name === d.name);
    setPresets(new Set(preset.map((d) => d.id)));
    extraList.set(setup.delegations.filter((d) => !preset.includes(d)).map((d) => ({ ...d })));
    setRounds(formFromSettings(setup));
    setProblems([]);
    setRequestError('');
    setFilledFrom(t('templates.filledFrom', { name }));
  };
  const startFrom = async (source: TemplateSource) => {
    try {
      const r = await resolveSource(source, t);
      applySetup(r.setup, r.name, r.title);
    } catch {
      setFilledFrom('');
      setRequestError(t('templates.failed'));
    }
  };
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the form is filled when the template arrives, not during the effect
    if (initialSource) void startFrom(initialSource);
    // once, for the template the home page sent here
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialSource]);

  // Tables whose theme is gone keep no theme.
  const dropThemes = (gone: (themeId: string) => boolean) =>
    tableList.set((ts) => ts.map((tb) => (tb.themeId && gone(tb.themeId) ? { ...tb, themeId: null } : tb)));
  const useAscc = () => {
    themeList.set(ASCC_THEMES.map((th) => ({ ...th })));
    const ids = new Set(ASCC_THEMES.map((th) => th.id));
    dropThemes((id) => !ids.has(id));
  };
  const addTheme = () => themeList.add(() => ({ id: newEntityId(), name: '' }));
  const removeTheme = (id: string) => {
    themeList.remove(id);
    dropThemes((themeId) => themeId === id);
  };

  const tablePerTheme = () => {
    const named = themes.filter((th) => th.name.trim());
    tableList.set(
      named.map((th, i) => ({
        id: newEntityId(),
        name: t('create.defaultTableName', { n: f.num(i + 1) }),
        themeId: th.id,
        question: t('create.defaultQuestion', { theme: th.name.trim() }),
        capacity: DEFAULT_CAPACITY,
      })),
    );
  };
  const addTable = () =>
    tableList.add((ts) => ({
      id: newEntityId(),
      name: t('create.defaultTableName', { n: f.num(ts.length + 1) }),
      themeId: null,
      question: '',
      capacity: DEFAULT_CAPACITY,
    }));

  const togglePreset = (id: string) =>
    setPresets((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const addExtra = () => {
    const extra = checkNewDelegation(extraName, extraCode);
    if (!extra.ok) return setExtraError(t(extra.problem === 'missing' ? 'create.extraNeedsBoth' : 'create.extraBadCode'));
    const { name, code } = extra;
    const all = [...ASEAN_DELEGATIONS.filter((d) => presets.has(d.id)), ...extras];
    if (all.some((d) => d.code.toUpperCase() === code)) return setExtraError(t('create.extraDuplicate'));
    extraList.add(() => ({ id: newEntityId(), name, code }));
    setExtraName('');
    setExtraCode('');
    setExtraError('');
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = createFormProblems({ title, facilitatorName, themes, tables }, LIMITS.tableCapacity);
    const input: CreateWorkshopInput = {
      title: title.trim(),
      purpose: purpose.trim(),
      language,
      facilitatorName: facilitatorName.trim(),
      themes: themes.map((th) => ({ id: th.id, name: th.name.trim() })),
      tables: tables.map((tb) => ({ ...tb, name: tb.name.trim(), question: tb.question.trim(), capacity: Math.round(tb.capacity) })),
      delegations: [...ASEAN_DELEGATIONS.filter((d) => presets.has(d.id)).map((d) => ({ ...d })), ...extras],
      ...settingsFromForm(rounds, tables),
    };
    if (found.length === 0) {
      // the server's own schema: whatever it would refuse is tied to its field too
      const parsed = createWorkshopSchema.safeParse(input);
      if (!parsed.success) found.push(...parsed.error.issues.map((issue) => schemaProblem(input, issue.path)));
    }
    setProblems(found);
    setRequestError('');
    if (found.length) {
      requestAnimationFrame(() => document.getElementById(`${uid}-errors`)?.focus());
      return;
    }
    setBusy(true);
    try {
      openCreatedWorkshop(await api.createWorkshop(input), input.title);
    } catch (err) {
      setRequestError(errorText(t, apiErrorCode(err)));
      setBusy(false);
      requestAnimationFrame(() => document.getElementById(`${uid}-errors`)?.focus());
    }
  };

  const field = (name: string) => `${uid}-${name}`;
  const tablePrefix = (id: string) => field(`table-${id}`);
  /** The element id of a form field, for aria-describedby and the summary's links. */
  const domId = (which: CreateField): string | null => {
    if (which === 'title') return field('title');
    if (which === 'facilitatorName') return field('fname');
    if (which === 'purpose') return field('purpose');
    if (which === 'form') return null;
    const [kind, id, part] = which.split(':') as [string, string, string | undefined];
    if (kind === 'theme') return field(`theme-${id}`);
    return `${tablePrefix(id)}-${part === 'capacity' ? 'cap' : part === 'question' ? 'q' : 'name'}`;
  };
  const messageOf = (p: FieldProblem) =>
    t(p.key, { n: p.values?.n === undefined ? '' : f.num(p.values.n), max: p.values?.max === undefined ? '' : f.num(p.values.max) });
  /** The first message about a field (a field shows one message at a time). */
  const errorOf = (fieldName: CreateField): string | undefined => {
    const p = problems.find((x) => x.field === fieldName);
    return p ? messageOf(p) : undefined;
  };
  // Editing a field takes its error away; the summary keeps the rest.
  const fixed = (fieldName: CreateField) =>
    setProblems((ps) => (ps.some((p) => p.field === fieldName) ? ps.filter((p) => p.field !== fieldName) : ps));
  const focusField = (id: string) => {
    const el = document.getElementById(id);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  };
  const summary = [
    ...problems.map((p) => ({ id: domId(p.field), text: messageOf(p) })),
    ...(requestError ? [{ id: null, text: requestError }] : []),
  ];

  return (
    <>
      <AppHeader />
      <main id="main" className="page create">
        <h1 tabIndex={-1}>{t('create.title')}</h1>
        <p className="lead">{t('create.intro')}</p>
        <StartFrom signedIn={signedIn} open={!initialSource} onPick={(s) => void startFrom(s)} />
        <p role="status" className="template-notice">
          {filledFrom}
        </p>
        <form onSubmit={onSubmit} noValidate className="stack">
          {/* At the top, where focus lands after a failed submit; each entry leads to its field. */}
          {summary.length > 0 && (
            <div className="error-summary" role="alert" tabIndex={-1} id={`${uid}-errors`} aria-labelledby={`${uid}-errors-h`}>
              <h2 id={`${uid}-errors-h`}>{t('create.fixThese')}</h2>
              <ul>
                {summary.map((entry, i) => (
                  <li key={i}>
                    {entry.id ? (
                      <a
                        href={`#${entry.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          focusField(entry.id!);
                        }}
                      >
                        {entry.text}
                      </a>
                    ) : (
                      entry.text
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <fieldset className="card">
            <legend>{t('create.aboutLegend')}</legend>
            <div className="field">
              <label htmlFor={field('title')}>{t('create.titleLabel')}</label>
              <input
                id={field('title')}
                name="title"
                value={title}
                maxLength={LIMITS.titleChars}
                onChange={(e) => {
                  setTitle(e.target.value);
                  fixed('title');
                }}
                required
                dir="auto"
                {...invalidProps(field('title'), errorOf('title'))}
              />
              <FieldError id={field('title')} message={errorOf('title')} />
            </div>
            <div className="field">
              <label htmlFor={field('purpose')}>{t('create.purposeLabel')}</label>
              <textarea
                id={field('purpose')}
                name="purpose"
                value={purpose}
                rows={3}
                maxLength={LIMITS.purposeChars}
                onChange={(e) => {
                  setPurpose(e.target.value);
                  fixed('purpose');
                }}
                dir="auto"
                {...invalidProps(field('purpose'), errorOf('purpose'))}
              />
              <FieldError id={field('purpose')} message={errorOf('purpose')} />
            </div>
            <div className="field-row">
              <div className="field">
                <label htmlFor={field('lang')}>{t('create.languageLabel')}</label>
                <select id={field('lang')} value={language} onChange={(e) => setLanguage(e.target.value)}>
                  {WORKSHOP_LANGUAGES.map((code) => (
                    <option key={code} value={code}>
                      {f.language(code)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={field('fname')}>{t('create.facilitatorLabel')}</label>
                <input
                  id={field('fname')}
                  name="facilitatorName"
                  value={facilitatorName}
                  maxLength={LIMITS.nameChars}
                  autoComplete="name"
                  onChange={(e) => {
                    setFacilitatorName(e.target.value);
                    fixed('facilitatorName');
                  }}
                  required
                  dir="auto"
                  {...invalidProps(field('fname'), errorOf('facilitatorName'))}
                />
                <FieldError id={field('fname')} message={errorOf('facilitatorName')} />
              </div>
            </div>
          </fieldset>

          <fieldset className="card">
            <legend>{t('create.themesLegend')}</legend>
            <p className="muted">{t('create.themesHelp')}</p>
            <div className="button-row">
              <button type="button" onClick={useAscc}>
                {t('create.useAscc')}
              </button>
              <button type="button" onClick={addTheme}>
                {t('create.addTheme')}
              </button>
            </div>
            {themes.length > 0 && (
              <ol className="edit-list">
                {themes.map((th, i) => {
                  const themeError = errorOf(`theme:${th.id}`);
                  return (
                    <li key={th.id} className={themeError ? 'edit-row has-error' : 'edit-row'}>
                      <label htmlFor={field(`theme-${th.id}`)} className="sr-only">
                        {t('create.themeName', { n: f.num(i + 1) })}
                      </label>
                      <input
                        id={field(`theme-${th.id}`)}
                        value={th.name}
                        maxLength={LIMITS.nameChars}
                        onChange={(e) => {
                          themeList.patch(th.id, { name: e.target.value });
                          fixed(`theme:${th.id}`);
                        }}
                        dir="auto"
                        {...invalidProps(field(`theme-${th.id}`), themeError)}
                      />
                      <RemoveButton
                        onClick={() => {
                          removeTheme(th.id);
                          fixed(`theme:${th.id}`);
                        }}
                        label={t('create.removeThemeLabel', { name: th.name || f.num(i + 1) })}
                      />
                      <FieldError id={field(`theme-${th.id}`)} message={themeError} />
                    </li>
                  );
                })}
              </ol>
            )}
          </fieldset>

          <fieldset className="card">
            <legend>{t('create.tablesLegend')}</legend>
            <p className="muted">{t('create.tablesHelp')}</p>
            <div className="button-row">
              <button type="button" onClick={tablePerTheme} disabled={!themes.some((th) => th.name.trim())}>
                {t('create.tablePerTheme')}
              </button>
              <button type="button" onClick={addTable}>
                {t('create.addTable')}
              </button>
            </div>
            {tables.length > 0 && (
              <ol className="table-drafts">
                {tables.map((tb, i) => (
                  <li key={tb.id} className="table-draft" aria-label={t('create.tableN', { n: f.num(i + 1) })}>
                    <TableFields
                      value={tb}
                      themes={themes}
                      idPrefix={tablePrefix(tb.id)}
                      errors={{
                        name: errorOf(`table:${tb.id}:name`),
                        capacity: errorOf(`table:${tb.id}:capacity`),
                        question: errorOf(`table:${tb.id}:question`),
                      }}
                      onChange={(patch) => {
                        tableList.patch(tb.id, patch);
                        if ('name' in patch) fixed(`table:${tb.id}:name`);
                        if ('capacity' in patch) fixed(`table:${tb.id}:capacity`);
                        if ('question' in patch) fixed(`table:${tb.id}:question`);
                      }}
                    />
                    <RemoveButton
                      onClick={() => {
                        tableList.remove(tb.id);
                        setProblems((ps) => ps.filter((p) => !p.field.startsWith(`table:${tb.id}:`)));
                      }}
                      label={t('create.removeTableLabel', { name: tb.name || f.num(i + 1) })}
                    />
                  </li>
                ))}
              </ol>
            )}
          </fieldset>

          <fieldset className="card">
            <legend>{t('create.delegationsLegend')}</legend>
            <p className="muted">{t('create.delegationsHelp')}</p>
            <div className="button-row">
              <button type="button" onClick={() => setPresets(new Set(ASEAN_DELEGATIONS.map((d) => d.id)))}>
                {t('create.selectAll')}
              </button>
              <button type="button" onClick={() => setPresets(new Set())}>
                {t('create.selectNone')}
              </button>
            </div>
            <ul className="check-grid">
              {ASEAN_DELEGATIONS.map((d) => (
                <li key={d.id}>
                  <label className="check">
                    <input type="checkbox" checked={presets.has(d.id)} onChange={() => togglePreset(d.id)} />
                    <span>
                      {d.name} <span className="code-tag">{d.code}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {extras.length > 0 && (
              <ul className="plain-list extras">
                {extras.map((d) => (
                  <li key={d.id} className="edit-row">
                    <span dir="auto">
                      {d.name} <span className="code-tag">{d.code}</span>
                    </span>
                    <RemoveButton onClick={() => extraList.remove(d.id)} label={t('create.removeDelegationLabel', { name: d.name })} />
                  </li>
                ))}
              </ul>
            )}
            <div className="field-row extra-delegation">
              <DelegationFields name={extraName} code={extraCode} onName={setExtraName} onCode={setExtraCode} />
              <div className="field">
                <span className="label-spacer" aria-hidden="true">
                  &nbsp;
                </span>
                <button type="button" onClick={addExtra}>
                  {t('create.addDelegation')}
                </button>
              </div>
            </div>
            {extraError && (
              <p className="field-error" role="alert">
                {extraError}
              </p>
            )}
          </fieldset>

          <RoundsFields value={rounds} onChange={setRounds} />

          <div className="button-row">
            <button type="submit" className="primary big" disabled={busy}>
              {busy ? t('create.creating') : t('create.submit')}
            </button>
          </div>
        </form>
      </main>
    </>
  );
}
