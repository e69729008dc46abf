import { describe, it } from '@jest/globals'
import { HOSTILE_SCENARIOS, hostileInputs } from '../helpers/hostile-scenarios.js'
import { runInProcess } from '../helpers/in-process.js'
import { useSimulator } from '../helpers/platform.js'

const sim = useSimulator()

describe('a hostile server, through run()', () => {
  it.each(HOSTILE_SCENARIOS)('$name', async scenario => {
    scenario.setup(sim)
    const started = Date.now()
    const result = await runInProcess({ ...hostileInputs(sim), ...scenario.inputs })
    await scenario.check({ mode: 'in-process', elapsedMs: Date.now() - started, ...result }, sim)
  })
})
