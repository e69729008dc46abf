import { spawnSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEMO_KEY } from '../simulator/index.js'
import { closedPort } from '../__tests__/helpers/loopback.js'

const DIST_ENTRY = fileURLToPath(new URL('../dist/index.js', import.meta.url))

export interface StartupResult {
  node: string
  /** What the action was given: nothing (it fails on the missing inputs), or valid inputs. */
  case: 'missing input' | 'first request'
  /** Wall time as a multiple of a bare `node -e 0`, pair by pair. */
  ratios: number[]
  actionMs: number[]
  bareMs: number[]
}

/**
 * Start-up as a whole process, against a bare `node` that exits at once, in turns (A B A B …)
 * so that the machine's drift touches both: failing fast on a missing input (no request), and
 * with valid inputs up to the first request (to a closed loopback port, no retries).
 */
export async function measureStartup(
  nodes: Array<{ version: string; path: string }>,
  pairs: number,
  progress: (line: string) => void
): Promise<StartupResult[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-startup-'))
  try {
    const files = ['output', 'state', 'summary'].map(name => path.join(dir, name))
    await Promise.all(files.map(file => fs.writeFile(file, '')))
    const [output = '', state = '', summary = ''] = files
    const runner = { GITHUB_OUTPUT: output, GITHUB_STATE: state, GITHUB_STEP_SUMMARY: summary }
    const port = await closedPort()
    const cases = {
      'missing input': {},
      'first request': {
        'INPUT_API-KEY': DEMO_KEY,
        'INPUT_BASE-URL': `http://127.0.0.1:${port}`,
        'INPUT_WORKFLOW-ID': 'bench',
        INPUT_RETRIES: '0',
        INPUT_SUMMARY: 'false'
      }
    } as const
    const results: StartupResult[] = []
    for (const node of nodes) {
      for (const [name, inputs] of Object.entries(cases)) {
        const env = { PATH: process.env.PATH ?? '', ...runner, ...inputs }
        const result: StartupResult = {
          node: node.version,
          case: name as StartupResult['case'],
          ratios: [],
          actionMs: [],
          bareMs: []
        }
        // One of each first, uncounted: the files are in the page cache after it.
        timed(node.path, [DIST_ENTRY], env)
        timed(node.path, ['-e', '0'], env)
        for (let i = 0; i < pairs; i++) {
          const action = timed(node.path, [DIST_ENTRY], env)
          const bare = timed(node.path, ['-e', '0'], env)
          result.actionMs.push(action)
          result.bareMs.push(bare)
          result.ratios.push(action / bare)
        }
        progress(`start-up, ${name}, Node ${node.version}: done`)
        results.push(result)
      }
    }
    return results
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

function timed(node: string, args: string[], env: Record<string, string>): number {
  const started = process.hrtime.bigint()
  const result = spawnSync(node, args, { env, stdio: 'ignore' })
  if (result.error) throw result.error
  return Number(process.hrtime.bigint() - started) / 1e6
}
