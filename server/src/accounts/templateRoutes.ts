// Templates (issue 17): an account's saved workshop setups — list, read, save (from a setup or an
// imported file, or "save as template" from a workshop the account facilitates), rename, delete —
// and the setup of a past workshop to start a new one from. A template is visible only to its
// account: another account's id answers 404, as an unknown one does.
import express from 'express';
import { customAlphabet } from 'nanoid';
import type { Logger } from 'pino';
import {
  TEMPLATE_LIMITS,
  type TemplateSetup,
  type TemplateSummary,
  type TemplateView,
  createTemplateSchema,
  idSchema,
  renameTemplateSchema,
  setupCounts,
  setupOfWorkshop,
  templateFromWorkshopSchema,
  templateSetupSchema,
} from '@world-cafe/shared';
import type { EventStore } from '../store/eventStore';
import type { Rooms } from '../realtime/workshopRoom';
import type { AccountStore, StoredTemplate } from './accountStore';
import { type SignedIn, fail, parse, requireSession } from './http';
import type { SessionConfig } from './sessions';

const newTemplateId = customAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', 20);

export interface TemplateRoutesDeps {
  accounts: AccountStore;
  store: EventStore;
  rooms: Rooms;
  logger: Logger;
  cfg: SessionConfig;
}

export function templateRoutes({ accounts, store, rooms, logger, cfg }: TemplateRoutesDeps) {
  const r = express.Router();
  r.use(requireSession(accounts, cfg));

  /** The stored setup, read with today's schema (a row that no longer parses is reported, not served). */
  function setupOf(t: StoredTemplate): TemplateSetup | undefined {
    let body: unknown;
    try {
      body = JSON.parse(t.body);
    } catch {
      body = undefined;
    }
    const parsed = templateSetupSchema.safeParse(body);
    if (!parsed.success) logger.error({ templateId: t.id, issues: parsed.error.issues.slice(0, 3) }, 'a stored template no longer parses');
    return parsed.success ? parsed.data : undefined;
  }
  const view = (t: StoredTemplate, setup: TemplateSetup): TemplateView => ({
    id: t.id,
    name: t.name,
    description: t.description,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    setup,
  });

  /** The account's template named in the URL, or undefined after answering 404 (someone else's = unknown). */
  async function mine(req: express.Request, res: express.Response) {
    const { session } = req as SignedIn;
    const id = idSchema.safeParse(req.params.id);
    const t = id.success ? await accounts.findTemplate(session.accountId, id.data) : undefined;
    if (!t) fail(res, 'not_found', 'no such template');
    return t;
  }

  /** The setup of a workshop the account has a role in, or undefined after answering 404. */
  async function workshopSetup(accountId: string, workshopId: string, res: express.Response) {
    const role = await accounts.findRole(accountId, workshopId);
    if (!role || !(await store.findWorkshop(workshopId))) {
      fail(res, 'not_found', 'no such workshop');
      return undefined;
    }
    const state = (await rooms.get(workshopId)).committed;
    return { title: state.title, setup: setupOfWorkshop(state) };
  }

  async function save(req: express.Request, res: express.Response, t: { name: string; description: string; setup: TemplateSetup }) {
    const { session } = req as SignedIn;
    const now = Date.now();
    const stored: StoredTemplate = {
      id: newTemplateId(),
      accountId: session.accountId,
      ...t,
      body: JSON.stringify(t.setup),
      createdAt: now,
      updatedAt: now,
    };
    if (!(await accounts.addTemplate(stored, TEMPLATE_LIMITS.perAccount)))
      return fail(res, 'conflict', `an account keeps at most ${TEMPLATE_LIMITS.perAccount} templates: delete one first`);
    res.status(201).json(view(stored, t.setup));
  }

  r.get('/', async (req, res) => {
    const { session } = req as SignedIn;
    const templates: TemplateSummary[] = [];
    for (const t of await accounts.listTemplates(session.accountId)) {
      const setup = setupOf(t);
      if (setup)
        templates.push({
          id: t.id,
          name: t.name,
          description: t.description,
          createdAt: t.createdAt,
          updatedAt: t.updatedAt,
          counts: setupCounts(setup),
        });
    }
    res.json({ templates });
  });

  r.post('/', async (req, res) => {
    const body = parse(createTemplateSchema, req, res);
    if (body) await save(req, res, body);
  });

  /** "Save as template": the workshop's setup only (no people, notes, clusters or reviews). */
  r.post('/from-workshop', async (req, res) => {
    const body = parse(templateFromWorkshopSchema, req, res);
    if (!body) return;
    const found = await workshopSetup((req as SignedIn).session.accountId, body.workshopId, res);
    if (found) await save(req, res, { name: body.name, description: body.description, setup: found.setup });
  });

  /** "Start from a past workshop": its title and setup, for the create form. */
  r.get('/from-workshop/:workshopId', async (req, res) => {
    const id = idSchema.safeParse(req.params.workshopId);
    if (!id.success) return fail(res, 'not_found', 'no such workshop');
    const found = await workshopSetup((req as unknown as SignedIn).session.accountId, id.data, res);
    if (found) res.json(found);
  });

  r.get('/:id', async (req, res) => {
    const t = await mine(req, res);
    if (!t) return;
    const setup = setupOf(t);
    if (!setup) return fail(res, 'internal', 'this template can no longer be read');
    res.json(view(t, setup));
  });

  r.patch('/:id', async (req, res) => {
    const body = parse(renameTemplateSchema, req, res);
    if (!body) return;
    const t = await mine(req, res);
    if (!t) return;
    const at = Date.now();
    await accounts.renameTemplate(t.accountId, t.id, body, at);
    res.json({ id: t.id, name: body.name, description: body.description ?? t.description, updatedAt: at });
  });

  r.delete('/:id', async (req, res) => {
    const t = await mine(req, res);
    if (!t) return;
    await accounts.deleteTemplate(t.accountId, t.id);
    res.status(204).end();
  });

  return r;
}
