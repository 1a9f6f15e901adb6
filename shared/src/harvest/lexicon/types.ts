// Shapes of the vocabulary data (see README.md in this folder).
import type { ConceptId } from './concepts';

/** The languages delegates write notes in. */
export type LexiconLang = 'en' | 'th' | 'vi' | 'id' | 'ms' | 'fil' | 'km' | 'lo' | 'my';

export interface Lexicon {
  lang: LexiconLang;
  /** Function words, separated by spaces; dropped from the word tokens (not from phrase matching). */
  stopWords: string;
  /**
   * Words and phrases for each concept. Latin-script terms match whole (stemmed, diacritics-folded)
   * words in sequence; Thai, Khmer, Lao and Burmese terms match a run of the text that starts and
   * ends on word boundaries found by Intl.Segmenter.
   */
  terms: Partial<Record<ConceptId, string[]>>;
  /**
   * Phrases of this language in which a shorter term of any language means nothing: Vietnamese
   * "ai" is "who" ("ai cũng", everyone; "không ai", nobody), not AI. A phrase listed here covers
   * the terms inside it the way a longer term does (see longestMatches) and names no concept.
   */
  notTerms?: string[];
}
