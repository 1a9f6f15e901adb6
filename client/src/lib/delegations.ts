// A delegation that is not in the list (added when creating a workshop, or by a delegate joining).
import { LIMITS } from '@world-cafe/shared';

const DELEGATION_CODE = /^[A-Za-z0-9-]+$/;

export type NewDelegationCheck = { ok: true; name: string; code: string } | { ok: false; problem: 'missing' | 'badCode' };

/** Trims the name, upper-cases the code and checks both are there and the code is well-formed. */
export function checkNewDelegation(rawName: string, rawCode: string): NewDelegationCheck {
  const name = rawName.trim();
  const code = rawCode.trim().toUpperCase();
  if (!name || !code) return { ok: false, problem: 'missing' };
  if (!DELEGATION_CODE.test(code) || code.length > LIMITS.codeChars) return { ok: false, problem: 'badCode' };
  return { ok: true, name, code };
}
