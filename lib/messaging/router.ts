// The worker-side router: envelope → sender check → type allow-list → payload validation → handler.
// Nothing reaches a handler unless all checks pass, so nothing is half-applied.
import { HandlerError } from './errors';
import type { Envelope, MessageType, Reply, RequestOf, ResponseOf } from './protocol';
import { classifySender, hostOfClientId, mayCall, type Self, type SenderInfo, type SenderKind } from './sender';
import { describeErrors, isMessageType, validatePayload } from './validate';

export interface HandlerContext {
  sender: SenderKind;
}

export type Handlers = { [T in MessageType]: (payload: RequestOf<T>, ctx: HandlerContext) => Promise<ResponseOf<T>> };

export function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && (message as { reglament?: unknown }).reglament === 1;
}

const fail = (code: Extract<Reply, { ok: false }>['error']['code'], message: string): Reply => ({
  ok: false,
  error: { code, message },
});

/**
 * Sender-dependent payload rules for content scripts: an amoCRM page may only touch clients of
 * its own host; existence checks for Instagram-sourced facts happen in the handlers.
 */
export function checkScope(type: MessageType, payload: unknown, sender: SenderKind): string | null {
  if (sender.kind === 'page') return null;
  const p = payload as Record<string, unknown>;
  if (type === 'board.view' || type === 'board.sync') {
    if (sender.site !== 'amocrm') return `${type} is for amoCRM pages`;
    const ids =
      type === 'board.view' ? (p.clientIds as string[]) : (p.deals as Array<{ client: { id: string } }>).map((d) => d.client.id);
    const foreign = ids.find((id) => hostOfClientId(id) !== sender.host);
    return foreign ? `a page of ${sender.host} cannot touch client ${foreign}` : null;
  }
  const clientId =
    type === 'client.sync'
      ? (p.client as { id: string }).id
      : type === 'event.record'
        ? (p.event as { clientId: string }).clientId
        : typeof p.clientId === 'string'
          ? p.clientId
          : null;
  if (sender.site === 'amocrm') {
    if (clientId !== null && hostOfClientId(clientId) !== sender.host)
      return `a page of ${sender.host} cannot touch client ${clientId}`;
    return null;
  }
  // Instagram: facts come from amoCRM; the sidebar only adds posts, stories and ticks to known clients.
  if (type === 'client.sync') return 'Instagram pages cannot sync deals';
  if (type === 'event.record') {
    const event = p.event as { type: string };
    if (!['post', 'story', 'tick', 'untick'].includes(event.type)) return `Instagram pages cannot record ${event.type} events`;
  }
  return null;
}

/** Returns a function answering one message; `undefined` means "not ours, stay silent". */
export function createRouter(handlers: Handlers, self: () => Self) {
  return async function route(message: unknown, senderInfo: SenderInfo): Promise<Reply | undefined> {
    if (!isEnvelope(message)) return undefined;
    const checked = classifySender(senderInfo, self());
    if (!checked.ok) return fail('forbidden', `Rejected sender: ${checked.reason}`);
    const { type } = message as { type: unknown };
    if (!isMessageType(type)) return fail('unknown-type', `Unknown message type ${JSON.stringify(type)}`);
    if (!mayCall(checked.sender, type)) return fail('forbidden', `${type} is allowed only from extension pages`);
    const payload = validatePayload(type, (message as { payload?: unknown }).payload);
    if (!payload.ok) return fail('invalid', `Invalid ${type}: ${describeErrors(payload.errors)}`);
    const scope = checkScope(type, payload.value, checked.sender);
    if (scope) return fail('forbidden', scope);
    try {
      const handler = handlers[type] as (p: unknown, ctx: HandlerContext) => Promise<unknown>;
      const data = await handler(payload.value, { sender: checked.sender });
      return { ok: true, data } as Reply;
    } catch (error) {
      if (error instanceof HandlerError) return fail(error.code, error.message);
      return fail('failed', error instanceof Error ? error.message : String(error));
    }
  };
}
