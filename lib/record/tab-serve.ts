// The amoCRM tab's side of the channel (run by the `amocrm-api` content script): performs one
// typed operation of the team's record with the manager's session on the tab's own origin, under
// the tab's shared token bucket, and answers what amoCRM said. A message that is not from this
// extension's worker, not for this origin, or not one of the operations is left unanswered and
// causes no request.
import { isApiError } from '../amocrm/errors';
import { isAmocrmOrigin } from '../hosts';
import { NOTES_POST_PATH } from './notes-paths';
import { fromOwnWorker, type Self, type WorkerSender } from './tab-checks';
import { checkTabRequest, isTabMessage, readPath, TAB_MARK, type TabAnswer, type TabRequest } from './tab-ops';

/** The tab's API client (lib/amocrm/client.ts on `location.origin`, the tab's bucket). */
export interface TabClient {
  get(path: string, opts?: { ifModifiedSince?: number | null }): Promise<unknown>;
  post(path: string, body: unknown): Promise<unknown>;
}

export interface ServeEnv {
  self: Self;
  /** `location.origin` of the tab. */
  origin: string;
  client: () => TabClient;
}

/** The answer to a message, or undefined when this script must not act on it. */
export function serveTabRequest(
  message: unknown,
  sender: WorkerSender | undefined,
  env: ServeEnv,
): Promise<TabAnswer> | undefined {
  if (!isTabMessage(message) || !fromOwnWorker(sender, env.self) || !isAmocrmOrigin(env.origin)) return undefined;
  const checked = checkTabRequest(message);
  if (!checked.ok || checked.value.origin !== env.origin) return undefined;
  return perform(checked.value, env);
}

async function perform(request: TabRequest, env: ServeEnv): Promise<TabAnswer> {
  const client = env.client();
  try {
    const body =
      request.op === 'notes.post'
        ? await client.post(NOTES_POST_PATH, request.notes)
        : await client.get(readPath(request), request.op === 'leads.read' ? { ifModifiedSince: request.ifModifiedSince } : {});
    return { [TAB_MARK]: 1, origin: env.origin, ok: true, body: body ?? null };
  } catch (error) {
    return { [TAB_MARK]: 1, origin: env.origin, ok: false, error: errorAnswer(error) };
  }
}

function errorAnswer(error: unknown): Extract<TabAnswer, { ok: false }>['error'] {
  if (!isApiError(error))
    return {
      kind: 'network',
      status: 0,
      message: cut(error instanceof Error ? error.message : String(error)),
      retryAfterMs: null,
      body: null,
    };
  return {
    kind: error.kind,
    status: Number.isSafeInteger(error.status) && error.status >= 0 && error.status <= 599 ? error.status : 0,
    message: cut(error.message),
    retryAfterMs: typeof error.detail.retryAfterMs === 'number' ? Math.max(0, Math.round(error.detail.retryAfterMs)) : null,
    body: plainOrNull(error.detail.body),
  };
}

const cut = (s: string) => s.slice(0, 500);

/** A refusal's body goes back only as JSON data (a 400's validation errors). */
function plainOrNull(body: unknown): unknown {
  try {
    return body === undefined ? null : (JSON.parse(JSON.stringify(body)) as unknown);
  } catch {
    return null;
  }
}
