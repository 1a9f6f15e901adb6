// One template in a list: its name, description, what it holds, and the actions the list offers.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupCounts } from '@world-cafe/shared';
import { useFormat } from '../../lib/format';

export function TemplateCard(props: { id: string; name: string; description: string; counts: SetupCounts; children: ReactNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { counts } = props;
  return (
    <li className="template-card" data-template={props.id}>
      <h4 className="template-name" dir="auto">
        {props.name}
      </h4>
      {props.description && (
        <p className="muted" dir="auto">
          {props.description}
        </p>
      )}
      <p className="template-counts">
        {t('templates.counts', { tables: f.num(counts.tables), delegations: f.num(counts.delegations), rounds: f.num(counts.rounds) })}
      </p>
      <div className="home-actions">{props.children}</div>
    </li>
  );
}
