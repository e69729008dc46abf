import { fileURLToPath } from 'node:url'
import type { ActionRunOptions } from '../scripts/action-runner.js'

/**
 * What users choose between: this action, polling or streaming, and what they do today
 * without it (bench/contenders/). Each runs as a whole process, the way a runner runs a step,
 * with the same inputs.
 */
export interface Contender {
  name: string
  /** How the step is started: the bundle under `node`, or another program. */
  step: (
    node: string
  ) => Pick<ActionRunOptions, 'command' | 'node' | 'env'> & { extra?: Record<string, string> }
}

const contender = (file: string): string =>
  fileURLToPath(new URL(`./contenders/${file}`, import.meta.url))

export const CONTENDERS: Contender[] = [
  { name: 'this action, polling', step: node => ({ node }) },
  { name: 'this action, streaming', step: node => ({ node, extra: { stream: 'true' } }) },
  {
    name: 'fixed 5 s poll (node)',
    step: node => ({ command: [node, contender('fixed-poll.mjs')], env: { POLL_SECONDS: '5' } })
  },
  {
    name: '10 s curl loop (bash)',
    step: () => ({ command: ['bash', contender('curl-loop.sh')], env: { POLL_SECONDS: '10' } })
  }
]
