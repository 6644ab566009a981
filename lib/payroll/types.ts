import type { Client, ClientEvent, Instant } from '../model/facts';
import type { Settings } from '../playbook/settings';

export type PayrollClient = Pick<Client, 'id' | 'name' | 'service' | 'payer' | 'managerId' | 'managerName'> & {
  lossReason?: string | null;
};

export interface PayrollInput {
  /** Calendar month in the agency zone, `YYYY-MM`. */
  month: string;
  clients: Array<{ client: PayrollClient; events: readonly ClientEvent[] }>;
  settings: Settings;
  /** Items dated after now are not counted yet (a month in progress). */
  now: Instant;
}

export type PayrollLineKind = 'base' | 'renewals' | 'losses' | 'refunds' | 'kept' | 'fines' | 'best-manager';

export interface PayrollLine {
  kind: PayrollLineKind;
  /** Tenge; negative for deductions. */
  amount: number;
  count: number;
  clientIds: string[];
  /** Russian explanation for the dashboard, e.g. «2 × 10 000 ₸ — продлили после месяца обслуживания». */
  explanation: string;
  notes?: string[];
}

export interface ManagerPayroll {
  managerId: number | null;
  managerName: string;
  lines: PayrollLine[];
  /** Sum of renewals, losses, refunds and kept: what "best manager" compares. */
  clientSum: number;
  total: number;
}

export interface PayrollReport {
  month: string;
  managers: ManagerPayroll[];
  /** Managers who got the best-manager bonus (ties all get it; none when the best sum ≤ 0). */
  bestManagerIds: Array<number | null>;
}

/** One dated payroll fact of a client (exposed for the dashboard's history view). */
export interface ClientOutcome {
  clientId: string;
  kind: 'renewal' | 'loss' | 'refund' | 'kept' | 'fine';
  /** The instant that dates it (payment, loss, end of day 10, breached deadline). */
  at: Instant;
  /** `YYYY-MM` of `at` in the agency zone: the month it lands in. */
  month: string;
}
