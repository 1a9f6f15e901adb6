// A snapshot `sync` as it goes on the wire, sharing its bulk between the sockets that receive it.
//
// A snapshot carries the workshop's directory (participants, tables, delegations...), so while a
// thousand people connect to an idle workshop each one would be sent ~100 KB that differs from
// the others' only in `me` and in a few fields of its own view (its table's notes...). Encoding it
// per socket meant flattening that string, measuring it, copying it into a frame: O(people) per
// connect, O(people²) for a room. Here the part of the frame that the committed state decides
// alone is encoded once per committed state and view shape, as bytes, and each socket's WebSocket
// frame is [frame header + its own head, the shared bytes] (Engine.IO's pre-encoded frames, what
// Socket.IO's own broadcasts use, written as engineFrames.ts says).
//
// The JSON is the one snapshotFor() describes; only the order of keys differs (`me` first, and in
// `state` the socket's own fields before the shared ones), which JSON gives no meaning.
import type { SyncMessage, WorkshopState } from '@world-cafe/shared';
import { viewFor } from '@world-cafe/shared';
import type { AppSocket } from './fanout';
import { RawJson } from './jsonParser';
import { meOf } from './me';
import { textFrameHeader, writePacket } from './engineFrames';

/** What one socket is sent: the Socket.IO packet as text, and as a WebSocket frame. */
export interface SnapshotWire {
  /** The Socket.IO packet (`2["sync",{...}]`), what Engine.IO writes to a long-polling socket. */
  packet: string;
  /** The WebSocket text frame of the Engine.IO message `4` + packet: header and head, shared tail. */
  frame: [Buffer, Buffer];
}

interface SharedTail {
  text: string;
  bytes: Buffer;
}

/**
 * Per committed state: each field's JSON, and the shared tails by the set of fields the view
 * replaces (its own). A committed state object is current until the next event is folded (which
 * makes a new one), so a room connecting to an idle workshop shares one of each.
 */
interface Encodings {
  fields: Map<string, string>;
  tails: Map<string, SharedTail>;
}
const encodings = new WeakMap<WorkshopState, Encodings>();

const keyJson = (key: string, json: string) => JSON.stringify(key) + ':' + json;

function encodingsOf(committed: WorkshopState): Encodings {
  let enc = encodings.get(committed);
  if (!enc) encodings.set(committed, (enc = { fields: new Map(), tails: new Map() }));
  return enc;
}

function fieldJson(enc: Encodings, committed: WorkshopState, key: keyof WorkshopState): string | undefined {
  let json = enc.fields.get(key);
  if (json === undefined && !enc.fields.has(key)) {
    json = JSON.stringify(committed[key]);
    if (json !== undefined) enc.fields.set(key, json);
  }
  return json;
}

/** The fields the view shares with the committed state, then the end of the packet: `...}}]`. */
function sharedTail(enc: Encodings, committed: WorkshopState, own: string[], shared: Array<keyof WorkshopState>): SharedTail {
  const id = own.join(',');
  let tail = enc.tails.get(id);
  if (!tail) {
    const parts: string[] = [];
    for (const key of shared) {
      const json = fieldJson(enc, committed, key);
      if (json !== undefined) parts.push(keyJson(key, json));
    }
    const text = parts.join(',') + '}}]';
    enc.tails.set(id, (tail = { text, bytes: Buffer.from(text) }));
  }
  return tail;
}

/**
 * snapshotFor(committed, ...) as `sync` packet and frame: `committed` must be the workshop's
 * current committed state, taken in the same synchronous step.
 */
export function snapshotWire(committed: WorkshopState, workshopId: string, participantId: string): SnapshotWire {
  const view = viewFor(committed, participantId);
  const me = meOf(committed, workshopId, participantId);
  const own: string[] = [];
  const shared: Array<keyof WorkshopState> = [];
  const ownParts: string[] = [];
  for (const key of Object.keys(view) as Array<keyof WorkshopState>) {
    if (view[key] === committed[key]) {
      shared.push(key);
      continue;
    }
    own.push(key);
    const json = JSON.stringify(view[key]);
    if (json !== undefined) ownParts.push(keyJson(key, json));
  }
  const enc = encodingsOf(committed);
  const tail = sharedTail(enc, committed, own, shared);
  const sharedNonEmpty = tail.text.length > 3;
  const head =
    '2["sync",{"kind":"snapshot","me":' +
    JSON.stringify(me) +
    ',"state":{' +
    ownParts.join(',') +
    (ownParts.length > 0 && sharedNonEmpty ? ',' : '');
  const headBytes = Buffer.from('4' + head);
  const frame: [Buffer, Buffer] = [Buffer.concat([textFrameHeader(headBytes.length + tail.bytes.length), headBytes]), tail.bytes];
  return { packet: head + tail.text, frame };
}

/** The snapshot as the argument of an emit (RawJson, see jsonParser.ts), where no frame can be used. */
export function snapshotJson(committed: WorkshopState, workshopId: string, participantId: string): RawJson {
  const { packet } = snapshotWire(committed, workshopId, participantId);
  return new RawJson(packet.slice('2["sync",'.length, -1));
}

/** Sends a socket the snapshot of its view of the current committed state. */
export function emitSnapshot(socket: AppSocket, committed: WorkshopState, workshopId: string, participantId: string) {
  // the packet is written to the engine directly (as Socket.IO's broadcasts are), which only the
  // default namespace's packet format above allows; another namespace goes through emit
  if (socket.nsp.name !== '/') {
    socket.emit('sync', snapshotJson(committed, workshopId, participantId) as unknown as SyncMessage);
    return;
  }
  const { packet, frame } = snapshotWire(committed, workshopId, participantId);
  writePacket(socket, packet, frame);
}
