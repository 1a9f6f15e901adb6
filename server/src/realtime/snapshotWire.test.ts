import { describe, expect, it } from 'vitest';
import type { EventEmitter } from 'node:events';
import * as ws from 'ws';
import { P, standardWorkshop } from '@world-cafe/shared/testing';
import type { WorkshopState } from '@world-cafe/shared';
import { snapshotFor } from './fanout';
import { snapshotJson, snapshotWire } from './snapshotWire';
import { textFrameHeader } from './engineFrames';

// ws's frame parser (untyped): what a WebSocket client makes of the bytes
const { Receiver } = ws as unknown as {
  Receiver: new (o: { isServer: boolean }) => EventEmitter & { write(b: Buffer): void };
};

/** The text a WebSocket client reads from the frame. */
function readFrame(frame: Buffer[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false });
    receiver.on('message', (data: Buffer, isBinary: boolean) => (isBinary ? reject(new Error('binary')) : resolve(data.toString())));
    receiver.on('error', reject);
    receiver.write(Buffer.concat(frame));
  });
}

const PREFIX = '2["sync",';

describe('snapshotWire: snapshotFor as packet and WebSocket frame, sharing its bulk per committed state', () => {
  const people: Array<[string, string]> = [
    ['a delegate', P.d1],
    ['a facilitator', P.facilitator],
    ['an observer', P.observer],
    ['someone unknown', 'nobody'],
  ];
  it.each(people)('%s', async (_name, participantId) => {
    const state = standardWorkshop('cafe');
    // twice: the second reads the cached encodings
    for (let i = 0; i < 2; i++) {
      const { packet, frame } = snapshotWire(state, 'w', participantId);
      expect(packet.startsWith(PREFIX) && packet.endsWith(']')).toBe(true);
      expect(JSON.parse(packet.slice(1))).toEqual(['sync', snapshotFor(state, 'w', participantId)]);
      expect(await readFrame(frame)).toBe('4' + packet);
      expect(JSON.parse(snapshotJson(state, 'w', participantId).json)).toEqual(snapshotFor(state, 'w', participantId));
    }
  });

  it('people with the same view shape share the bytes of its bulk', () => {
    const state = standardWorkshop('cafe');
    expect(snapshotWire(state, 'w', P.d1).frame[1]).toBe(snapshotWire(state, 'w', P.d2).frame[1]);
  });

  it('a new committed state is encoded anew', () => {
    const before = standardWorkshop('cafe');
    expect(JSON.parse(snapshotWire(before, 'w', P.d2).packet.slice(1))[1]).toEqual(snapshotFor(before, 'w', P.d2));
    const after: WorkshopState = { ...before, title: 'Renamed', participants: { ...before.participants } };
    delete after.participants[P.d3];
    expect(JSON.parse(snapshotWire(after, 'w', P.d2).packet.slice(1))[1]).toEqual(snapshotFor(after, 'w', P.d2));
  });

  it.each([0, 125, 126, 65535, 65536, 200_000])('frames %i bytes as ws does', async (n) => {
    const text = 'x'.repeat(n);
    expect(await readFrame([textFrameHeader(n), Buffer.from(text)])).toBe(text);
  });
});
