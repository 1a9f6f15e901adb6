// Redis for cluster mode (REDIS_URL): the nodes' messages, on channels per workshop so that a node
// hears only the workshops it has sockets of (or decides for). Two users share one pair of
// connections:
// - the Socket.IO sharded Redis adapter in "dynamic" mode (SSUBSCRIBE, Redis 7): a room broadcast
//   (presence, typing) is published on that room's own channel, which a node subscribes to while it
//   has a socket in the room. Only broadcasts to several rooms at once and admin operations
//   (disconnectSockets on a revoke) use the namespace's one shared channel.
// - the cluster's own channels (ClusterBus below): committed batches and rosters on the workshop's
//   channel, forwarded commands on the workshop's command channel (its owner listens), acks on the
//   asking node's channel.
// Redis pub/sub keeps nothing: a message published while a node is cut off is lost, which is why
// committed events never depend on it (replicas read the log by seq when a gap shows).
//
// A lost connection: node-redis resubscribes the channels it had confirmed when it reconnects, but a
// subscription asked for while the connection was down (a socket joined a room meanwhile) is
// rejected and forgotten, so the node would never hear that room again; and the adapter does not
// catch that rejection. durableSubscriptions() therefore keeps the set of channels the node wants
// and puts the connection right (subscribe the missing, drop the unwanted) each time it is ready.
import { createShardedAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Logger } from 'pino';

export interface RedisLink {
  adapter: ReturnType<typeof createShardedAdapter>;
  bus: ClusterBus;
  /** Resolves when Redis answers now (readiness); rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The cluster's own messages, JSON on sharded channels named under the cluster's key prefix. */
export interface ClusterBus {
  /** Channel names under this cluster's prefix (REDIS_KEY_PREFIX). */
  channel: {
    /** A workshop's committed batches and rosters: every node with sockets of it listens. */
    workshop(id: string): string;
    /** Commands forwarded to a workshop's owner: only the owner listens. */
    commands(id: string): string;
    /** Acks for one node's forwarded commands. */
    node(id: string): string;
  };
  publish(channel: string, msg: unknown): void;
  /** Resolves once Redis confirmed the subscription (or at once if it already was). */
  subscribe(channel: string, onMessage: (msg: unknown) => void): Promise<void>;
  unsubscribe(channel: string): void;
  /** Called each time the subscriber connection is ready again after a loss. */
  onReconnect: () => void;
  /** Whether the subscriber connection is up now. */
  readonly connected: boolean;
}

type Sub = ReturnType<typeof createClient>;
type Listener = (message: string | Buffer, channel: string | Buffer) => void;

/**
 * Keeps the sharded subscriptions the node asked for across lost connections (see the header). It
 * wraps the client's sSubscribe/sUnsubscribe, so the adapter's room channels are kept too.
 */
function durableSubscriptions(sub: Sub, logger: Logger) {
  const wanted = new Map<string, { listener: Listener; buffers: boolean }>();
  const raw = {
    subscribe: sub.sSubscribe.bind(sub) as unknown as (ch: string, l: Listener, buffers?: boolean) => Promise<void>,
    unsubscribe: sub.sUnsubscribe.bind(sub) as unknown as (ch: string) => Promise<void>,
  };
  // while the connection is down these reject; the reconcile on 'ready' redoes them
  const patched = sub as unknown as { sSubscribe: typeof raw.subscribe; sUnsubscribe: typeof raw.unsubscribe };
  patched.sSubscribe = (ch, listener, buffers = false) => {
    wanted.set(ch, { listener, buffers });
    return raw.subscribe(ch, listener, buffers).catch(() => {});
  };
  patched.sUnsubscribe = (ch) => {
    wanted.delete(ch);
    return raw.unsubscribe(ch).catch(() => {});
  };
  return {
    reconcile() {
      const have = sub.getPubSubListeners('SHARDED' as never) as Map<string, unknown>;
      let fixed = 0;
      for (const [ch, { listener, buffers }] of wanted)
        if (!have.has(ch)) {
          fixed++;
          void raw.subscribe(ch, listener, buffers).catch(() => {});
        }
      for (const ch of have.keys())
        if (!wanted.has(ch)) {
          fixed++;
          void raw.unsubscribe(ch).catch(() => {});
        }
      if (fixed) logger.info({ channels: fixed }, 'Redis back: subscriptions put right');
    },
  };
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
  const subscriptions = durableSubscriptions(sub, logger);
  let down = false;
  /** The subscriber is up now / has been up before (a 'ready' after that is a reconnect). */
  let subUp = false;
  let wasUp = false;
  const bus: ClusterBus = {
    channel: {
      workshop: (id) => `${key}#wc#w#${id}#`,
      commands: (id) => `${key}#wc#c#${id}#`,
      node: (id) => `${key}#wc#n#${id}#`,
    },
    publish(channel, msg) {
      // a failed publish while Redis is down is expected (the log is the truth), not fatal
      pub.sPublish(channel, JSON.stringify(msg)).catch(() => 0);
    },
    subscribe(channel, onMessage) {
      return (sub.sSubscribe as unknown as (ch: string, l: Listener) => Promise<void>)(channel, (message) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(String(message));
        } catch {
          return; // not one of ours: nodes of this cluster only ever publish JSON
        }
        onMessage(parsed);
      });
    },
    unsubscribe(channel) {
      void (sub.sUnsubscribe as unknown as (ch: string) => Promise<void>)(channel);
    },
    onReconnect: () => {},
    get connected() {
      return subUp;
    },
  };
  for (const [name, c] of [
    ['pub', pub],
    ['sub', sub],
  ] as const) {
    // without a listener a lost connection would crash the process
    c.on('error', (err: Error) => {
      opts.onError?.(err.message);
      if (!down) logger.warn({ err: err.message, client: name }, 'Redis connection lost; reconnecting');
      down = true;
      if (c === sub) subUp = false;
    });
    c.on('ready', () => {
      opts.onReady?.();
      if (down) logger.info({ client: name }, 'Redis connection back');
      down = false;
      if (c !== sub) return;
      const again = subUp === false && wasUp;
      subUp = true;
      wasUp = true;
      if (again) {
        subscriptions.reconcile();
        bus.onReconnect();
      }
    });
  }
  await Promise.all([pub.connect(), sub.connect()]);
  // The adapter does not handle a failed publish; while Redis is down that is expected, not fatal.
  const sPublish = pub.sPublish.bind(pub);
  (pub as unknown as { sPublish: typeof sPublish }).sPublish = (...args: Parameters<typeof sPublish>) => sPublish(...args).catch(() => 0);
  return {
    // "dynamic": one channel per public room, subscribed while this node has a socket in it
    adapter: createShardedAdapter(pub, sub, { channelPrefix: key, subscriptionMode: 'dynamic' }),
    bus,
    async ping() {
      await pub.ping();
    },
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
