export { computePayroll } from './compute-payroll';
export { clientOutcomes } from './client-outcomes';
export type {
  ClientOutcome,
  ManagerPayroll,
  PayrollClient,
  PayrollInput,
  PayrollLine,
  PayrollLineKind,
  PayrollReport,
} from './types';
