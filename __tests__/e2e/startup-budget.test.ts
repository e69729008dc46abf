import { spawnSync } from 'node:child_process'
import { promises as fs, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { actionNodes } from '../helpers/action-nodes.js'
import { KEY } from '../helpers/platform.js'
import { closedPort } from '../helpers/loopback.js'

// What the committed bundle loads before it fails on a missing input, and before its first
// request: start-up time follows what a run evaluates (BENCHMARKS.md), so it has a budget, and
// this test fails when the code loaded at start-up grows past it.

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))
const TRACE = fileURLToPath(new URL('../helpers/load-trace.mjs', import.meta.url))

/** Bytes of the bundle's files a step may load, recorded with some room (dist/ today: ~0.1 and ~0.7 MB). */
const BUDGET = { 'missing input': 160 * 1024, 'first request': 900 * 1024 }
/** Built-in modules a step must not load: the HTTP stack, child processes, Node's own undici. */
const HEAVY = /^(https?|http2|tls|zlib|child_process|internal\/deps\/undici\/.*)$/
/** Before its first request a step needs the network, but never Node's undici or a child process. */
const HEAVY_FOR_REQUEST = /^(child_process|internal\/deps\/undici\/.*)$/

let dir: string
let refusingPort: number
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'startup-budget-'))
  refusingPort = await closedPort()
})
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

async function loadsOf(node: string, inputs: Record<string, string>) {
  const trace = path.join(dir, `trace-${Math.random().toString(36).slice(2)}`)
  const files = ['output', 'state', 'summary'].map(name => path.join(dir, name))
  await Promise.all(files.map(file => fs.writeFile(file, '')))
  const [output = '', state = '', summary = ''] = files
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: output,
    GITHUB_STATE: state,
    GITHUB_STEP_SUMMARY: summary,
    LOAD_TRACE_FILE: trace
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const run = spawnSync(node, ['--import', TRACE, path.join(DIST, 'index.js')], {
    env,
    stdio: 'ignore'
  })
  expect(run.status).toBe(1)
  const lines = (await fs.readFile(trace, 'utf8')).split('\n')
  const bundle = lines
    .filter(line => line.startsWith('file ') && line.includes('/dist/'))
    .map(line => fileURLToPath(line.slice('file '.length)))
  const builtins = lines.filter(line => line.startsWith('builtin ')).map(line => line.slice(8))
  return { bytes: bundle.reduce((sum, file) => sum + statSync(file).size, 0), bundle, builtins }
}

describe.each(actionNodes())('start-up of dist/index.js under Node $version', ({ path: node }) => {
  it('fails on a missing input within its budget, with no HTTP stack and no child process', async () => {
    const loads = await loadsOf(node, {})
    expect(loads.bytes).toBeLessThanOrEqual(BUDGET['missing input'])
    expect(loads.builtins.filter(name => HEAVY.test(name))).toEqual([])
  })

  it('reaches its first request within its budget, without Node’s own undici', async () => {
    const loads = await loadsOf(node, {
      'api-key': KEY,
      'base-url': `http://127.0.0.1:${refusingPort}`,
      'workflow-id': 'wf-budget',
      retries: '0',
      summary: 'false'
    })
    expect(loads.bytes).toBeLessThanOrEqual(BUDGET['first request'])
    expect(loads.builtins.filter(name => HEAVY_FOR_REQUEST.test(name))).toEqual([])
    // And none of what only a comment or a Markdown card needs.
    expect(loads.bundle.map(file => path.basename(file)).join(' ')).not.toMatch(/micromark|octokit/)
  })
})
