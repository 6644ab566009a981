// Message payloads checked at the worker's door: plain data first (no prototype keys, no class
// instances), then the message's schema (./schemas.ts). Anything not described there is refused.
import { check, describeErrors, type Checked } from '../schemas/issues';
import { plainDataIssues } from '../schemas/plain';
import type { MessageType, Protocol } from './protocol';
import { messageSchemas } from './schemas';

export const messageTypes = Object.keys(messageSchemas) as MessageType[];

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(messageSchemas, type);
}

/** Validates a payload for its type. */
export function validatePayload<T extends MessageType>(type: T, payload: unknown): Checked<Protocol[T]['request']> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return { ok: false, errors: [{ path: 'payload', message: 'must be an object' }] };
  const plain = plainDataIssues(payload, 'payload');
  if (plain.length) return { ok: false, errors: plain };
  return check(messageSchemas[type], payload, 'payload');
}

export { describeErrors };
