// A workshop this device has just created (or imported) opens with it as the facilitator.
import { navigate, paths } from './router';
import { saveSession } from '../net/sessions';

export interface CreatedWorkshopKeys {
  workshopId: string;
  facilitatorKey: string;
  participantId: string;
}

export function openCreatedWorkshop(res: CreatedWorkshopKeys, title: string): void {
  saveSession(res.workshopId, { token: res.facilitatorKey, participantId: res.participantId, title, role: 'facilitator' });
  try {
    // The console greets a workshop it sees for the first time (see Console).
    sessionStorage.setItem('wc:created', res.workshopId);
  } catch {
    /* the welcome notice is optional */
  }
  navigate(paths.workshop(res.workshopId));
}
