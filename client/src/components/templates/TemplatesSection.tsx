// "Templates" on the home page: the built-ins and, signed in, your own templates — start a new
// workshop from one, rename, export as JSON, delete — and import a template file.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TemplateSummary, parseTemplateFile, templateFile, templateFileName } from '@world-cafe/shared';
import { askConfirm } from '../ConfirmDialog';
import { navigate } from '../../lib/router';
import { apiErrorCode } from '../../lib/apiErrors';
import { saveBlob } from '../../net/reviewApi';
import * as api from '../../net/templateApi';
import { BuiltinTemplates, SavedTemplates } from './lists';
import { importProblemText } from './importProblem';
import { sourceHref } from './source';
import './strings';
import './templates.css';

/** A link that starts the create form from a template (a link: it can be opened in a new tab). */
function UseLink({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const href = sourceHref({ kind: 'template', id });
  return (
    <a
      className="template-button"
      href={href}
      onClick={(e) => {
        e.preventDefault();
        navigate(href);
      }}
    >
      {t('templates.use')}
      <span className="sr-only"> {name}</span>
    </a>
  );
}

export function TemplatesSection({
  signedIn,
  reloadKey,
  onNotice,
}: {
  signedIn: boolean;
  reloadKey: number;
  onNotice: (s: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [mine, setMine] = useState<TemplateSummary[] | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState('');

  const load = useCallback(async () => setMine(await api.listTemplates()), []);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the state is set when the request answers, not during the effect
    if (signedIn) void load().catch(() => setMine([]));
  }, [signedIn, load, reloadKey]);

  /** Runs an action; a failure shows one message (the limit has its own). */
  const attempt = async (fn: () => Promise<void>) => {
    setError('');
    try {
      await fn();
    } catch (err) {
      setError(apiErrorCode(err) === 'conflict' ? t('templates.limitReached') : t('templates.failed'));
    }
  };

  const exportOne = (tp: TemplateSummary) =>
    attempt(async () => {
      const full = await api.getTemplate(tp.id);
      const json = JSON.stringify(templateFile(full), null, 2);
      saveBlob(new Blob([json], { type: 'application/json' }), templateFileName(full.name));
    });
  const remove = async (tp: TemplateSummary) => {
    const ok = await askConfirm({
      title: t('templates.deleteTitle', { name: tp.name }),
      body: t('templates.deleteBody'),
      confirmLabel: t('templates.delete'),
      danger: true,
    });
    if (ok)
      await attempt(async () => {
        await api.deleteTemplate(tp.id);
        await load();
        onNotice(t('templates.deleted', { name: tp.name }));
      });
  };
  const rename = (tp: TemplateSummary) =>
    attempt(async () => {
      const name = newName.trim();
      if (!name) return;
      await api.renameTemplate(tp.id, name);
      setRenaming(null);
      onNotice(t('templates.renamed', { name }));
      await load();
    });
  const importFile = async (file: File | undefined) => {
    setError('');
    if (!file) return;
    const read = parseTemplateFile(await file.text());
    if (!read.ok) return setError(importProblemText(t, read.problem));
    await attempt(async () => {
      const { name, description, setup } = read.file;
      await api.createTemplate({ name, description, setup });
      onNotice(t('templates.imported', { name }));
      await load();
    });
  };

  return (
    <section className="card templates" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('templates.heading')}</h2>
      <p>{t('templates.startHelp')}</p>
      {error && (
        <p className="field-error" role="alert" id={`${id}-err`}>
          {error}
        </p>
      )}
      <h3>{t('templates.builtinHeading')}</h3>
      <BuiltinTemplates actions={(tid, name) => <UseLink id={tid} name={name} />} />
      <h3>{t('templates.mineHeading')}</h3>
      {!signedIn ? (
        <p>{t('templates.signInForMine')}</p>
      ) : mine === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <SavedTemplates
            templates={mine}
            actions={(tp) =>
              renaming === tp.id ? (
                <form
                  className="inline-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void rename(tp);
                  }}
                >
                  <label htmlFor={`${id}-rename`} className="sr-only">
                    {t('templates.renameLabel', { name: tp.name })}
                  </label>
                  <input
                    id={`${id}-rename`}
                    value={newName}
                    maxLength={80}
                    onChange={(e) => setNewName(e.target.value)}
                    dir="auto"
                    autoFocus
                  />
                  <button type="submit">{t('templates.save')}</button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    {t('templates.cancel')}
                  </button>
                </form>
              ) : (
                <>
                  <UseLink id={tp.id} name={tp.name} />
                  <button
                    type="button"
                    onClick={() => {
                      setRenaming(tp.id);
                      setNewName(tp.name);
                    }}
                  >
                    {t('templates.rename')}
                    <span className="sr-only"> {tp.name}</span>
                  </button>
                  <button type="button" onClick={() => void exportOne(tp)}>
                    {t('templates.exportJson')}
                    <span className="sr-only"> {tp.name}</span>
                  </button>
                  <button type="button" className="danger-quiet" onClick={() => void remove(tp)}>
                    {t('templates.delete')}
                    <span className="sr-only"> {tp.name}</span>
                  </button>
                </>
              )
            }
          />
          <div className="field template-import">
            <label htmlFor={`${id}-file`}>{t('templates.importLabel')}</label>
            <input
              id={`${id}-file`}
              type="file"
              accept="application/json,.json"
              aria-describedby={error ? `${id}-err` : undefined}
              onChange={(e) => {
                void importFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </div>
        </>
      )}
    </section>
  );
}
