// Types for myanmar-tools 1.1.3 (Google's Zawgyi detector and converter; the package ships none).
declare module 'myanmar-tools' {
  export class ZawgyiDetector {
    /** Probability in [0, 1] that the text is Zawgyi; -Infinity when it has no Burmese letters. */
    getZawgyiProbability(text: string, continuous?: boolean): number;
  }
  export class ZawgyiConverter {
    zawgyiToUnicode(text: string): string;
    unicodeToZawgyi(text: string): string;
  }
  const tools: { ZawgyiDetector: typeof ZawgyiDetector; ZawgyiConverter: typeof ZawgyiConverter };
  export default tools;
}
