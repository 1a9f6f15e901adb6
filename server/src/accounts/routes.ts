// Mounts the account endpoints: /api/auth/* (passkeys, recovery, sessions) and /api/me/workshops/*.
import express from 'express';
import type { Logger } from 'pino';
import type { RejectionLog } from '../rejections';
import type { EventStore } from '../store/eventStore';
import type { Rooms } from '../realtime/workshopRoom';
import type { IO } from '../realtime/fanout';
import type { AccountStore } from './accountStore';
import { ACCOUNT_LIMITS, addressLimit } from './http';
import { passkeyRoutes } from './passkeys';
import { accountRoutes } from './accountRoutes';
import { workshopRoutes } from './workshopRoutes';
import { reissueRoute } from './reissue';
import { templateRoutes } from './templateRoutes';
import type { SessionConfig } from './sessions';

export interface AccountApiDeps {
  accounts: AccountStore;
  store: EventStore;
  rooms: Rooms;
  io: IO;
  logger: Logger;
  rejections: RejectionLog;
  cfg: SessionConfig;
  limits?: Partial<typeof ACCOUNT_LIMITS>;
}

export function createAccountApi(deps: AccountApiDeps) {
  const limits = { ...ACCOUNT_LIMITS, ...deps.limits };
  const r = express.Router();
  r.use(
    '/auth',
    addressLimit(limits.authPerMinute, deps.rejections),
    passkeyRoutes(deps.accounts, deps.cfg, deps.logger),
    accountRoutes(deps.accounts, deps.cfg),
  );
  r.post('/workshops/:id/participants/:participantId/reissue', addressLimit(limits.authPerMinute, deps.rejections), reissueRoute(deps));
  r.use('/me/workshops', addressLimit(limits.mePerMinute, deps.rejections), workshopRoutes({ ...deps }));
  r.use('/me/templates', addressLimit(limits.templatesPerMinute, deps.rejections), templateRoutes(deps));
  return r;
}
