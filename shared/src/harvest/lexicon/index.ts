// The multilingual concept map: concept ids and labels (concepts.ts) and one vocabulary file per
// language. To add a language, write its file and list it here (see README.md).
import { en } from './en';
import { fil } from './fil';
import { id } from './id';
import { km } from './km';
import { lo } from './lo';
import { ms } from './ms';
import { my } from './my';
import { th } from './th';
import type { Lexicon } from './types';
import { vi } from './vi';

export { CONCEPT_INFO, LABEL_LANGS, type ConceptId, type ConceptInfo, type LabelLang } from './concepts';
export type { Lexicon, LexiconLang } from './types';

export const LEXICONS: readonly Lexicon[] = [en, th, vi, id, ms, fil, km, lo, my];
