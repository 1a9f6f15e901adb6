import { useTranslation } from 'react-i18next';
import { personalLink } from '../net/sessions';
import { useStore } from '../state/store';
import { CopyField } from './CopyField';

/** My own resume link, behind a disclosure and a warning: whoever has it acts as me. */
export function PersonalLink({ open = false }: { open?: boolean }) {
  const { t } = useTranslation();
  const workshopId = useStore((s) => s.workshopId);
  const token = useStore((s) => s.token);
  if (!workshopId || !token) return null;
  return (
    <details className="personal-link" open={open}>
      <summary>{t('link.summary')}</summary>
      <p className="warning" role="note">
        {t('link.warning')}
      </p>
      <CopyField label={t('link.label')} value={personalLink(workshopId, token)} secret testId="personal-link" />
    </details>
  );
}
