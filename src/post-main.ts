// The post step's logic, exporting `run`, for GitHub's local-action (`--post src/post-main.ts`).
// post.ts calls it on the runner.
export { runPost as run } from './action/post.js'
