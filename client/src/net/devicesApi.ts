// Each person's devices and the reissue of a person's link, for the facilitator's people list
// (the facilitator key as a Bearer token, as the other workshop endpoints).
import { type PeopleDevices, peopleDevicesSchema } from '@world-cafe/shared';
import { bearer, send } from './reviewApi';

const base = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}`;

export async function listPeopleDevices(workshopId: string, facilitatorKey: string): Promise<PeopleDevices> {
  const res = await send(`${base(workshopId)}/devices`, { headers: bearer(facilitatorKey) });
  return peopleDevicesSchema.parse(await res.json());
}

/** A new secret for the person: their old link is refused from now on; `path` is "/w/ID#k=TOKEN". */
export async function reissueLink(workshopId: string, facilitatorKey: string, participantId: string): Promise<{ path: string }> {
  const res = await send(`${base(workshopId)}/participants/${encodeURIComponent(participantId)}/reissue`, {
    method: 'POST',
    headers: bearer(facilitatorKey),
  });
  return (await res.json()) as { path: string };
}
