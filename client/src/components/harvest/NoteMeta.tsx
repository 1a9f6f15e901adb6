// Where a note came from: its table, round and delegation (the harvest's provenance line).
import { useTranslation } from 'react-i18next';
import type { Note } from '@world-cafe/shared';
import { provenance } from '../../state/harvest';
import { useViewShallow } from '../../state/selectors';

export function NoteMeta({ note }: { note: Note }) {
  const { t } = useTranslation();
  const p = useViewShallow((s) => provenance(s, note));
  return (
    <span className="hv-meta">
      <span dir="auto">{p.table}</span>
      <span aria-hidden="true"> · </span>
      <span>{t('harvest.note.round', { round: p.round })}</span>
      {p.delegation && (
        <>
          <span aria-hidden="true"> · </span>
          <span className="code-tag">{p.delegation}</span>
        </>
      )}
    </span>
  );
}
