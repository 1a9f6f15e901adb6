// The charts' words, registered with i18next when the chart chunk loads (so the landing page's
// download does not carry them). The strings live in shared/src/charts/labels.ts because the
// server's PDF and Word reports draw the same charts; a new UI language adds its labels there
// and is registered here.
import { useTranslation } from 'react-i18next';
import i18n from 'i18next';
import { CHART_LABELS, type ChartLabels } from '@world-cafe/shared/charts';

for (const [lng, labels] of Object.entries(CHART_LABELS)) i18n.addResourceBundle(lng, 'translation', { charts: labels }, true, false);

/** The chart labels in the UI language (English where a language has none yet). */
export function useChartLabels(): ChartLabels {
  const { i18n: inst } = useTranslation();
  return (inst.getResource(inst.language, 'translation', 'charts') as ChartLabels | undefined) ?? CHART_LABELS.en;
}
