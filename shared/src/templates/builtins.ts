// Built-in templates offered to everyone (no account needed). Their names and descriptions are UI
// strings (client i18n, `templates.builtin.<key>.*`); their content is the workshop's own text,
// which a facilitator edits on the create form before creating.
import { ASCC_THEMES, ASEAN_DELEGATIONS } from '../presets';
import type { TemplateSetup } from './schemas';

export const BUILTIN_TEMPLATE_KEYS = ['classic', 'accsm', 'short'] as const;
export type BuiltinTemplateKey = (typeof BUILTIN_TEMPLATE_KEYS)[number];

export interface BuiltinTemplate {
  /** `builtin-<key>`: never the id of a saved template (those are random). */
  id: string;
  key: BuiltinTemplateKey;
  /** The English title the create form starts with (edited there). */
  title: string;
  setup: TemplateSetup;
}

const minutes = (n: number) => n * 60;
const numberedTables = (n: number, capacity: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `table-${i + 1}`, name: `Table ${i + 1}`, themeId: null, question: '', capacity }));

/** The classic café: three deepening rounds, the same question at every table. */
const classic: TemplateSetup = {
  purpose: 'Three rounds of conversation that build on each other, then a harvest of what the room found.',
  language: 'en',
  themes: [],
  tables: numberedTables(5, 5),
  delegations: [],
  cafe: {
    rounds: 3,
    roundSeconds: minutes(20),
    autoRotate: false,
    questionMode: 'round',
    roundQuestions: [
      'What matters most to you about this question, and why?',
      'What is emerging here? What new connections are you making?',
      'What would it take to move forward? What is our next step?',
    ],
  },
  harvest: { grouping: 'hosts' },
};

/** Questions of the ASCC tables: the goals a civil service can serve under each characteristic. */
const ASCC_QUESTIONS: Record<string, string> = {
  people: 'How can ASEAN civil services engage citizens and make public services benefit the people?',
  inclusive: 'How can the civil service be inclusive: equal opportunity, women in leadership, services that reach everyone?',
  sustainable: 'How can civil services build lasting capacity and govern for sustainable development?',
  resilient: 'How can civil services prepare for and recover from crises, disasters and change?',
  dynamic: 'How can civil services innovate, go digital and stay open to new ways of working?',
};

/**
 * The ACCSM preparatory café (Tagaytay, 2015): eleven delegations, the five ASCC characteristics as
 * themes with one table each, and per round the steps the meeting took: pick the goals that fit the
 * ACCSM's role, draft work-plan goals under them, then make them concrete enough to review at home.
 */
const accsm: TemplateSetup = {
  purpose:
    'Draft the Post-2015 ACCSM Work Plan (2016–2020) under the ASEAN Socio-Cultural Community characteristics; each delegation then reviews the draft and adds its national details.',
  language: 'en',
  themes: ASCC_THEMES.map((t) => ({ ...t })),
  tables: ASCC_THEMES.map((t, i) => ({
    id: `ascc-${t.id}`,
    name: `Table ${i + 1}: ${t.name}`,
    themeId: t.id,
    question: ASCC_QUESTIONS[t.id] ?? '',
    capacity: 8,
  })),
  delegations: ASEAN_DELEGATIONS.map((d) => ({ ...d })),
  cafe: {
    rounds: 3,
    roundSeconds: minutes(30),
    autoRotate: false,
    questionMode: 'both',
    roundQuestions: [
      "Which goals under this characteristic fit the ACCSM's role and mission?",
      'What should the 2016–2020 work plan do for these goals: objectives and actions?',
      'Who leads, by when, and how will we know? Where can our countries join up their plans?',
    ],
  },
  harvest: { grouping: 'hosts' },
};

/** A one-hour session: two short rounds at three tables, then a quick harvest. */
const short: TemplateSetup = {
  purpose: 'A one-hour café: two 15-minute rounds, then a short harvest together.',
  language: 'en',
  themes: [],
  tables: numberedTables(3, 6),
  delegations: [],
  cafe: {
    rounds: 2,
    roundSeconds: minutes(15),
    autoRotate: true,
    questionMode: 'round',
    roundQuestions: ['What is working well today, and what is not?', 'What one change would make the biggest difference?'],
  },
  harvest: { grouping: 'everyone' },
};

export const BUILTIN_TEMPLATES: readonly BuiltinTemplate[] = [
  { id: 'builtin-classic', key: 'classic', title: 'World Café', setup: classic },
  { id: 'builtin-accsm', key: 'accsm', title: 'Preparatory café of the ACCSM', setup: accsm },
  { id: 'builtin-short', key: 'short', title: 'One-hour café', setup: short },
];

export function builtinTemplate(id: string): BuiltinTemplate | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id);
}
