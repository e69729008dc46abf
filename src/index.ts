// The action's entrypoint, for both runs.main and runs.post: main saves `isPost` at once, so
// the post step (the same file, run again after the job's steps) finds it and only cleans up,
// loading only its own code.
import * as core from '@actions/core'
import { run } from './action/main.js'
import { SAVED } from './action/saved-state.js'

if (core.getState(SAVED.isPost) === 'true') {
  const { runPost } = await import('./action/post.js')
  await runPost()
} else {
  core.saveState(SAVED.isPost, 'true')
  await run()
}
