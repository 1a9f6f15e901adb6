// GET /metrics in the Prometheus text format. Off (404) unless METRICS_TOKEN is set; then it
// answers only to `Authorization: Bearer <METRICS_TOKEN>` (never a token in the URL: URLs end up
// in proxy logs).
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { registry } from '../metrics';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function metricsRoute(token: string) {
  const expected = token ? digest(token) : null;
  return async (req: Request, res: Response) => {
    if (!expected) return res.status(404).json({ error: { code: 'not_found', message: 'metrics are off: set METRICS_TOKEN' } });
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    // compare digests so the comparison takes the same time whatever the length
    if (!timingSafeEqual(digest(given), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return res.status(401).json({ error: { code: 'unauthorized', message: 'send the metrics token as a Bearer token' } });
    }
    res.setHeader('Content-Type', registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await registry.metrics());
  };
}
