// Deleting a workshop with everything in it, the one path both the owner's "delete" and data
// retention take: its live sockets are told and closed (on every node, through the adapter), the
// room is dropped, then every row of it goes in one transaction (AccountStore.deleteWorkshop).
import type { Logger } from 'pino';
import type { Rooms } from '../realtime/workshopRoom';
import { type IO, rooms as socketRooms } from '../realtime/fanout';
import type { AccountStore } from './accountStore';

export interface DeleteWorkshopDeps {
  accounts: AccountStore;
  rooms: Rooms;
  io: IO;
  logger: Logger;
}

export async function deleteWorkshopEverywhere(
  d: DeleteWorkshopDeps,
  workshopId: string,
  why: { by: 'owner'; accountId: string } | { by: 'retention'; closedAt: number; days: number },
): Promise<void> {
  d.io.in(socketRooms.workshop(workshopId)).emit('revoked', { reason: 'workshop_deleted' });
  d.io.in(socketRooms.workshop(workshopId)).disconnectSockets(true);
  d.rooms.forget(workshopId);
  await d.accounts.deleteWorkshop(workshopId);
  d.logger.info({ workshopId, ...why }, 'workshop deleted with everything in it');
}
