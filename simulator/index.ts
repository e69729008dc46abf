export { readBody, startSimulator } from './server.js'
export { DEMO_KEY } from './scenario.js'
export type { ResponseVariant, Simulator, SimulatorOptions } from './types.js'
