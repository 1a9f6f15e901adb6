// The translated message for a server error code (errors.<code>), or the generic one.
import type { TFunction } from 'i18next';
import { ApiError } from '../net/api';

/** The error code of a failed API call ('internal' for anything that is not an ApiError). */
export const apiErrorCode = (err: unknown): string => (err instanceof ApiError ? err.code : 'internal');

export function errorText(t: TFunction, code: string): string {
  return t(`errors.${code}` as never, { defaultValue: t('errors.internal') });
}
