// The browser's one request budget per amoCRM account, held by the worker
// (lib/amocrm/request-budget.ts): the permits the amoCRM tabs ask for before each request, and the
// buckets of the worker's own requests with a token. A tab gets permits of its own account only
// (the router names it from the sender's URL: the message carries no account), so a page cannot
// spend another account's budget; and only this extension's content scripts reach the worker at
// all (no `externally_connectable`), so a hostile page cannot drain it.
import { abortableSleep } from '../amocrm/client';
import { accountBudgets, budgetBucket, type Bucket } from '../amocrm/request-budget';
import type { Clock } from '../amocrm/rate-limit';
import { HandlerError } from '../messaging/errors';
import type { Handlers } from '../messaging/router';

export function createBudget(clock: Clock = { now: () => Date.now() }) {
  const budgetOf = accountBudgets(clock);
  const handlers: Pick<Handlers, 'amocrm.permit'> = {
    'amocrm.permit': async (_payload, { sender }) => {
      if (sender.kind !== 'content' || sender.site !== 'amocrm')
        throw new HandlerError('forbidden', 'amocrm.permit is for the amoCRM tabs of an account');
      return budgetOf(`https://${sender.host}`).take();
    },
  };
  return {
    /** The bucket of the worker's own requests to `origin` (with a token). */
    bucket: (origin: string): Bucket => budgetBucket(budgetOf(origin), abortableSleep),
    handlers,
  };
}
