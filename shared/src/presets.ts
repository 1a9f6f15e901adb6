// Presets offered on the create screen, from the ACCSM café this product was first described from.
import type { Delegation, Theme } from './cafe/model';

export const ASEAN_DELEGATIONS: Delegation[] = [
  { id: 'bn', code: 'BN', name: 'Brunei Darussalam' },
  { id: 'kh', code: 'KH', name: 'Cambodia' },
  { id: 'id', code: 'ID', name: 'Indonesia' },
  { id: 'la', code: 'LA', name: 'Lao PDR' },
  { id: 'my', code: 'MY', name: 'Malaysia' },
  { id: 'mm', code: 'MM', name: 'Myanmar' },
  { id: 'ph', code: 'PH', name: 'Philippines' },
  { id: 'sg', code: 'SG', name: 'Singapore' },
  { id: 'th', code: 'TH', name: 'Thailand' },
  { id: 'vn', code: 'VN', name: 'Viet Nam' },
  { id: 'asec', code: 'ASEC', name: 'ASEAN Secretariat' },
];

/** ASCC Blueprint 2025 characteristics: the demo framework. */
export const ASCC_THEMES: Theme[] = [
  { id: 'people', name: 'Engages and Benefits the People' },
  { id: 'inclusive', name: 'Inclusive' },
  { id: 'sustainable', name: 'Sustainable' },
  { id: 'resilient', name: 'Resilient' },
  { id: 'dynamic', name: 'Dynamic' },
];

/** Join codes avoid look-alike characters (0/O, 1/I/L) so they can be read aloud and typed. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 8;

export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export function formatJoinCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
