export { computeObligations } from './compute';
export { obligationsAt } from './restate';
export { clientPhase, periodOf, type ClientPhase, type PeriodInfo } from './phase';
export type { SlaClient } from './context';
export { obligationToJson, obligationsTable, type ObligationJson } from './output';
export {
  checkExpectations,
  parseScenario,
  parseScenarioTime,
  runScenario,
  type ExpectedObligation,
  type Scenario,
  type ScenarioError,
  type ScenarioExpect,
  type ScenarioParse,
} from './scenario';
export { usernamesOf } from './rules/concept-call';
