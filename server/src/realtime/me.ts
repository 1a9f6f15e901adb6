// `me` of every sync: who the socket is, as the committed state says.
import type { WorkshopState } from '@world-cafe/shared';

export function meOf(state: WorkshopState, workshopId: string, participantId: string) {
  return { workshopId, participantId, role: state.participants[participantId]?.role ?? 'delegate' };
}
