// Burmese typed with a Zawgyi font, read as Unicode. Zawgyi reuses the Myanmar code points for
// visual glyphs (a medial ra typed before the consonant, stacked forms as their own letters), so
// the same word in Zawgyi and in Unicode shares almost no code points and never meets in the
// concept map or the segmenter. Many delegates' phones still type Zawgyi. Google's detector
// (a Markov model over code-point pairs) tells the two apart; its converter rewrites Zawgyi.
// myanmar-tools is pinned to 1.1.3: 1.2.0 on npm lacks its build_node folder and cannot load.
// Its published build decodes the embedded model with Node's Buffer; in the browser (where the
// harvest runs suggestions and concept chips) a base64 decoder stands in for that one call.
// The package ships no types: the reference brings ours along into every project that compiles
// this file from source (server, client, tests), not only shared's own.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./myanmar-tools.d.ts" />
import tools from 'myanmar-tools';

const BURMESE = /[\u1000-\u109F]/;
/**
 * Google's recommended cut-off: above it the text is almost surely Zawgyi. Unicode text scores
 * near 0, Zawgyi near 1; the few ambiguous strings (one syllable valid in both) stay as typed.
 */
export const ZAWGYI_THRESHOLD = 0.95;

let detector: InstanceType<typeof tools.ZawgyiDetector> | null = null;
let converter: InstanceType<typeof tools.ZawgyiConverter> | null = null;

type BufferLike = (data: string, encoding: 'base64') => Uint8Array;
declare const atob: (data: string) => string;

/** A new detector; works without Node's Buffer (browsers). */
export function createDetector(): InstanceType<typeof tools.ZawgyiDetector> {
  const g = globalThis as { Buffer?: unknown };
  if (g.Buffer !== undefined) return new tools.ZawgyiDetector();
  // `new Buffer(model, "base64")`, then only .length and [i] are read: a Uint8Array does (a
  // plain function, so that `new` returns the array it builds).
  const decode: BufferLike = function (data) {
    return Uint8Array.from(atob(data), (c: string) => c.charCodeAt(0));
  };
  g.Buffer = decode;
  try {
    return new tools.ZawgyiDetector();
  } finally {
    delete g.Buffer;
  }
}

/** Probability that the text's Burmese is Zawgyi (0 when it has no Burmese letters). */
export function zawgyiProbability(text: string): number {
  if (!BURMESE.test(text)) return 0;
  detector ??= createDetector();
  return Math.max(0, detector.getZawgyiProbability(text));
}

/** The text with Zawgyi Burmese converted to Unicode; any other text unchanged. */
export function zawgyiToUnicode(text: string): string {
  if (zawgyiProbability(text) < ZAWGYI_THRESHOLD) return text;
  converter ??= new tools.ZawgyiConverter();
  return converter.zawgyiToUnicode(text);
}
