import { afterAll, beforeAll, beforeEach } from '@jest/globals'
import {
  DEMO_KEY,
  startSimulator,
  type Simulator,
  type SimulatorOptions
} from '../../simulator/index.js'
import { Redactor } from '../../src/output/redactor.js'
import { PlatformClient, type ClientConfig } from '../../src/platform/client.js'
import { DEFAULT_PATHS } from '../../src/platform/endpoints.js'
import { systemClock } from '../../src/util/clock.js'
import type { Logger } from '../../src/util/logger.js'

/** The simulator's demo key: every suite and the demo use the same one. */
export const KEY = DEMO_KEY

/** A logger that keeps every line, so tests can assert on what would reach the job log. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    debug: message => lines.push(`debug: ${message}`),
    info: message => lines.push(`info: ${message}`),
    warning: message => lines.push(`warning: ${message}`)
  }
}

/** A real client against the simulator; `random: () => 0` makes jittered backoff instant. */
export function clientFor(
  simulator: Simulator | { url: string },
  overrides: Partial<ClientConfig> = {}
): PlatformClient {
  return new PlatformClient({
    baseUrl: new URL(simulator.url),
    apiKey: KEY,
    paths: DEFAULT_PATHS,
    retries: 3,
    logger: recordingLogger(),
    clock: systemClock,
    random: () => 0,
    redact: text => new Redactor([overrides.apiKey ?? KEY]).redact(text),
    ...overrides
  })
}

export function soon(ms = 20_000): { deadline: number } {
  return { deadline: Date.now() + ms }
}

/** The JSON body of the simulator's `index`-th recorded request (a trigger's, usually). */
export function sentBody(simulator: Simulator, index = 0): Record<string, unknown> {
  const request = simulator.requests[index]
  if (!request) throw new Error(`the simulator recorded no request ${index}`)
  return JSON.parse(request.body) as Record<string, unknown>
}

export function requestsTo(simulator: Simulator, suffix: string): number {
  return simulator.requests.filter(r => r.path.endsWith(suffix)).length
}

/**
 * One simulator for a test file: started before its tests, reset before each, closed after.
 * The returned object stands for that simulator once it runs.
 */
export function useSimulator(options: SimulatorOptions = { retryAfter: '0' }): Simulator {
  let instance: Simulator | undefined
  beforeAll(async () => {
    instance = await startSimulator(options)
  })
  afterAll(async () => {
    await instance?.close()
  })
  beforeEach(() => instance?.reset())
  return new Proxy({} as Simulator, {
    get: (_target, property) => {
      if (!instance) throw new Error('the simulator is used before beforeAll started it')
      const value: unknown = Reflect.get(instance, property)
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(instance)
        : value
    }
  })
}
