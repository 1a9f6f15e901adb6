// The two template lists both screens show: the built-ins and the account's saved templates.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILTIN_TEMPLATES, type TemplateSummary, setupCounts } from '@world-cafe/shared';
import { TemplateCard } from './TemplateCard';

export function BuiltinTemplates({ actions }: { actions: (id: string, name: string) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <ul className="template-list">
      {BUILTIN_TEMPLATES.map((b) => {
        const name = t(`templates.builtin.${b.key}.name`);
        return (
          <TemplateCard
            key={b.id}
            id={b.id}
            name={name}
            description={t(`templates.builtin.${b.key}.description`)}
            counts={setupCounts(b.setup)}
          >
            {actions(b.id, name)}
          </TemplateCard>
        );
      })}
    </ul>
  );
}

export function SavedTemplates({ templates, actions }: { templates: TemplateSummary[]; actions: (t: TemplateSummary) => ReactNode }) {
  const { t } = useTranslation();
  if (templates.length === 0) return <p>{t('templates.mineNone')}</p>;
  return (
    <ul className="template-list">
      {templates.map((tp) => (
        <TemplateCard key={tp.id} id={tp.id} name={tp.name} description={tp.description} counts={tp.counts}>
          {actions(tp)}
        </TemplateCard>
      ))}
    </ul>
  );
}
