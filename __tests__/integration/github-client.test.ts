import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { connectToGitHub, describeGitHubFailure } from '../../src/action/github/client.js'
import { ACTIONS_TOKEN, startFakeGitHub, type FakeGitHub } from '../../simulator/fake-github.js'
import { recordingLogger } from '../helpers/platform.js'

// The GitHub client on the action's own transport, against a fake GitHub that never answers:
// every attempt has a timeout, all of them one budget, and the step's signal stops them at once.

let github: FakeGitHub
beforeAll(async () => {
  github = await startFakeGitHub()
})
afterAll(async () => {
  await github.close()
})
beforeEach(() => github.reset())

function connect(options: { budgetMs: number; requestTimeoutMs: number; signal?: AbortSignal }) {
  return connectToGitHub({
    apiUrl: new URL(github.url),
    token: ACTIONS_TOKEN,
    logger: recordingLogger(),
    signal: options.signal,
    budgetMs: options.budgetMs,
    requestTimeoutMs: options.requestTimeoutMs
  })
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('the request succeeded')
}

const list = { owner: 'octo', repo: 'repo', issue_number: 7 }

describe('a GitHub that never answers', () => {
  it('times out each attempt and gives up when the budget is spent', async () => {
    github.injectFault({ status: 200, hang: true, times: 100 })
    const connection = connect({ budgetMs: 3_000, requestTimeoutMs: 200 })
    const started = Date.now()
    const error = await failureOf(connection.octokit.rest.issues.listComments(list))
    const elapsed = Date.now() - started
    await connection.close()
    // It ends with the budget, not with the 300 s undici would wait (slack for a busy machine).
    expect(elapsed).toBeGreaterThanOrEqual(2_000)
    expect(elapsed).toBeLessThan(3_000 + 5_000)
    // Reading is safe to repeat: more than one attempt fitted in the budget.
    expect(github.requests.length).toBeGreaterThan(1)
    expect(describeGitHubFailure(error, connection).message).toBe(
      'GitHub did not finish answering within 3 s'
    )
  })

  it('never sends a comment twice when the first attempt got no answer', async () => {
    github.injectFault({ status: 201, hang: true, times: 100 })
    const connection = connect({ budgetMs: 3_000, requestTimeoutMs: 200 })
    await failureOf(connection.octokit.rest.issues.createComment({ ...list, body: 'hello' }))
    await connection.close()
    expect(github.requests.filter(r => r.method === 'POST')).toHaveLength(1)
  })

  it('stops at once when the step’s signal is aborted', async () => {
    github.injectFault({ status: 200, hang: true, times: 100 })
    const abort = new AbortController()
    const connection = connect({ budgetMs: 60_000, requestTimeoutMs: 10_000, signal: abort.signal })
    const request = failureOf(connection.octokit.rest.issues.listComments(list))
    setTimeout(() => abort.abort(new Error('the job was cancelled')), 200)
    const error = await request
    await connection.close()
    expect(describeGitHubFailure(error, connection).message).toMatch(/the job was cancelled/)
    expect(github.requests).toHaveLength(1)
  })
})
