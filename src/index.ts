// The action's entrypoint (runs.main): nothing here but the call, so that tests can import run().
import { run } from './action/main.js'

await run()
