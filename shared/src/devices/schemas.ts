// GET /api/workshops/:id/devices: each person's devices, for the facilitator's people list.
// Each device is one browser (the random id it keeps and sends at the socket handshake) that
// opened the workshop with the person's current link.
import { z } from 'zod';

/** A browser's own random id, sent at the handshake (`device`); never a secret. */
export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const deviceViewSchema = z.strictObject({
  /** A public id of the device in this list (a hash prefix, not the id the browser sends). */
  id: z.string().max(32),
  kind: z.enum(['phone', 'tablet', 'computer', 'unknown']),
  os: z.string().max(40),
  browser: z.string().max(40),
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
  /** A socket of this device is connected now, on any node. */
  connected: z.boolean(),
});

export const peopleDevicesSchema = z.strictObject({
  people: z.array(z.strictObject({ participantId: z.string().max(64), devices: z.array(deviceViewSchema).max(50) })).max(5000),
});

export type DeviceView = z.infer<typeof deviceViewSchema>;
export type PeopleDevices = z.infer<typeof peopleDevicesSchema>;

/** Devices kept per person (the most recently seen); older ones are forgotten. */
export const DEVICES_KEPT = 20;
