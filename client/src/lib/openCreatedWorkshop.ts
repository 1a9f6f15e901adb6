// A workshop this device has just created (or imported) opens with it as the facilitator.
import { navigate, paths } from './router';
import { saveSession } from '../net/sessions';
import { readString } from './storage';

export interface CreatedWorkshopKeys {
  workshopId: string;
  facilitatorKey: string;
  participantId: string;
}

/** Set by the home page while this browser is signed in to a facilitator account (a hint, not a credential). */
export const SIGNED_IN_HINT = 'wc:signedIn';

export function openCreatedWorkshop(res: CreatedWorkshopKeys, title: string): void {
  saveSession(res.workshopId, { token: res.facilitatorKey, participantId: res.participantId, title, role: 'facilitator' });
  // Signed in: the new workshop joins the account (the session cookie says whose); kept to a bare
  // fetch so the landing page does not carry the account client.
  if (readString(SIGNED_IN_HINT))
    void fetch('/api/me/workshops/claim', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ workshopId: res.workshopId, facilitatorKey: res.facilitatorKey }),
    }).catch(() => {});
  try {
    // The console greets a workshop it sees for the first time (see Console).
    sessionStorage.setItem('wc:created', res.workshopId);
  } catch {
    /* the welcome notice is optional */
  }
  navigate(paths.workshop(res.workshopId));
}
