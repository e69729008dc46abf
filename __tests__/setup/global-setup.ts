import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The Node versions the committed bundle is run under by the end-to-end tests: the runner's
 * own (`using: node24`) and Node 20, which these machines and older runners have. A version
 * this process is not is taken from ACTION_NODE_<major>, or installed once from the npm
 * registry (the `node` package) into node_modules/.cache.
 */
const ACTION_NODE_MAJORS = [20, 24] as const

const CACHE = fileURLToPath(new URL('../../node_modules/.cache/action-nodes/', import.meta.url))

// Runs once before the workers start, which inherit the environment it sets. Self-contained:
// jest loads a global setup without the module mapping that lets tests import './x.js' as TS.
// The benchmarks (bench/) use ensureActionNodes too.
export default function globalSetup(globalConfig?: {
  testPathPatterns?: { patterns?: string[] }
}): void {
  // A run limited to suites that start no bundle (`npm run test:unit`) needs no other Node.
  const patterns = globalConfig?.testPathPatterns?.patterns ?? []
  if (patterns.length > 0 && patterns.every(pattern => !/e2e|__tests__\/?$/.test(pattern))) {
    process.env.ACTION_NODES = '[]'
    return
  }
  process.env.ACTION_NODES = JSON.stringify(ensureActionNodes())
}

export function ensureActionNodes(): Array<{ version: string; path: string }> {
  return ACTION_NODE_MAJORS.map(major => {
    const binary = nodeBinary(major)
    const version = execFileSync(binary, ['--version']).toString().trim()
    if (!version.startsWith(`v${major}.`)) {
      throw new Error(`${binary} is ${version}, not Node ${major}`)
    }
    return { version, path: binary }
  })
}

function nodeBinary(major: number): string {
  if (process.versions.node.startsWith(`${major}.`)) return process.execPath
  const given = process.env[`ACTION_NODE_${major}`]
  if (given) return given
  const prefix = path.join(CACHE, String(major))
  const binary = path.join(prefix, 'node_modules', '.bin', 'node')
  if (!existsSync(binary)) {
    process.stderr.write(`Installing Node ${major} for the end-to-end tests into ${prefix}…\n`)
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `node@${major}`
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] }
    )
  }
  return binary
}
