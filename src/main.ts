// The main step's logic as an entry of its own, exporting `run`: what GitHub's local-action
// (`npx @github/local-action run . src/main.ts .env`) loads and calls. index.ts calls it on
// the runner.
export { run } from './action/main.js'
