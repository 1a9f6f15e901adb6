// The socket.io parser of this server: the standard one (socket.io-parser, protocol 5), except that
// the encoder never looks for binary attachments. The stock encoder walks every emitted payload
// (hasBinary) before stringifying it; for a snapshot of a 1,000-person workshop that walk cost as
// much as JSON.stringify itself, on every connect. This server's wire is JSON only
// (docs/PROTOCOL.md: no event carries a Buffer), so every packet is written as the string form the
// stock encoder produces for non-binary packets: byte for byte what clients already decode.
import { Decoder, Encoder, type Packet, PacketType, protocol } from 'socket.io-parser';

/**
 * An emit argument that is JSON already (built from cached parts, see snapshotJson in fanout.ts):
 * written as it is instead of being stringified. Only as a direct argument of an emit.
 */
export class RawJson {
  constructor(readonly json: string) {}
}

function dataJson(data: unknown): string {
  if (!Array.isArray(data) || !data.some((d) => d instanceof RawJson)) return JSON.stringify(data);
  // concatenated, not joined: a large RawJson is copied once, when the frame is written
  let out = '[';
  for (let i = 0; i < data.length; i++) {
    const d: unknown = data[i];
    out += (i > 0 ? ',' : '') + (d instanceof RawJson ? d.json : (JSON.stringify(d) ?? 'null'));
  }
  return out + ']';
}

export class JsonOnlyEncoder extends Encoder {
  override encode(obj: Packet): string[] {
    // the stock encodeAsString for a non-binary packet: type, namespace unless '/', ack id, JSON data
    let str = String(obj.type);
    if (obj.nsp && obj.nsp !== '/') str += obj.nsp + ',';
    if (obj.id !== undefined && obj.id !== null) str += obj.id;
    if (obj.data !== undefined && obj.data !== null) str += dataJson(obj.data);
    return [str];
  }
}

/** Pass as `parser` to the socket.io Server (clients keep the default parser: the wire is unchanged). */
export const jsonOnlyParser = { protocol, Encoder: JsonOnlyEncoder, Decoder, PacketType };
