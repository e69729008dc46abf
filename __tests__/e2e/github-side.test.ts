import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { runAction, startAction, type ActionRunResult } from '../../scripts/action-runner.js'
import { actionNodes } from '../helpers/action-nodes.js'
import { ACTIONS_TOKEN, startFakeGitHub, type FakeGitHub } from '../../simulator/fake-github.js'
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js'
import { closedPort } from '../helpers/loopback.js'
import { KEY, useSimulator } from '../helpers/platform.js'

// The GitHub side as the runner runs it, dist/index.js under Node 20 and 24: a GitHub that never
// answers, an answer built to exhaust memory, and proxies that fail (issue 13, items 5, 6, 9).

const sim = useSimulator()
let github: FakeGitHub
let authProxy: ForwardProxy
let dir: string
let eventPath: string

beforeAll(async () => {
  github = await startFakeGitHub()
  authProxy = await startForwardProxy({ auth: { username: 'ci', password: 'right-password' } })
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'github-side-'))
  eventPath = path.join(dir, 'event.json')
  await fs.writeFile(eventPath, JSON.stringify({ pull_request: { number: 7 } }))
})
afterAll(async () => {
  await Promise.all([github.close(), authProxy.close()])
  await fs.rm(dir, { recursive: true, force: true })
})
beforeEach(() => {
  github.reset()
  authProxy.reset()
})

const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  'api-key': KEY,
  'base-url': sim.url,
  'workflow-id': 'wf-gh',
  inputs: 'question: review',
  'poll-interval': '0.2',
  ...extra
})

const commenting = (extra: Record<string, string> = {}) =>
  inputs({ comment: 'true', 'github-token': ACTIONS_TOKEN, ...extra })

const githubEnv = (): Record<string, string> => ({
  GITHUB_REPOSITORY: 'octo/repo',
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: eventPath,
  GITHUB_API_URL: github.url,
  RUNNER_DEBUG: '1'
})

/** The step's own peak RSS, from its debug line. */
function peakMiB(result: ActionRunResult): number {
  const line = /peak memory: ([\d.]+) MiB/.exec(result.stdout)
  if (!line) throw new Error(`no peak memory line in: ${result.stdout.slice(-2000)}`)
  return Number(line[1])
}

// A 3,000-column header over 4,000 one-cell rows: 27 KB that GFM pads to 12 million cells.
const TABLE_ANSWER = `|${' h |'.repeat(3000)}\n|${'---|'.repeat(3000)}\n${'| x |\n'.repeat(4000)}`

describe.each(actionNodes())(
  'the GitHub side, dist/index.js under Node $version',
  ({ path: node }) => {
    it('5. stops commenting at once on SIGINT while GitHub holds every request open', async () => {
      sim.configure({ workflows: { 'wf-gh': { run: { durationMs: 100, output: 'answer' } } } })
      github.injectFault({ status: 200, hang: true, times: 100 })
      const step = await startAction({ inputs: commenting(), node, env: githubEnv() })
      const giveUp = Date.now() + 20_000
      while (github.requests.length === 0) {
        if (Date.now() > giveUp) throw new Error('the step never asked GitHub')
        await new Promise(resolve => setTimeout(resolve, 20))
      }
      const signalled = Date.now()
      step.child.kill('SIGINT')
      const result = await step.done
      // Well inside the 7.5 s the runner gives a cancelled step, not the 60 s of the budget.
      expect(Date.now() - signalled).toBeLessThan(3_750)
      // The run finished before the signal: the step ends as the run did, its outputs stand.
      expect(result.exitCode).toBe(0)
      expect(result.outputs['status']).toBe('completed')
      expect(result.outputs['output']).toBe('answer')
      expect(result.stdout).toMatch(/::warning::Could not comment on #7 \(.*cancelled/)
    })

    it('6. renders a 27 KB table answer within ~50 MiB of a small answer’s peak, as text', async () => {
      sim.configure({ workflows: { 'wf-gh': { run: { durationMs: 50, output: 'small answer' } } } })
      const small = await runAction({ inputs: inputs(), node, env: { RUNNER_DEBUG: '1' } })
      sim.configure({ workflows: { 'wf-gh': { run: { durationMs: 50, output: TABLE_ANSWER } } } })
      const table = await runAction({ inputs: inputs(), node, env: { RUNNER_DEBUG: '1' } })
      expect(table.exitCode).toBe(0)
      expect(table.summary).toMatch(
        /Shown as text: rendered as Markdown, its tables would have \d+ cells/
      )
      expect(Buffer.byteLength(table.summary)).toBeLessThanOrEqual(900 * 1024)
      expect(peakMiB(table) - peakMiB(small)).toBeLessThan(50)
    })

    it.each([
      ['HTTP_PROXY', () => sim.url],
      ['HTTPS_PROXY', () => 'https://platform.invalid']
    ])(
      '9. names a dead %s, and the fix, instead of blaming the platform',
      async (variable, baseUrl) => {
        const port = await closedPort()
        const result = await runAction({
          inputs: inputs({ 'base-url': baseUrl(), retries: '1' }),
          node,
          env: { [variable]: `http://ci:pw-12345@127.0.0.1:${port}` }
        })
        expect(result.exitCode).toBe(1)
        expect(result.outputs['error']).toMatch(
          new RegExp(
            `^Could not reach the proxy at 127\\.0\\.0\\.1:${port} \\(${variable}\\) \\(ECONNREFUSED.*nothing was sent to the platform\\. Check ${variable} and NO_PROXY`
          )
        )
        expect(result.outputs['error']).not.toMatch(/base-url|run may have started|pw-12345/)
        expect(sim.requests).toHaveLength(0)
      }
    )

    it('9. refuses a proxy variable that is not a URL, naming it, and takes host:port as curl does', async () => {
      const refused = await runAction({
        inputs: inputs(),
        node,
        env: { http_proxy: 'ftp://proxy.corp:21' }
      })
      expect(refused.exitCode).toBe(1)
      expect(refused.outputs['error']).toMatch(
        /^http_proxy is not a proxy URL \("ftp:\/\/proxy\.corp:21"\): write it as http:\/\/host:port/
      )
      expect(sim.requests).toHaveLength(0)
      sim.configure({ workflows: { 'wf-gh': { run: { durationMs: 50, output: 'through' } } } })
      const address = new URL(authProxy.urlWithAuth)
      const bare = `ci:right-password@${address.host}`
      const through = await runAction({ inputs: inputs(), node, env: { HTTP_PROXY: bare } })
      expect(through.exitCode).toBe(0)
      expect(authProxy.requests.length).toBeGreaterThan(0)
    })

    it('9. knows that a request the proxy refused (407) never reached the platform', async () => {
      const wrong = authProxy.urlWithAuth.replace('right-password', 'wrong-password')
      const result = await runAction({ inputs: inputs(), node, env: { HTTP_PROXY: wrong } })
      expect(result.exitCode).toBe(1)
      expect(result.outputs['error']).toMatch(
        /^The proxy at 127\.0\.0\.1:\d+ \(HTTP_PROXY\) asked for credentials \(HTTP 407\) and refused the request; nothing reached the platform/
      )
      expect(result.outputs['error']).not.toMatch(/run may have started|wrong-password/)
      expect(sim.requests).toHaveLength(0)
      expect(authProxy.requests.length).toBeGreaterThan(0)
    })
  }
)
