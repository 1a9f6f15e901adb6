/** The PDF export cannot run here (no Chromium, or it would not start): the API answers with the reason. */
export class PdfUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfUnavailableError';
  }
}
