// Runs the simulator by hand: `tsx simulator/cli.ts [--port N] [--host H] [--scenario file.json]`.
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { defaultOptions } from './scenario.js'
import { startSimulator } from './server.js'
import type { SimulatorOptions } from './types.js'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      scenario: { type: 'string' }
    }
  })
  const scenario: SimulatorOptions = values.scenario
    ? (JSON.parse(await readFile(values.scenario, 'utf8')) as SimulatorOptions)
    : {}
  const options: SimulatorOptions = { ...scenario, logRequests: true }
  if (values.port !== undefined) {
    const port = Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`--port must be a port number, got '${values.port}'`)
    }
    options.port = port
  }
  if (values.host !== undefined) options.host = values.host

  const simulator = await startSimulator(options)
  const defaults = defaultOptions()
  const keys = Object.entries(options.keys ?? defaults.keys ?? {})
  const workflows = Object.keys(options.workflows ?? defaults.workflows ?? {})
  process.stdout.write(`AI Planet simulator listening on ${simulator.url}\n`)
  for (const [key, scopes] of keys) process.stdout.write(`API key: ${key} (${scopes.join(', ')})\n`)
  process.stdout.write(`Workflows: ${workflows.join(', ')}\n`)

  const stop = (signal: NodeJS.Signals): void => {
    process.stderr.write(`${signal}: stopping the simulator\n`)
    void simulator.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
