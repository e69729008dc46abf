export { startSimulator } from './server.js'
export { DEMO_KEY, DEMO_WORKFLOW_ID, DEFAULT_ERROR } from './scenario.js'
export type {
  Fault,
  FaultRoute,
  InputSpec,
  RecordedRequest,
  ResponseVariant,
  RunOutcome,
  RunScript,
  RunStatus,
  Scope,
  SimRun,
  Simulator,
  SimulatorOptions,
  StreamOptions,
  WorkflowSpec
} from './types.js'
