import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  ACTIONS_LOGIN,
  ACTIONS_TOKEN,
  startFakeGitHub,
  type FakeGitHub
} from '../../simulator/fake-github.js'
import { renderGfm } from '../helpers/gfm.js'
import { runInProcess } from '../helpers/in-process.js'
import { KEY, useSimulator } from '../helpers/platform.js'

// The run card as a sticky pull-request comment, against a fake GitHub REST API on 127.0.0.1.

const sim = useSimulator()
let github: FakeGitHub
let ghes: FakeGitHub
let dir: string

beforeAll(async () => {
  github = await startFakeGitHub()
  ghes = await startFakeGitHub({ prefix: '/api/v3' })
})
afterAll(async () => {
  await github.close()
  await ghes.close()
})
beforeEach(async () => {
  github.reset()
  ghes.reset()
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'comment-test-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

const PR = 7

async function eventEnv(
  event: { name: string; payload: unknown },
  api: FakeGitHub = github
): Promise<Record<string, string>> {
  const eventPath = path.join(dir, 'event.json')
  await fs.writeFile(eventPath, JSON.stringify(event.payload))
  return {
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: 'abc123',
    GITHUB_API_URL: api.url
  }
}

const pullRequest: { name: string; payload: unknown } = {
  name: 'pull_request',
  payload: { pull_request: { number: PR } }
}

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': KEY,
    'base-url': sim.url,
    'workflow-id': 'wf-review',
    inputs: 'question: review it',
    'poll-interval': '0.2',
    comment: 'true',
    'github-token': ACTIONS_TOKEN,
    ...extra
  }
}

function workflow(output: string, id = 'wf-review'): void {
  sim.configure({ workflows: { [id]: { run: { durationMs: 100, output } } } })
}

async function step(extra: Record<string, string> = {}, event = pullRequest, api = github) {
  return runInProcess(inputs(extra), { env: await eventEnv(event, api) })
}

describe('the run card as a pull-request comment', () => {
  it('creates the comment and sets comment-url', async () => {
    workflow('## Review\n\nLooks **good**.')
    const result = await step()
    expect(result.failed).toBe(false)
    const comments = github.comments('octo', 'repo', PR)
    expect(comments).toHaveLength(1)
    expect(result.outputs['comment-url']).toBe(comments[0]!.html_url)
    expect(comments[0]!.body).toMatch(/^<!-- ai-planet-run-card workflow=wf-review key= /)
    expect(renderGfm(comments[0]!.body)).toContain('<strong>good</strong>')
    // The run's outputs are set whatever happens to the comment.
    expect(result.outputs['status']).toBe('completed')
  })

  it('updates its own comment in place on the next run', async () => {
    workflow('first answer')
    await step()
    workflow('second answer')
    const second = await step()
    const comments = github.comments('octo', 'repo', PR)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toContain('second answer')
    expect(second.outputs['comment-url']).toBe(comments[0]!.html_url)
    expect(github.requests.filter(r => r.method === 'PATCH')).toHaveLength(1)
  })

  it('keeps one comment per workflow, and per comment-key', async () => {
    workflow('review', 'wf-review')
    workflow('summary', 'wf-summary')
    await step()
    await step({ 'workflow-id': 'wf-summary' })
    await step({ 'comment-key': 'leg-2' })
    await step()
    const bodies = github.comments('octo', 'repo', PR).map(c => c.body)
    expect(bodies).toHaveLength(3)
    expect(bodies.filter(b => b.includes('workflow=wf-review key= '))).toHaveLength(1)
    expect(bodies.filter(b => b.includes('workflow=wf-summary key= '))).toHaveLength(1)
    expect(bodies.filter(b => b.includes('key=leg-2 '))).toHaveLength(1)
  })

  it('always makes a new comment with comment-mode create', async () => {
    workflow('answer')
    await step({ 'comment-mode': 'create' })
    await step({ 'comment-mode': 'create' })
    expect(github.comments('octo', 'repo', PR)).toHaveLength(2)
  })

  it('reads every page of comments to find its own', async () => {
    workflow('answer')
    await step()
    const [ours] = github.comments('octo', 'repo', PR)
    github.reset()
    const filler = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ body: `comment ${i}`, login: 'someone' }))
    github.seed('octo', 'repo', PR, [
      ...filler(120),
      { body: ours!.body, login: ACTIONS_LOGIN },
      ...filler(40)
    ])
    const result = await step()
    const comments = github.comments('octo', 'repo', PR)
    expect(comments).toHaveLength(161)
    expect(result.outputs['comment-url']).toBe(comments[120]!.html_url)
    const pages = github.requests.filter(r => r.method === 'GET' && r.path.includes('/comments'))
    expect(pages.length).toBe(2)
    expect(pages.every(r => r.path.includes('per_page=100'))).toBe(true)
  })

  it('never edits a comment whose marker someone else planted', async () => {
    workflow('answer')
    await step()
    const [ours] = github.comments('octo', 'repo', PR)
    github.reset()
    github.seed('octo', 'repo', PR, [{ body: ours!.body, login: 'mallory' }])
    await step()
    const comments = github.comments('octo', 'repo', PR)
    expect(comments).toHaveLength(2)
    expect(comments[0]!.user.login).toBe('mallory')
  })

  it('leaves a newer run’s card alone', async () => {
    workflow('answer')
    github.seed('octo', 'repo', PR, [
      {
        body: `<!-- ai-planet-run-card workflow=wf-review key= sha=zzz started=${Date.now() + 3_600_000} -->\n\nnewer card`,
        login: ACTIONS_LOGIN
      }
    ])
    const result = await step()
    expect(result.failed).toBe(false)
    expect(github.comments('octo', 'repo', PR)[0]!.body).toContain('newer card')
    expect(result.log).toMatch(/A newer run's card is on #7 already/)
    expect(result.outputs['comment-url']).toBeUndefined()
  })

  it('warns, without failing, when the event names no pull request', async () => {
    workflow('answer')
    const result = await step({}, { name: 'push', payload: { ref: 'refs/heads/main' } })
    expect(result.failed).toBe(false)
    expect(result.log).toMatch(/::warning::Not commenting: the push event names no pull request/)
    expect(github.requests).toHaveLength(0)
  })

  it('comments on the issue comment-on names, whatever the event', async () => {
    workflow('answer')
    const result = await step({ 'comment-on': '42' }, { name: 'push', payload: {} })
    expect(github.comments('octo', 'repo', 42)).toHaveLength(1)
    expect(result.outputs['comment-url']).toMatch(/#issuecomment-/)
  })

  it('turns a 403 into a warning that says which permission to grant', async () => {
    workflow('answer')
    github.injectFault({
      status: 403,
      method: 'POST',
      path: /\/comments$/,
      body: { message: 'Resource not accessible by integration' }
    })
    const result = await step({ 'comment-mode': 'create' })
    expect(result.failed).toBe(false)
    expect(result.outputs['status']).toBe('completed')
    expect(result.outputs['comment-url']).toBeUndefined()
    expect(result.log).toMatch(
      /::warning::Could not comment on #7 \(HTTP 403.*permissions: pull-requests: write/
    )
  })

  it('works with GitHub Enterprise Server through GITHUB_API_URL', async () => {
    workflow('answer')
    const result = await step({}, pullRequest, ghes)
    expect(ghes.comments('octo', 'repo', PR)).toHaveLength(1)
    expect(result.outputs['comment-url']).toBeDefined()
    expect(ghes.requests.some(r => r.path.startsWith('/api/graphql'))).toBe(true)
    expect(ghes.requests.every(r => r.path.startsWith('/api/'))).toBe(true)
  })

  it('keeps the token out of everything it shows', async () => {
    workflow(`the token is ${ACTIONS_TOKEN}-and-more, the key ${KEY}`)
    const result = await step({ 'github-token': ACTIONS_TOKEN })
    const body = github.comments('octo', 'repo', PR)[0]!.body
    for (const text of [body, result.summary, result.outputs['output'] ?? '']) {
      expect(text).not.toContain(ACTIONS_TOKEN)
      expect(text).not.toContain(KEY)
    }
    expect(
      result.log.replace(`::add-mask::${ACTIONS_TOKEN}`, '').replace(`::add-mask::${KEY}`, '')
    ).not.toMatch(new RegExp(`${ACTIONS_TOKEN}|${KEY}`))
  })
})
