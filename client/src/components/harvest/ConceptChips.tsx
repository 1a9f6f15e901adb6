// What a note is about, in the reader's interface language: a Khmer note about disaster
// preparedness shows "Disaster resilience" to an English reader and "ការរៀបចំ…" labels to a
// Khmer one. The concepts come from the shared concept map; nothing is looked up elsewhere.
import { useTranslation } from 'react-i18next';
import { conceptLabel } from '@world-cafe/shared';
import { noteConcepts } from '../../lib/noteConcepts';

export function ConceptChips({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  const ids = noteConcepts(text);
  if (ids.length === 0) return null;
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return (
    <ul className="hv-concepts" aria-label={t('concepts.chips')} data-testid="hv-concepts">
      {ids.map((id) => (
        <li key={id} className="hv-concept" lang={locale} data-concept={id}>
          {conceptLabel(id, locale)}
        </li>
      ))}
    </ul>
  );
}
