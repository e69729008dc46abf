// The entry point of the main step (runs.main). The post step has an entry of its own
// (post.ts, runs.post) that loads nothing of this one, so that it cannot start a run.
import { run } from './main.js'

await run()
