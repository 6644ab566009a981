// What enters the store: clients and events (from messages, a backup or the team sync), checked by
// the valibot schemas of lib/schemas after the plain-data guard.
import type { Client, NewClientEvent } from '../model/facts';
import { ClientSchema, NewEventSchema, StoredEventSchema } from '../schemas/facts';
import { check, type Checked } from '../schemas/issues';
import { plainDataIssues } from '../schemas/plain';

export { stages } from '../schemas/facts';
export { describeErrors, type Checked, type FieldError } from '../schemas/issues';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function guarded<T>(input: unknown, path: string, run: () => Checked<T>): Checked<T> {
  const plain = plainDataIssues(input, path);
  return plain.length ? { ok: false, errors: plain } : run();
}

/** Validates a client record; `path` prefixes error paths (e.g. `clients[3]`). */
export function validateClient(input: unknown, path = 'client'): Checked<Client> {
  return guarded(input, path, () => check(ClientSchema, input, path));
}

/** Validates an event (id optional unless `requireId`); unknown fields are rejected so nothing foreign is stored. */
export function validateEvent(input: unknown, path = 'event', requireId = false): Checked<NewClientEvent> {
  return guarded(input, path, () => check(requireId ? StoredEventSchema : NewEventSchema, input, path));
}
