// Contender: what the common dispatch-and-wait actions do. Triggers the workflow, then gets the
// run at a fixed interval until it ends; no retries, no backoff, no timeout of its own.
// Inputs as the runner passes `with:` inputs: INPUT_API-KEY, INPUT_BASE-URL, INPUT_WORKFLOW-ID,
// INPUT_INPUTS (a JSON list). POLL_SECONDS (default 5) sets the interval.
import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

/** @typedef {{ run_id: string | number, status: string, output?: unknown, error?: string }} Run */

/** @param {string} name */
const input = name => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim()
const intervalMs = Number(process.env.POLL_SECONDS ?? '5') * 1000
const api = `${input('base-url').replace(/\/+$/, '')}/api/v1/apps/workflow-execution`
const headers = { Authorization: `Bearer ${input('api-key')}`, Accept: 'application/json' }
const TERMINAL = ['completed', 'failed', 'cancelled']

/**
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string }} init
 * @returns {Promise<Run>}
 */
async function request(url, init = {}) {
  const response = await fetch(url, { ...init, headers: { ...headers, ...init.headers } })
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status}`)
  return /** @type {Promise<Run>} */ (response.json())
}

/** @param {string} name @param {string} value */
function setOutput(name, value) {
  const delimiter = `ghadelimiter_${randomUUID()}`
  appendFileSync(process.env.GITHUB_OUTPUT ?? '', `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
}

try {
  let run = await request(`${api}/trigger`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      workflow_configuration_id: input('workflow-id'),
      inputs: /** @type {unknown} */ (JSON.parse(input('inputs') || '[]'))
    })
  })
  const runId = String(run.run_id)
  console.log(`Started run ${runId} (${run.status})`)
  while (!TERMINAL.includes(run.status)) {
    await sleep(intervalMs)
    run = await request(`${api}/runs/${encodeURIComponent(runId)}`)
    console.log(`Run ${runId}: ${run.status}`)
  }
  const output = run.output ?? ''
  setOutput('status', run.status)
  setOutput('run-id', runId)
  setOutput('output', typeof output === 'string' ? output : JSON.stringify(output))
  if (run.status !== 'completed') {
    console.log(`::error::Run ${runId} ${run.status}: ${run.error ?? ''}`)
    process.exitCode = 1
  }
} catch (error) {
  console.log(`::error::${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
