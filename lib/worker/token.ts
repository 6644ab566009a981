// The amoCRM long-lived token: stored in the worker's database only; pages learn whether one is
// set, since when, and its last four characters, never the token.
import type { TokenStatus } from '../messaging/protocol';
import type { Handlers } from '../messaging/router';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';

export interface TokenDeps {
  db: () => Promise<Db>;
  now: () => number;
}

async function tokenStatus(db: Db): Promise<TokenStatus> {
  const token = await repo.getMeta(db, 'amoToken');
  return {
    set: !!token,
    setAt: token?.setAt ?? null,
    last4: token ? token.token.slice(-4) : null,
    origin: token?.origin ?? null,
  };
}

export function createTokenHandlers(deps: TokenDeps): Pick<Handlers, 'token.set' | 'token.clear' | 'token.status'> {
  return {
    'token.set': async ({ token, origin }) => {
      const db = await deps.db();
      await repo.setMeta(db, 'amoToken', { token, origin, setAt: deps.now() });
      return tokenStatus(db);
    },
    'token.clear': async () => {
      const db = await deps.db();
      await repo.deleteMeta(db, 'amoToken');
      return tokenStatus(db);
    },
    'token.status': async () => tokenStatus(await deps.db()),
  };
}
