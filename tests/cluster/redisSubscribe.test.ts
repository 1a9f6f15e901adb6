// A node whose Redis goes away between its connection and the adapter's SUBSCRIBE (it started
// right as Redis restarted) must still hear the other nodes once Redis is back. node-redis
// re-subscribes only what succeeded, and the adapter subscribes once: connectRedis retries a
// failed subscription (chaos seed 1389397517, trial 31: such a node kept its leases and never
// answered a forwarded command). A private Redis; the shared one is never stopped.
import { afterAll, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import pino from 'pino';
import { type RedisLink, connectRedis } from '../../server/src/cluster/redis';
import { type PrivateRedis, sleep, startPrivateRedis } from '../helpers/cluster';

let redis: PrivateRedis | undefined;
const links: RedisLink[] = [];
// (the Socket.IO servers have no HTTP server to close; closing the Redis links ends them)
afterAll(async () => {
  for (const l of links) await l.close();
  await redis?.stop();
});

describe('Redis subscriptions', () => {
  it('a subscription refused while Redis was down is made when Redis is back', async () => {
    redis = await startPrivateRedis();
    const logger = pino({ level: 'silent' });
    const key = `wc-sub-${process.pid}`;
    const a = await connectRedis(redis.url, logger, key);
    links.push(a);
    await redis.stop();
    await sleep(300); // the clients have seen the connection go
    // node A's adapter subscribes now: refused at once (no offline queue)
    const ioA = new Server();
    ioA.adapter(a.adapter);
    const heard: unknown[] = [];
    (ioA as unknown as { on(ev: string, fn: (m: unknown) => void): void }).on('wc', (m) => heard.push(m));
    await redis.start();

    const b = await connectRedis(redis.url, logger, key);
    links.push(b);
    const ioB = new Server();
    ioB.adapter(b.adapter);
    // A hears B within a few seconds of Redis coming back (the reconnect backs off up to 2 s)
    for (const until = Date.now() + 15_000; heard.length === 0 && Date.now() < until;) {
      ioB.serverSideEmit('wc', { from: 'b' });
      await sleep(200);
    }
    expect(heard[0]).toEqual({ from: 'b' });
  }, 60_000);
});
