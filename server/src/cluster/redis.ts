// The Socket.IO Redis adapter for cluster mode (REDIS_URL). It carries the nodes' messages to each
// other (server-side emits: committed batches, forwarded commands and their acks) and room
// broadcasts such as presence. Redis pub/sub keeps nothing: a message published while a node is cut
// off is lost, which is why committed events never depend on it (replicas poll the log by seq).
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Logger } from 'pino';

export interface RedisLink {
  adapter: ReturnType<typeof createAdapter>;
  /** Resolves when Redis answers now (readiness); rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function connectRedis(
  url: string,
  logger: Logger,
  key = 'worldcafe',
  /** Every failed (re)connection and every connection made, e.g. while a starting node waits for Redis (startup.ts). */
  opts: { onError?: (err: string) => void; onReady?: () => void } = {},
): Promise<RedisLink> {
  const options = {
    url,
    // fail fast while disconnected instead of queueing without bound; reconnect forever, backing off
    disableOfflineQueue: true,
    socket: { connectTimeout: 3000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
  };
  const pub = createClient(options);
  const sub = pub.duplicate();
  let down = false;
  for (const [name, c] of [
    ['pub', pub],
    ['sub', sub],
  ] as const) {
    // without a listener a lost connection would crash the process
    c.on('error', (err: Error) => {
      opts.onError?.(err.message);
      if (!down) logger.warn({ err: err.message, client: name }, 'Redis connection lost; reconnecting');
      down = true;
    });
    c.on('ready', () => {
      opts.onReady?.();
      if (down) logger.info({ client: name }, 'Redis connection back');
      down = false;
    });
  }
  await Promise.all([pub.connect(), sub.connect()]);
  keepSubscriptions(sub, logger);
  // The adapter does not handle a failed publish; while Redis is down that is expected, not fatal.
  const publish = pub.publish.bind(pub);
  (pub as unknown as { publish: typeof publish }).publish = (...args: Parameters<typeof publish>) => publish(...args).catch(() => 0);
  return {
    adapter: createAdapter(pub, sub, { key, requestsTimeout: 3000 }),
    async ping() {
      await pub.ping();
    },
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}

/**
 * A SUBSCRIBE that fails (Redis went away between the connection and the command: the offline
 * queue is off, so it is refused at once) is retried when the connection is back. node-redis
 * re-subscribes after a reconnect only the channels whose SUBSCRIBE succeeded, and the adapter
 * subscribes once, without looking at the result: without this, a node that met a Redis outage
 * right as it started would never hear a forwarded command or a batch again, while still
 * holding leases, so commands forwarded to it would time out forever (chaos seed 1389397517,
 * trial 31).
 */
function keepSubscriptions(sub: ReturnType<typeof createClient>, logger: Logger) {
  const client = sub as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of ['subscribe', 'pSubscribe', 'sSubscribe'] as const) {
    const original = client[method]!.bind(sub);
    client[method] = (...args: unknown[]) => {
      const attempt = (): Promise<unknown> =>
        original(...args).catch(async (err: Error) => {
          logger.warn({ err: err.message, method }, 'Redis subscription failed; retrying when the connection is back');
          // connected again already (the failure raced a reconnect, or Redis refused it): retry
          // shortly; else when the connection is back
          if (sub.isReady) await new Promise((resolve) => setTimeout(resolve, 250));
          else await new Promise((resolve) => sub.once('ready', resolve));
          return attempt();
        });
      return attempt();
    };
  }
}
