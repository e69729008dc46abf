import { createServer, type IncomingHttpHeaders } from 'node:http'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  ACTIONS_TOKEN,
  MAX_BODY,
  startFakeGitHub,
  type FakeGitHub
} from '../../simulator/fake-github.js'
import { renderGfm } from '../helpers/gfm.js'
import { runInProcess } from '../helpers/in-process.js'
import { closedPort, listenOnLoopback } from '../helpers/loopback.js'
import { KEY, useSimulator } from '../helpers/platform.js'
import { liveMentions } from '../helpers/mentions.js'

// The GitHub side against a hostile GitHub API on 127.0.0.1: every request bounded, timed and
// kept on the API's origin, every message built from its answers bounded, every output redacted,
// and server text that notifies nobody (issue 13's items 1 to 4 and 10, in-process).

const sim = useSimulator()
let github: FakeGitHub
let elsewhere: { url: string; requests: IncomingHttpHeaders[]; close(): Promise<void> }
let dir: string

beforeAll(async () => {
  github = await startFakeGitHub()
  const requests: IncomingHttpHeaders[] = []
  const server = createServer((req, res) => {
    requests.push(req.headers)
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]')
  })
  const port = await listenOnLoopback(server)
  elsewhere = {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  }
})
afterAll(async () => {
  await github.close()
  await elsewhere.close()
})
beforeEach(async () => {
  github.reset()
  elsewhere.requests.length = 0
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'github-hostile-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

const PR = 7

async function step(extra: Record<string, string> = {}, env: Record<string, string> = {}) {
  const eventPath = path.join(dir, 'event.json')
  await fs.writeFile(eventPath, JSON.stringify({ pull_request: { number: PR } }))
  return runInProcess(
    {
      'api-key': KEY,
      'base-url': sim.url,
      'workflow-id': 'wf-gh',
      inputs: 'question: review it',
      'poll-interval': '0.2',
      comment: 'true',
      'github-token': ACTIONS_TOKEN,
      ...extra
    },
    {
      env: {
        GITHUB_REPOSITORY: 'octo/repo',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_SHA: 'abc123',
        GITHUB_API_URL: github.url,
        ...env
      }
    }
  )
}

function workflow(run: Record<string, unknown>): void {
  sim.configure({ workflows: { 'wf-gh': { run: { durationMs: 100, ...run } } } })
}

const warnings = (log: string): string[] =>
  log
    .split('\n')
    .filter(line => line.startsWith('::warning::'))
    .map(line => line.slice('::warning::'.length))

describe('1. a card longer than GitHub allows', () => {
  it('fits a failed run with a 70 KB error and a long output in one comment', async () => {
    workflow({
      outcome: 'failed',
      error: `${'the model failed because '.repeat(2900)}end of error`,
      output: `${'line of output\n'.repeat(5000)}`
    })
    const result = await step()
    expect(result.outputs['status']).toBe('failed')
    const [card] = github.comments('octo', 'repo', PR)
    expect(card).toBeDefined()
    expect([...card!.body].length).toBeLessThanOrEqual(MAX_BODY)
    expect(card!.body).toContain('[…]</pre>')
    expect(result.outputs['comment-url']).toBe(card!.html_url)
    expect(warnings(result.log).join('\n')).not.toMatch(/Could not/)
  })

  it('replaces the card in update mode whatever the error’s size', async () => {
    workflow({ output: 'first' })
    await step()
    workflow({ outcome: 'failed', error: 'x'.repeat(200_000) })
    const second = await step()
    const comments = github.comments('octo', 'repo', PR)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toContain('❌ failed')
    expect(second.outputs['comment-url']).toBe(comments[0]!.html_url)
  })

  it('says the card on the PR is stale when GitHub refuses the update', async () => {
    workflow({ output: 'first' })
    await step()
    github.injectFault({
      status: 422,
      method: 'PATCH',
      body: { message: 'Validation Failed', errors: [{ message: 'body is too long' }] }
    })
    workflow({ output: 'second' })
    const result = await step()
    expect(result.failed).toBe(false)
    expect(github.comments('octo', 'repo', PR)[0]!.body).toContain('first')
    expect(warnings(result.log).join('\n')).toMatch(
      /Could not update the run card on #7 \(HTTP 422: Validation Failed; body is too long\)\. The run card on #7 is still an earlier run's: it is stale\./
    )
  })
})

describe('1. the card’s budget, with inputs at their longest', () => {
  it('keeps the marker short, whatever the workflow id', async () => {
    const workflowId = '一'.repeat(7000)
    sim.configure({
      workflows: {
        [workflowId]: { run: { durationMs: 100, outcome: 'failed', error: 'e'.repeat(30_000) } }
      }
    })
    const result = await step({ 'workflow-id': workflowId })
    const [card] = github.comments('octo', 'repo', PR)
    expect(card).toBeDefined()
    expect([...card!.body].length).toBeLessThanOrEqual(MAX_BODY)
    expect(card!.body).toMatch(/^<!-- ai-planet-run-card workflow=sha256-[0-9a-f]{32} key= /)
    expect(result.outputs['comment-url']).toBe(card!.html_url)
  })
})

describe('2. the token follows no foreign link', () => {
  it('refuses a Link rel="next" to another origin, and the token never goes there', async () => {
    workflow({ output: 'answer' })
    github.injectFault({
      status: 200,
      method: 'GET',
      path: /\/comments/,
      body: [],
      headers: { link: `<${elsewhere.url}/repos/octo/repo/issues/7/comments?page=2>; rel="next"` }
    })
    const result = await step()
    expect(elsewhere.requests).toHaveLength(0)
    expect(warnings(result.log).join('\n')).toMatch(
      /GitHub named a link to another origin \(http:\/\/127\.0\.0\.1:\d+\); the action does not follow it, so that the token is not sent there/
    )
    expect(github.comments('octo', 'repo', PR)).toHaveLength(0)
    expect(result.outputs['status']).toBe('completed')
  })

  it('refuses a redirect to another origin', async () => {
    workflow({ output: 'answer' })
    github.injectFault({
      status: 307,
      method: 'POST',
      path: /\/comments$/,
      headers: { location: `${elsewhere.url}/steal` }
    })
    const result = await step({ 'comment-mode': 'create' })
    expect(elsewhere.requests).toHaveLength(0)
    expect(warnings(result.log).join('\n')).toMatch(/redirect to another origin/)
  })
})

describe('3. messages built from GitHub’s answers are bounded', () => {
  it('reduces a 168 KB HTML error page to its status line', async () => {
    workflow({ output: 'answer' })
    const page = `<!DOCTYPE html>\n<html><head><title>Unicorn!</title></head><body>${'<p>sorry</p>'.repeat(14_000)}</body></html>`
    expect(page.length).toBeGreaterThan(168_000)
    github.injectFault({
      status: 502,
      method: 'POST',
      path: /\/comments$/,
      rawBody: page,
      headers: { 'content-type': 'text/html; charset=utf-8' }
    })
    const result = await step({ 'comment-mode': 'create' })
    const [warning] = warnings(result.log)
    expect(warning).toBe('Could not comment on #7 (HTTP 502: Bad Gateway).')
    expect(result.log).not.toContain('DOCTYPE')
    // A POST that may have been received is not sent again: it could post twice.
    expect(
      github.requests.filter(r => r.method === 'POST' && r.path.endsWith('/comments'))
    ).toHaveLength(1)
  })

  it('bounds GitHub’s own message, however long', async () => {
    workflow({ output: 'answer' })
    github.injectFault({
      status: 403,
      method: 'POST',
      path: /\/comments$/,
      body: { message: `Resource not accessible ${'by integration '.repeat(20_000)}` }
    })
    const result = await step({ 'comment-mode': 'create' })
    const [warning] = warnings(result.log)
    expect(Buffer.byteLength(warning!)).toBeLessThanOrEqual(4096)
    expect(warning).toMatch(
      /^Could not comment on #7 \(HTTP 403: Resource not accessible by integration/
    )
    expect(warning).toMatch(/permissions: pull-requests: write/)
  })
})

describe('3. answers of the wrong shape', () => {
  it.each([
    [
      'text/plain markup',
      { 'content-type': 'text/plain' },
      '<!-- proxy --><html><body><h1>Access denied</h1>'
    ],
    [
      'JSON whose message is a page',
      { 'content-type': 'application/json' },
      JSON.stringify({ message: '<!DOCTYPE html><html>…' })
    ]
  ])('reduces %s to the status line', async (_, headers, rawBody) => {
    workflow({ output: 'answer' })
    github.injectFault({ status: 502, method: 'POST', path: /\/comments$/, rawBody, headers })
    const result = await step({ 'comment-mode': 'create' })
    expect(warnings(result.log)).toEqual(['Could not comment on #7 (HTTP 502: Bad Gateway).'])
  })

  it('says an invalid status is one', async () => {
    workflow({ output: 'answer' })
    github.injectFault({ status: 999, method: 'POST', path: /\/comments$/, body: {} })
    const result = await step({ 'comment-mode': 'create' })
    expect(warnings(result.log).join('\n')).toMatch(
      /GitHub answered with HTTP status 999, which is not a status/
    )
  })

  it('warns, and stays green, when GitHub names no usable comment URL', async () => {
    for (const htmlUrl of [{ a: 1 }, 5, 'x'.repeat(5_000_000), 'javascript:alert(1)']) {
      github.reset()
      workflow({ output: 'answer' })
      github.rewriteAnswers(answer =>
        answer.method === 'POST' && /\/comments$/.test(answer.path)
          ? { body: { ...(answer.body as object), html_url: htmlUrl }, headers: answer.headers }
          : answer
      )
      const result = await step({ 'comment-mode': 'create' })
      expect(result.failed).toBe(false)
      expect(result.outputs['comment-url']).toBeUndefined()
      expect(warnings(result.log).join('\n')).toMatch(/gave no usable address for it/)
    }
  })

  it('finds its card although GraphQL names a login that is not text', async () => {
    workflow({ output: 'first' })
    await step()
    github.rewriteAnswers(answer =>
      /graphql/.test(answer.path)
        ? { body: { data: { viewer: { login: 42 } } }, headers: answer.headers }
        : answer
    )
    workflow({ output: 'second' })
    await step()
    const comments = github.comments('octo', 'repo', PR)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toContain('second')
  })

  it('takes no entry of a page that is not a list for a comment', async () => {
    workflow({ output: 'answer' })
    github.injectFault({
      status: 200,
      method: 'GET',
      path: /\/comments/,
      body: { id: 1, body: 'x' }
    })
    const result = await step()
    expect(warnings(result.log).join('\n')).toMatch(/GitHub's page of comments on #7 is not a list/)
    expect(github.comments('octo', 'repo', PR)).toHaveLength(0)
  })
})

describe('4. every output is redacted', () => {
  it('keeps a key with HTML characters out of the card, however the answer spells it', async () => {
    const key = 'sk-live&0123456789'
    sim.configure({ keys: { [key]: ['trigger', 'read', 'cancel'] } })
    workflow({ output: `the key is sk-live\\&0123456789 and sk-live&#38;0123456789 and ${key}` })
    const result = await step({ 'api-key': key })
    const body = github.comments('octo', 'repo', PR)[0]!.body
    for (const card of [body, result.summary]) {
      const shown = renderGfm(card).replace(/&amp;/g, '&').replace(/&#38;/g, '&')
      expect(shown).not.toContain(key)
      expect(card).toContain('the key is ***')
    }
  })

  it('never turns a tag into *** when a short secret spells its name', async () => {
    workflow({ output: 'some `code` here' })
    const result = await step({}, { HTTP_PROXY: 'http://u:code@127.0.0.1:9', NO_PROXY: '*' })
    expect(result.summary).toContain('<code>')
    expect(result.summary).not.toContain('<***>')
  })

  it('masks the token in a comment-url GitHub sent back', async () => {
    workflow({ output: 'answer' })
    github.rewriteAnswers(answer =>
      answer.method === 'POST' && /\/comments$/.test(answer.path)
        ? {
            body: {
              ...(answer.body as object),
              html_url: `https://github.com/octo/repo/pull/7?token=${ACTIONS_TOKEN}&key=${KEY}`
            },
            headers: answer.headers
          }
        : answer
    )
    const result = await step({ 'comment-mode': 'create' })
    expect(result.outputs['comment-url']).toBe(
      'https://github.com/octo/repo/pull/7?token=***&key=***'
    )
  })
})

describe('5. GitHub’s answers are waited for within bounds', () => {
  it('retries a 429 after its Retry-After, then posts', async () => {
    workflow({ output: 'answer' })
    github.injectFault({
      status: 429,
      method: 'POST',
      path: /\/comments$/,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit' }
    })
    const started = Date.now()
    const result = await step({ 'comment-mode': 'create' })
    expect(github.comments('octo', 'repo', PR)).toHaveLength(1)
    expect(result.outputs['comment-url']).toBeDefined()
    const posts = github.requests.filter(r => r.method === 'POST' && r.path.endsWith('/comments'))
    expect(posts).toHaveLength(2)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
  })

  it('retries a listing that failed with a 502, since reading is safe to repeat', async () => {
    workflow({ output: 'answer' })
    github.injectFault({ status: 502, method: 'GET', path: /\/comments/, body: { message: 'x' } })
    const result = await step()
    expect(github.comments('octo', 'repo', PR)).toHaveLength(1)
    expect(result.outputs['comment-url']).toBeDefined()
  })
})

describe('9. a proxy in front of GitHub', () => {
  it('names the proxy, not GitHub, when the proxy cannot be reached', async () => {
    workflow({ output: 'answer' })
    const port = await closedPort()
    const result = await step(
      { 'comment-mode': 'create' },
      // The platform is reached directly; only GitHub goes through the (dead) proxy.
      { HTTP_PROXY: `http://u:proxy-pass-1@127.0.0.1:${port}`, NO_PROXY: `127.0.0.1:${sim.port}` }
    )
    expect(result.outputs['status']).toBe('completed')
    const [warning] = warnings(result.log)
    expect(warning).toMatch(
      new RegExp(
        `^Could not comment on #7 \\(Could not reach the proxy at 127\\.0\\.0\\.1:${port} \\(HTTP_PROXY\\) \\(ECONNREFUSED.*nothing was sent to the GitHub API\\. Check HTTP_PROXY and NO_PROXY`
      )
    )
    expect(result.log.replace('::add-mask::proxy-pass-1', '')).not.toContain('proxy-pass-1')
  })
})

describe('10. an AI answer notifies nobody', () => {
  const ANSWER =
    'Thanks @someone, cc @org/team-reviewers and @dependabot.\n\n' +
    '- [ ] ask @alice\n\n| who |\n|---|\n| @bob |\n\nIn code: `@actions/core` stays.'

  it('neutralises mentions in the comment and the summary, which read the same', async () => {
    workflow({ output: ANSWER })
    const result = await step()
    const body = github.comments('octo', 'repo', PR)[0]!.body
    for (const card of [body, result.summary]) {
      expect(liveMentions(renderGfm(card))).toEqual([])
      expect(card.replaceAll('\u200B', '')).toContain('Thanks @someone, cc @org/team-reviewers')
      expect(card).toContain('<code>@actions/core</code>')
    }
  })

  it('leaves them live with allow-mentions: true', async () => {
    workflow({ output: ANSWER })
    await step({ 'allow-mentions': 'true' })
    const body = github.comments('octo', 'repo', PR)[0]!.body
    expect(liveMentions(renderGfm(body))).toEqual(
      expect.arrayContaining(['@someone', '@org/team-reviewers', '@alice', '@bob'])
    )
  })
})
