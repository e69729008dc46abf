import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { runAction } from '../../scripts/action-runner.js'
import { actionNodes } from '../helpers/action-nodes.js'
import {
  ACTIONS_LOGIN,
  ACTIONS_TOKEN,
  startFakeGitHub,
  type FakeGitHub
} from '../../simulator/fake-github.js'
import { REVIEW_FINDINGS, REVIEW_PULL } from '../../simulator/findings.js'
import { KEY, useSimulator } from '../helpers/platform.js'
import { commandViolations } from '../helpers/step.js'

// Findings as annotations and one pull-request review, as the runner runs the action:
// dist/index.js under Node 20 and 24, against the simulator's review scenario and a fake GitHub.

const sim = useSimulator()
const FORK_TOKEN = 'ghs_fork'
let github: FakeGitHub
let dir: string
let eventPath: string

beforeAll(async () => {
  github = await startFakeGitHub({
    tokens: { [ACTIONS_TOKEN]: ACTIONS_LOGIN, [FORK_TOKEN]: ACTIONS_LOGIN },
    readOnlyTokens: [FORK_TOKEN]
  })
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'review-e2e-'))
  eventPath = path.join(dir, 'event.json')
  await fs.writeFile(
    eventPath,
    JSON.stringify({ pull_request: { number: 3, head: { sha: REVIEW_PULL.headSha } } })
  )
})
afterAll(async () => {
  await github.close()
  await fs.rm(dir, { recursive: true, force: true })
})
beforeEach(() => {
  github.reset()
  github.seedPull('octo', 'repo', 3, REVIEW_PULL)
})

const step = (node: string, token = ACTIONS_TOKEN) =>
  runAction({
    node,
    inputs: {
      'api-key': KEY,
      'base-url': sim.url,
      'workflow-id': 'wf-review',
      inputs: 'question: review this diff',
      'poll-interval': '0.2',
      findings: 'both',
      'fail-on-findings': 'error',
      'github-token': token
    },
    env: {
      GITHUB_REPOSITORY: 'octo/repo',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_API_URL: github.url
    }
  })

describe.each(actionNodes())(
  'findings: both, dist/index.js under Node $version',
  ({ path: node }) => {
    it('annotates, posts one review, and then fails on the error finding', async () => {
      const result = await step(node)
      const log = result.stdout + result.stderr
      expect(commandViolations(result.stdout, KEY, ACTIONS_TOKEN)).toEqual([])
      const [review, ...more] = github.reviews('octo', 'repo', 3)
      expect(more).toHaveLength(0)
      expect(review?.event).toBe('COMMENT')
      expect(review?.commit_id).toBe(REVIEW_PULL.headSha)
      const inDiff = REVIEW_FINDINGS.filter(f => f.inDiff)
      expect(review?.comments.map(c => `${c.path}:${c.line}`)).toEqual(
        inDiff.map(f => `${f.path}:${f.end_line ?? f.line}`)
      )
      for (const listed of REVIEW_FINDINGS.filter(f => !f.inDiff)) {
        expect(review?.body).toContain(`\`${listed.path}:${listed.line}\``)
      }
      expect(log).toMatch(/^::error title=[^,]+,file=src\/auth\/session\.ts,line=\d+/m)
      expect(result.outputs['findings-count']).toBe(String(REVIEW_FINDINGS.length))
      expect(result.exitCode).toBe(1)
      expect(log).toMatch(
        /::error::1 of \d+ finding\(s\) are at error \(fail-on-findings: error\)\./
      )
      // The card's table is in the summary.
      expect(result.summary).toContain('<code>src/auth/session.ts:')

      // A re-run on the same head posts nothing new.
      const again = await step(node)
      expect(github.reviews('octo', 'repo', 3)).toHaveLength(1)
      expect(again.stdout).toContain('are on #3 already, from an earlier run: no new review.')
    })

    it('warns, naming the fix, when the token is a fork’s read-only one', async () => {
      const result = await step(node, FORK_TOKEN)
      expect(github.reviews('octo', 'repo', 3)).toHaveLength(0)
      expect(result.stdout).toContain(
        '::warning::Could not post the review on #3 (HTTP 403: Resource not accessible by integration). Give the job `permissions: pull-requests: write`.'
      )
      // The outcome is the findings' gate, not the review's.
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toMatch(/are at error \(fail-on-findings: error\)/)
    })
  }
)
