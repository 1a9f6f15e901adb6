// Where a new workshop's setup comes from: a built-in template, a saved one, or a past workshop.
// Carried from the home page to the create form in the URL (/new?template=ID or /new?workshop=ID).
import { type TemplateSetup, assertNever, builtinTemplate } from '@world-cafe/shared';
import type { TFunction } from 'i18next';
import { getTemplate, workshopSetup } from '../../net/templateApi';

export type TemplateSource = { kind: 'template'; id: string } | { kind: 'workshop'; id: string };

export function sourceHref(s: TemplateSource): string {
  return `/new?${s.kind}=${encodeURIComponent(s.id)}`;
}

export function sourceFromSearch(search: string): TemplateSource | null {
  const q = new URLSearchParams(search);
  const template = q.get('template');
  if (template) return { kind: 'template', id: template };
  const workshop = q.get('workshop');
  if (workshop) return { kind: 'workshop', id: workshop };
  return null;
}

export interface ResolvedSetup {
  /** What the notice names ("Filled in from …"). */
  name: string;
  /** The title the form starts with when it has none yet. */
  title: string;
  setup: TemplateSetup;
}

/** The setup a source names: a built-in from the bundle, a saved template or a past workshop from the server. */
export async function resolveSource(s: TemplateSource, t: TFunction): Promise<ResolvedSetup> {
  switch (s.kind) {
    case 'template': {
      const builtin = builtinTemplate(s.id);
      if (builtin) return { name: t(`templates.builtin.${builtin.key}.name`), title: builtin.title, setup: builtin.setup };
      const saved = await getTemplate(s.id);
      return { name: saved.name, title: saved.name, setup: saved.setup };
    }
    case 'workshop': {
      const past = await workshopSetup(s.id);
      return { name: past.title, title: past.title, setup: past.setup };
    }
    default:
      return assertNever(s);
  }
}
