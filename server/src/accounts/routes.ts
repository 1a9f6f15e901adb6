// Mounts the account endpoints: /api/auth/* (passkeys, recovery, sessions, OpenID Connect) and /api/me/workshops/*.
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
import { type DeviceTracker, devicesRoute } from './devices';
import { templateRoutes } from './templateRoutes';
import type { SessionConfig } from './sessions';
import { type OidcRelyingParty, oidcRoutes } from './oidc';

export interface AccountApiDeps {
  accounts: AccountStore;
  store: EventStore;
  rooms: Rooms;
  io: IO;
  logger: Logger;
  rejections: RejectionLog;
  cfg: SessionConfig;
  limits?: Partial<typeof ACCOUNT_LIMITS>;
  /** Each person's devices (GET /api/workshops/:id/devices). */
  devices: DeviceTracker;
  /** Organisation sign-in (OpenID Connect); undefined = not configured. */
  oidc?: OidcRelyingParty;
  /** The clock (tests inject one). */
  now?: () => number;
}

export function createAccountApi(deps: AccountApiDeps) {
  const limits = { ...ACCOUNT_LIMITS, ...deps.limits };
  const r = express.Router();
  r.use(
    '/auth',
    addressLimit(limits.authPerMinute, deps.rejections),
    passkeyRoutes(deps.accounts, deps.cfg, deps.logger),
    accountRoutes(deps.accounts, deps.cfg),
    oidcRoutes(deps.accounts, deps.cfg, deps.oidc, deps.logger),
  );
  r.post('/workshops/:id/participants/:participantId/reissue', addressLimit(limits.authPerMinute, deps.rejections), reissueRoute(deps));
  r.get('/workshops/:id/devices', addressLimit(limits.mePerMinute, deps.rejections), devicesRoute(deps));
  // accepting an invitation is a secret's check, like a sign-in: the tighter limit on top of the other
  r.use('/me/workshops/cofacilitator-invites', addressLimit(limits.authPerMinute, deps.rejections));
  r.use('/me/workshops', addressLimit(limits.mePerMinute, deps.rejections), workshopRoutes({ ...deps, now: deps.now ?? Date.now }));
  r.use('/me/templates', addressLimit(limits.templatesPerMinute, deps.rejections), templateRoutes(deps));
  return r;
}
