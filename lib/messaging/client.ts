// The typed client content scripts and extension pages use to talk to the worker.
//   const view = await sendMessage('client.view', { clientId });
// Throws WorkerError (code + the worker's message) on a refusal, and
// ExtensionContextInvalidatedError after the extension was reloaded under a content script.
import { browser } from 'wxt/browser';
import { ExtensionContextInvalidatedError, WorkerError, isContextInvalidated } from './errors';
import type { Envelope, MessageType, Reply, RequestOf, ResponseOf } from './protocol';

export type Transport = (envelope: Envelope) => Promise<unknown>;

const defaultTransport: Transport = (envelope) => {
  if (!browser.runtime?.id) throw new ExtensionContextInvalidatedError();
  return browser.runtime.sendMessage(envelope);
};

export function createMessenger(transport: Transport = defaultTransport) {
  return async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
    const envelope: Envelope<T> = { reglament: 1, type, payload };
    let reply: unknown;
    try {
      reply = await transport(envelope);
    } catch (error) {
      if (isContextInvalidated(error)) throw new ExtensionContextInvalidatedError();
      throw new WorkerError('failed', `Reglament worker unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof reply !== 'object' || reply === null || !('ok' in reply))
      throw new WorkerError('failed', `No reply from the Reglament worker to ${type}`);
    const r = reply as Reply<T>;
    if (r.ok) return r.data;
    throw new WorkerError(r.error.code, r.error.message);
  };
}

export const sendMessage = createMessenger();
export { ExtensionContextInvalidatedError, WorkerError, isContextInvalidated };
