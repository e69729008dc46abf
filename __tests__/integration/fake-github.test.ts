import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  ACTIONS_LOGIN,
  ACTIONS_TOKEN,
  MAX_BODY,
  startFakeGitHub
} from '../../simulator/fake-github.js'
import type { FakeComment, FakeGitHub } from '../../simulator/fake-github.js'

// Why the fake GitHub has tests of its own: the comment and review tests are only as true as the
// fake's answers. These check it answers the way the real API documents (paging and Link
// headers, 422 for a body over 65,536 characters, 401/403/404, GraphQL viewer, the GHES
// prefix), so that a test of the action can trust what it is told.

const PAT = 'ghp_personal'
const TOKENS = { [ACTIONS_TOKEN]: ACTIONS_LOGIN, [PAT]: 'octocat' }
const MARKER = '<!-- sticky:report -->'

let gh: FakeGitHub

beforeAll(async () => {
  gh = await startFakeGitHub({ tokens: TOKENS })
})
afterAll(async () => {
  await gh.close()
})
beforeEach(() => gh.reset())

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = ACTIONS_TOKEN
) {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' }
  if (token !== null) headers.authorization = `token ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await response.text()
  return { response, json: (text ? JSON.parse(text) : undefined) as unknown }
}

/** The URLs of a Link header, by rel. */
function links(header: string | null): Record<string, string> {
  const found: Record<string, string> = {}
  for (const part of (header ?? '').split(', ')) {
    const match = /^<([^>]+)>; rel="(\w+)"$/.exec(part)
    if (match?.[1] && match[2]) found[match[2]] = match[1]
  }
  return found
}

const COMMENTS = '/repos/acme/widgets/issues/7/comments'

describe('listing comments', () => {
  beforeEach(() => {
    const bodies = Array.from({ length: 150 }, (_, i) => ({ body: `c${i}`, login: 'octocat' }))
    bodies[120] = { body: `${MARKER}\nold report`, login: ACTIONS_LOGIN }
    gh.seed('acme', 'widgets', 7, bodies)
  })

  it('pages 150 comments by 100 with GitHub-style Link headers', async () => {
    const first = await call(gh.url, 'GET', `${COMMENTS}?per_page=100`)
    expect(first.response.status).toBe(200)
    expect(first.json).toHaveLength(100)
    const header = first.response.headers.get('link')
    const page2 = `${gh.url}${COMMENTS}?per_page=100&page=2`
    expect(header).toBe(`<${page2}>; rel="next", <${page2}>; rel="last"`)

    const second = await call(gh.url, 'GET', page2.slice(gh.url.length))
    const comments = second.json as FakeComment[]
    expect(comments).toHaveLength(50)
    expect(links(second.response.headers.get('link'))).toEqual({
      prev: `${gh.url}${COMMENTS}?per_page=100&page=1`,
      first: `${gh.url}${COMMENTS}?per_page=100&page=1`
    })
    const marker = comments.find(c => c.body.startsWith(MARKER))
    expect(marker?.user).toEqual({ login: ACTIONS_LOGIN, id: expect.any(Number), type: 'Bot' })
    expect(marker?.html_url).toBe(
      `https://github.com/acme/widgets/pull/7#issuecomment-${marker?.id ?? 0}`
    )
    expect(gh.requests.map(r => r.path)).toEqual([
      `${COMMENTS}?per_page=100`,
      `${COMMENTS}?per_page=100&page=2`
    ])
    expect(gh.requests[0]?.headers.authorization).toBe(`token ${ACTIONS_TOKEN}`)
  })

  it('defaults to 30 a page, caps per_page at 100, and keeps ids increasing', async () => {
    const byDefault = await call(gh.url, 'GET', COMMENTS)
    const list = byDefault.json as FakeComment[]
    expect(list).toHaveLength(30)
    expect(list.map(c => c.id)).toEqual([...list.map(c => c.id)].sort((a, b) => a - b))
    expect(links(byDefault.response.headers.get('link')).last).toMatch(/page=5$/)
    const capped = await call(gh.url, 'GET', `${COMMENTS}?per_page=500`)
    expect(capped.json).toHaveLength(100)
    const [first] = list
    expect(first).toEqual({
      id: expect.any(Number),
      node_id: expect.any(String),
      body: 'c0',
      user: { login: 'octocat', id: expect.any(Number), type: 'User' },
      html_url: expect.stringMatching(/#issuecomment-\d+$/),
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      updated_at: expect.any(String)
    })
  })

  it('sends no Link header when one page holds everything', async () => {
    const { response, json } = await call(gh.url, 'GET', '/repos/acme/widgets/issues/8/comments')
    expect(json).toEqual([])
    expect(response.headers.get('link')).toBeNull()
  })
})

describe('writing comments', () => {
  it('creates a comment authored by the token’s login', async () => {
    const { response, json } = await call(gh.url, 'POST', COMMENTS, { body: 'hello' })
    expect(response.status).toBe(201)
    expect(json).toMatchObject({ body: 'hello', user: { login: ACTIONS_LOGIN, type: 'Bot' } })
    expect(gh.comments('acme', 'widgets', 7)).toEqual([json])
    expect(gh.requests[0]?.body).toBe('{"body":"hello"}')
  })

  it('updates a comment by id', async () => {
    const [seeded] = gh.seed('acme', 'widgets', 7, [
      { body: 'old', login: ACTIONS_LOGIN, created_at: '2024-01-02T03:04:05Z' }
    ])
    const { response, json } = await call(
      gh.url,
      'PATCH',
      `/repos/acme/widgets/issues/comments/${seeded?.id ?? 0}`,
      { body: 'new' }
    )
    expect(response.status).toBe(200)
    expect(json).toMatchObject({ id: seeded?.id, body: 'new', created_at: '2024-01-02T03:04:05Z' })
    expect(gh.comments('acme', 'widgets', 7).map(c => c.body)).toEqual(['new'])
  })

  it('answers 404 for an unknown comment id', async () => {
    const { response, json } = await call(
      gh.url,
      'PATCH',
      '/repos/acme/widgets/issues/comments/1',
      {
        body: 'x'
      }
    )
    expect(response.status).toBe(404)
    expect(json).toMatchObject({ message: 'Not Found' })
  })

  it('refuses a body over 65,536 characters with GitHub’s 422', async () => {
    const long = 'x'.repeat(MAX_BODY + 1)
    const created = await call(gh.url, 'POST', COMMENTS, { body: long })
    expect(created.response.status).toBe(422)
    expect(created.json).toMatchObject({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)'
        }
      ],
      documentation_url: expect.any(String)
    })
    const [seeded] = gh.seed('acme', 'widgets', 7, [{ body: 'old', login: ACTIONS_LOGIN }])
    const path = `/repos/acme/widgets/issues/comments/${seeded?.id ?? 0}`
    expect((await call(gh.url, 'PATCH', path, { body: long })).response.status).toBe(422)
    expect(
      (await call(gh.url, 'PATCH', path, { body: 'x'.repeat(MAX_BODY) })).response.status
    ).toBe(200)
  })
})

describe('identity', () => {
  it('tells the viewer’s login over GraphQL', async () => {
    const { response, json } = await call(gh.origin, 'POST', '/graphql', {
      query: 'query { viewer { login } }'
    })
    expect(response.status).toBe(200)
    expect(json).toEqual({ data: { viewer: { login: ACTIONS_LOGIN } } })
  })

  it('refuses /user to an actions token, as GitHub does for GITHUB_TOKEN', async () => {
    const refused = await call(gh.url, 'GET', '/user')
    expect(refused.response.status).toBe(403)
    expect(refused.json).toMatchObject({ message: 'Resource not accessible by integration' })
    const allowed = await call(gh.url, 'GET', '/user', undefined, PAT)
    expect(allowed.response.status).toBe(200)
    expect(allowed.json).toMatchObject({ login: 'octocat' })
  })

  it('answers 401 to an unknown or missing token', async () => {
    for (const token of ['ghs_wrong', null]) {
      const { response, json } = await call(gh.url, 'GET', COMMENTS, undefined, token)
      expect(response.status).toBe(401)
      expect(json).toMatchObject({ message: 'Bad credentials' })
    }
  })

  it('takes a Bearer token too', async () => {
    const response = await fetch(gh.url + COMMENTS, {
      headers: { authorization: `Bearer ${ACTIONS_TOKEN}` }
    })
    expect(response.status).toBe(200)
  })
})

describe('injected faults', () => {
  it('answers the next matching request with the fault, then behaves again', async () => {
    const forbidden = {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '403'
    }
    gh.injectFault({ status: 403, body: forbidden, method: 'POST', path: /\/comments$/ })
    expect((await call(gh.url, 'GET', COMMENTS)).response.status).toBe(200)
    const failed = await call(gh.url, 'POST', COMMENTS, { body: 'hello' })
    expect(failed.response.status).toBe(403)
    expect(failed.json).toEqual(forbidden)
    expect(gh.comments('acme', 'widgets', 7)).toEqual([])
    expect((await call(gh.url, 'POST', COMMENTS, { body: 'hello' })).response.status).toBe(201)
  })

  it('lasts for `times` requests', async () => {
    gh.injectFault({ status: 502, body: { message: 'Server Error' }, times: 2 })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await call(gh.url, 'GET', COMMENTS)).response.status)
    expect(statuses).toEqual([502, 502, 200])
  })
})

describe('a GitHub Enterprise Server prefix', () => {
  it('serves the REST API under /api/v3 and GraphQL at /api/graphql', async () => {
    const ghes = await startFakeGitHub({ prefix: '/api/v3', tokens: TOKENS })
    try {
      expect(ghes.url).toBe(`${ghes.origin}/api/v3`)
      expect(ghes.graphqlUrl).toBe(`${ghes.origin}/api/graphql`)
      ghes.seed(
        'acme',
        'widgets',
        7,
        Array.from({ length: 31 }, (_, i) => ({ body: `c${i}`, login: 'octocat' }))
      )
      const listed = await call(ghes.url, 'GET', COMMENTS)
      expect(listed.response.status).toBe(200)
      expect(links(listed.response.headers.get('link')).next).toBe(
        `${ghes.origin}/api/v3${COMMENTS}?page=2`
      )
      const viewer = await call(ghes.origin, 'POST', '/api/graphql', {
        query: 'query { viewer { login } }'
      })
      expect(viewer.json).toEqual({ data: { viewer: { login: ACTIONS_LOGIN } } })
      expect((await call(ghes.origin, 'GET', COMMENTS)).response.status).toBe(404)
    } finally {
      await ghes.close()
    }
  })
})

describe('pull requests and reviews', () => {
  const PULL = '/repos/acme/widgets/pulls/7'
  const PATCH =
    '@@ -1,2 +1,3 @@\n line one\n+added two\n line three\n@@ -10,1 +11,1 @@\n-x\n+eleven'
  beforeEach(() => {
    gh.seedPull('acme', 'widgets', 7, {
      headSha: 'head123',
      files: [
        { filename: 'src/a.ts', patch: PATCH },
        { filename: 'logo.png' },
        ...Array.from({ length: 120 }, (_, i) => ({
          filename: `f${i}.ts`,
          patch: '@@ -1 +1 @@\n+x'
        }))
      ]
    })
  })

  it('tells the head and pages the changed files, a binary one without a patch', async () => {
    const pull = await call(gh.url, 'GET', PULL)
    expect(pull.json).toMatchObject({ number: 7, head: { sha: 'head123' } })
    const first = await call(gh.url, 'GET', `${PULL}/files?per_page=100`)
    const files = first.json as Array<{ filename: string; patch?: string }>
    expect(files).toHaveLength(100)
    expect(files[1]).toEqual({ filename: 'logo.png', status: 'modified' })
    expect(links(first.response.headers.get('link')).next).toMatch(/page=2$/)
  })

  it('takes a review whose comments are on head-side lines of the diff', async () => {
    const { response } = await call(gh.url, 'POST', `${PULL}/reviews`, {
      commit_id: 'head123',
      event: 'COMMENT',
      body: 'summary',
      comments: [
        { path: 'src/a.ts', line: 2, side: 'RIGHT', body: 'on the added line' },
        {
          path: 'src/a.ts',
          start_line: 1,
          line: 3,
          side: 'RIGHT',
          start_side: 'RIGHT',
          body: 'a range'
        },
        { path: 'src/a.ts', line: 11, side: 'RIGHT', body: 'second hunk' }
      ]
    })
    expect(response.status).toBe(200)
    const [review] = gh.reviews('acme', 'widgets', 7)
    expect(review).toMatchObject({ event: 'COMMENT', body: 'summary', commit_id: 'head123' })
    expect(gh.reviewComments('acme', 'widgets', 7).map(c => [c.line, c.start_line])).toEqual([
      [2, null],
      [3, 1],
      [11, null]
    ])
    const listed = await call(gh.url, 'GET', `${PULL}/comments?per_page=100`)
    expect(listed.json).toHaveLength(3)
  })

  it.each([
    ['a line outside every hunk', { path: 'src/a.ts', line: 6 }],
    ['a removed line’s number', { path: 'src/a.ts', line: 10 }],
    ['a range across the gap', { path: 'src/a.ts', start_line: 3, line: 11 }],
    ['a file the pull request did not change', { path: 'other.ts', line: 1 }],
    ['a binary file', { path: 'logo.png', line: 1 }]
  ])('refuses the whole review with a 422 for %s', async (_, comment) => {
    const { response, json } = await call(gh.url, 'POST', `${PULL}/reviews`, {
      event: 'COMMENT',
      body: 'b',
      comments: [{ side: 'RIGHT', body: 'x', ...comment }]
    })
    expect(response.status).toBe(422)
    expect(json).toMatchObject({
      errors: ['Pull request review thread line must be part of the diff']
    })
    expect(gh.reviews('acme', 'widgets', 7)).toEqual([])
  })

  it('answers 404 for a pull request it does not have', async () => {
    const { response } = await call(gh.url, 'GET', '/repos/acme/widgets/pulls/8/files')
    expect(response.status).toBe(404)
  })
})
