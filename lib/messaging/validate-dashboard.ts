// Payload validators of the dashboard's messages (plans, month, team sync); spread into
// ./validate.ts so the router checks them like every other message.
import { MONTH_RE } from '../dashboard/month';
import { validatePlan } from '../dashboard/plans';
import type { Checked, FieldError } from '../store/validate';
import type { RequestOf } from './protocol';

export type DashboardMessageType =
  | 'plan.today'
  | 'plans.list'
  | 'plans.save'
  | 'dashboard.month'
  | 'dashboard.best.confirm'
  | 'team.sync.start'
  | 'team.sync.status'
  | 'team.sync.cancel';

type V<T extends DashboardMessageType> = (p: Record<string, unknown>) => Checked<RequestOf<T>>;

const clientIdRe = /^[a-z0-9.-]+:\d+$/i;

function unknownKeys(p: Record<string, unknown>, keys: string[]): FieldError[] {
  return Object.keys(p)
    .filter((k) => !keys.includes(k))
    .map((k) => ({ path: `payload.${k}`, message: 'unknown field' }));
}

function clientIdOnly<T extends 'plan.today' | 'plans.list'>(p: Record<string, unknown>): Checked<RequestOf<T>> {
  const errors = unknownKeys(p, ['clientId']);
  if (typeof p.clientId !== 'string' || !clientIdRe.test(p.clientId))
    errors.push({ path: 'payload.clientId', message: 'must be `{host}:{leadId}`' });
  return errors.length ? { ok: false, errors } : { ok: true, value: { clientId: p.clientId as string } as RequestOf<T> };
}

function none<T extends DashboardMessageType>(): V<T> {
  return (p) => {
    const errors = unknownKeys(p, []);
    return errors.length ? { ok: false, errors } : { ok: true, value: {} as RequestOf<T> };
  };
}

export const dashboardValidators: { [T in DashboardMessageType]: V<T> } = {
  'dashboard.best.confirm': (p) => {
    const errors = unknownKeys(p, ['month', 'managerId']);
    if (typeof p.month !== 'string' || !MONTH_RE.test(p.month))
      errors.push({ path: 'payload.month', message: 'must be YYYY-MM' });
    if (!Number.isSafeInteger(p.managerId) || (p.managerId as number) < 0)
      errors.push({ path: 'payload.managerId', message: 'must be an amoCRM user id' });
    return errors.length
      ? { ok: false, errors }
      : { ok: true, value: { month: p.month as string, managerId: p.managerId as number } };
  },
  'plan.today': (p) => clientIdOnly<'plan.today'>(p),
  'plans.list': (p) => clientIdOnly<'plans.list'>(p),
  'plans.save': (p) => {
    const errors = unknownKeys(p, ['plan']);
    const plan = validatePlan(p.plan, 'payload.plan');
    if (!plan.ok) errors.push(...plan.errors);
    return errors.length || !plan.ok ? { ok: false, errors } : { ok: true, value: { plan: plan.value } };
  },
  'dashboard.month': (p) => {
    const errors = unknownKeys(p, ['month']);
    if (typeof p.month !== 'string' || !MONTH_RE.test(p.month))
      errors.push({ path: 'payload.month', message: 'must be YYYY-MM' });
    return errors.length ? { ok: false, errors } : { ok: true, value: { month: p.month as string } };
  },
  'team.sync.start': (p) => {
    const errors = unknownKeys(p, ['full']);
    if (p.full !== undefined && typeof p.full !== 'boolean') errors.push({ path: 'payload.full', message: 'must be a boolean' });
    return errors.length ? { ok: false, errors } : { ok: true, value: p.full === undefined ? {} : { full: p.full as boolean } };
  },
  'team.sync.status': none(),
  'team.sync.cancel': none(),
};
