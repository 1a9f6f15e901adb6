// POST /api/client-errors: a browser's error boundary reports a render error so it shows up in
// the server log. Small (16 KB body), rate-limited per address, validated with the shared
// schema; it logs the error and its stacks only, with secret-looking text redacted, and answers 204.
import express from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import { clientErrorSchema, redactSecrets } from '@world-cafe/shared';

export const CLIENT_ERROR_BODY_LIMIT = '16kb';

export function createClientErrorRoute(logger: Logger, perMinute = 10) {
  const router = express.Router();
  // A crash loop in one tab must not flood the log: a few reports a minute per address are enough.
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  router.post('/', express.json({ limit: CLIENT_ERROR_BODY_LIMIT }), async (req, res) => {
    try {
      await limiter.consume(req.ip ?? 'unknown');
    } catch {
      return res.status(429).json({ error: { code: 'rate_limited', message: 'too many error reports; wait a minute' } });
    }
    const parsed = clientErrorSchema.safeParse(req.body);
    if (!parsed.success)
      return res.status(400).json({ error: { code: 'invalid_payload', message: 'expected {message, stack?, componentStack?, route}' } });
    // a report may quote a URL or state that holds a key: redact before it reaches the log
    const { message, stack, componentStack, route } = parsed.data;
    const clientError = {
      message: redactSecrets(message),
      ...(stack === undefined ? {} : { stack: redactSecrets(stack) }),
      ...(componentStack === undefined ? {} : { componentStack: redactSecrets(componentStack) }),
      route,
    };
    logger.warn({ clientError }, 'client render error');
    res.status(204).end();
  });
  return router;
}
