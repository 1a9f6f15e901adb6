// The templates' strings travel with the screens that show templates (home, create form), not in
// the landing page's download: importing this module registers them in every language.
import i18n from '../../i18n';
import { enTemplates } from '../../i18n/en.templates';
import { thTemplates } from '../../i18n/th.templates';
import { viTemplates } from '../../i18n/vi.templates';
import { idTemplates } from '../../i18n/id.templates';
import { msTemplates } from '../../i18n/ms.templates';
import { filTemplates } from '../../i18n/fil.templates';
import { kmTemplates } from '../../i18n/km.templates';
import { loTemplates } from '../../i18n/lo.templates';
import { myTemplates } from '../../i18n/my.templates';

export const TEMPLATE_STRINGS = {
  en: enTemplates,
  th: thTemplates,
  vi: viTemplates,
  id: idTemplates,
  ms: msTemplates,
  fil: filTemplates,
  km: kmTemplates,
  lo: loTemplates,
  my: myTemplates,
} as const;

for (const [lng, bundle] of Object.entries(TEMPLATE_STRINGS)) i18n.addResourceBundle(lng, 'translation', bundle, true, false);
