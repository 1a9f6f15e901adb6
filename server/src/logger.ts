import pino, { type Logger } from 'pino';

/** Logs never carry note text or secrets: handlers log ids and codes only, and these paths are redacted. */
export function createLogger(level: string = 'info'): Logger {
  return pino({
    level,
    redact: {
      paths: ['token', 'facilitatorKey', 'auth', '*.token', '*.facilitatorKey', 'req.headers.cookie', 'text', '*.text'],
      censor: '[redacted]',
    },
  });
}
