import { describe, it } from '@jest/globals'
import { runAction } from '../../scripts/action-runner.js'
import { actionNodes } from '../helpers/action-nodes.js'
import { HOSTILE_SCENARIOS, hostileInputs } from '../helpers/hostile-scenarios.js'
import { useSimulator } from '../helpers/platform.js'
import { fromDist } from '../helpers/step.js'

const sim = useSimulator()

describe.each(actionNodes())(
  'a hostile server, dist/index.js under Node $version',
  ({ path: node }) => {
    it.each(HOSTILE_SCENARIOS)('$name', async scenario => {
      scenario.setup(sim)
      const result = await runAction({
        inputs: { ...hostileInputs(sim), ...scenario.inputs },
        node
      })
      await scenario.check(fromDist(result), sim)
    })
  }
)
