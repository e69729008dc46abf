// The entry point of the post step (runs.post, `post-if: always()`): it can only cancel a run
// that the main step saved and did not live to settle. Bundled on its own (dist/post/), with
// nothing of the trigger path in it.
import { run } from './post-main.js'

await run()
