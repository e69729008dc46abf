// A fake GitHub REST API on 127.0.0.1: issue comments, pull requests with their changed files,
// reviews and review comments, answered the way GitHub answers them (paging with Link headers,
// its 401, 403, 404 and 422 bodies), with fault injection. The tests' GitHub, and the demo's.
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readBody } from './index.js'

export interface FakeComment {
  id: number
  node_id: string
  body: string
  user: { login: string; id: number; type: 'Bot' | 'User' }
  html_url: string
  created_at: string
  updated_at: string
}

interface FakeReviewComment {
  id: number
  body: string
  path: string
  /** The line on the pull request's current head; GitHub sets null once the line is outdated. */
  line: number | null
  start_line: number | null
  side: 'RIGHT'
  commit_id: string
  original_commit_id: string
  user: FakeComment['user']
}

interface FakeReview {
  id: number
  body: string
  event: string
  state: string
  commit_id: string
  html_url: string
  comments: FakeReviewComment[]
  user: FakeComment['user']
}

/** A pull request's head and its changed files, as `pulls/{n}/files` gives them. */
interface SeedPull {
  headSha: string
  files: Array<{ filename: string; patch?: string }>
}

interface SeedComment {
  body: string
  login: string
  created_at?: string
}

interface RecordedRequest {
  method: string
  /** Path with the query string, prefix included. */
  path: string
  headers: IncomingHttpHeaders
  body: string
  status?: number
}

interface Fault {
  status: number
  body?: unknown
  /** Sent as it is, instead of `body` as JSON (an HTML error page, say). */
  rawBody?: string
  /** Never answer: the request is held until the client gives up or the server closes. */
  hang?: boolean
  headers?: Record<string, string>
  /** How many matching requests get this answer; 1 unless told. */
  times?: number
  method?: string
  /** Tested against the recorded path (prefix and query included); no `g` flag. */
  path?: RegExp
}

export interface FakeGitHubOptions {
  /** e.g. '/api/v3' for a GitHub Enterprise Server base URL. */
  prefix?: string
  /** token → login. */
  tokens?: Record<string, string>
  /**
   * Tokens that read but cannot write, as a pull_request run from a fork gets: every other
   * request than a read answers 403, as GitHub does.
   */
  readOnlyTokens?: string[]
}

/** Rewrites every successful answer, as a hostile GitHub (or a proxy in front of it) would. */
type AnswerRewrite = (answer: {
  method: string
  path: string
  body: unknown
  headers: Record<string, string>
}) => { body: unknown; headers: Record<string, string> }

export interface FakeGitHub {
  /** origin + prefix: Octokit's baseUrl. */
  url: string
  origin: string
  /** Where Octokit's graphql() posts for this baseUrl. */
  graphqlUrl: string
  requests: RecordedRequest[]
  comments(owner: string, repo: string, number: number): FakeComment[]
  seed(owner: string, repo: string, number: number, comments: SeedComment[]): FakeComment[]
  /**
   * A pull request to review: its head and its changed files with their patches. Seeding it
   * again is a push: reviews stay, and a review comment whose line is no longer in the diff
   * becomes outdated (GitHub's `line` null).
   */
  seedPull(
    owner: string,
    repo: string,
    number: number,
    pull: SeedPull,
    /** Where a push moved each commented line (GitHub follows the diff); null: outdated. */
    moved?: (path: string, line: number) => number | null
  ): void
  reviews(owner: string, repo: string, number: number): FakeReview[]
  reviewComments(owner: string, repo: string, number: number): FakeReviewComment[]
  injectFault(fault: Fault): void
  /** Until reset(), every 2xx answer passes through this. */
  rewriteAnswers(rewrite: AnswerRewrite): void
  reset(): void
  close(): Promise<void>
}

export const ACTIONS_TOKEN = 'ghs_test'
export const ACTIONS_LOGIN = 'github-actions[bot]'
export const MAX_BODY = 65536

type Reply = {
  status: number
  body?: unknown
  rawBody?: string
  hang?: boolean
  headers?: Record<string, string>
}

const DOCS = 'https://docs.github.com/rest'
const fail = (status: number, message: string, docs = DOCS, extra: object = {}): Reply => ({
  status,
  body: { message, ...extra, documentation_url: docs, status: String(status) }
})

// GitHub counts characters, not UTF-16 units: an emoji is one of the 65,536.
const tooLong = (body: string, docs: string): Reply | undefined =>
  body.length > MAX_BODY && [...body].length > MAX_BODY
    ? fail(422, 'Validation Failed', docs, {
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: `body is too long (maximum is ${MAX_BODY} characters)`
          }
        ]
      })
    : undefined

// Second precision, as GitHub's timestamps have.
const timestamp = (date = new Date()): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z')

// GITHUB_TOKEN and app installation tokens are `ghs_` tokens acting as a `[bot]` login.
const isAppToken = (token: string, login: string): boolean =>
  token.startsWith('ghs_') || login.endsWith('[bot]')

/**
 * The head-side lines of a patch, as GitHub resolves a review comment's `line`: context and
 * added lines inside a hunk. Written here on its own, not taken from src/, so that a mistake
 * in the action's reading is not the fake's too.
 */
function diffLines(patch: string): Set<number> {
  const lines = new Set<number>()
  let line = 0
  let inHunk = false
  for (const text of patch.split('\n')) {
    const hunk = /^@@ -[\d,]+ \+(\d+)/.exec(text)
    if (hunk) {
      line = Number(hunk[1])
      inHunk = true
    } else if (inHunk && (text.startsWith('+') || text.startsWith(' '))) {
      lines.add(line++)
    }
  }
  return lines
}

/** A review as GitHub's answers show it: its comments and the event asked for are not in it. */
function shownReview(review: FakeReview): Omit<FakeReview, 'comments' | 'event'> {
  const { id, body, state, commit_id, html_url, user } = review
  return { id, body, state, commit_id, html_url, user }
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const prefix = (options.prefix ?? '').replace(/\/+$/, '').replace(/^(?=[^/])/, '/')
  const graphqlPath = /\/api\/v3$/.test(prefix)
    ? prefix.replace(/\/v3$/, '/graphql')
    : `${prefix}/graphql`
  const tokens = options.tokens ?? { [ACTIONS_TOKEN]: ACTIONS_LOGIN }
  const readOnly = new Set(options.readOnlyTokens ?? [])
  const requests: RecordedRequest[] = []
  const threads = new Map<string, FakeComment[]>()
  const faults: Fault[] = []
  let rewrite: AnswerRewrite | undefined
  const pulls = new Map<
    string,
    SeedPull & { name: string; reviews: FakeReview[]; comments: FakeReviewComment[] }
  >()
  const held = new Set<ServerResponse>()
  const userIds = new Map<string, number>([[ACTIONS_LOGIN, 41898282]])
  // Never restarted, not even by reset(): an id from an earlier test never names a new comment.
  let nextId = 1_000_000_001
  let origin = ''

  const key = (owner: string, repo: string, number: number) =>
    `${owner}/${repo}#${number}`.toLowerCase()
  const thread = (owner: string, repo: string, number: number): FakeComment[] => {
    const k = key(owner, repo, number)
    const list = threads.get(k) ?? []
    threads.set(k, list)
    return list
  }
  const userOf = (login: string): FakeComment['user'] => {
    if (!userIds.has(login)) userIds.set(login, 1000 + userIds.size)
    return { login, id: userIds.get(login) ?? 0, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
  }
  const create = (owner: string, repo: string, number: number, seed: SeedComment) => {
    const id = nextId++
    const at = seed.created_at ?? timestamp()
    const comment: FakeComment = {
      id,
      node_id: `IC_kwDO${Buffer.from(String(id)).toString('base64url')}`,
      body: seed.body,
      user: userOf(seed.login),
      html_url: `https://github.com/${owner}/${repo}/pull/${number}#issuecomment-${id}`,
      created_at: at,
      updated_at: at
    }
    thread(owner, repo, number).push(comment)
    return comment
  }
  // GitHub answers 404 for a comment id of another repository's.
  const findComment = (owner: string, repo: string, id: number) => {
    const repoKey = `${owner}/${repo}#`.toLowerCase()
    for (const [k, list] of threads) {
      const found = k.startsWith(repoKey) ? list.find(c => c.id === id) : undefined
      if (found) return found
    }
    return undefined
  }

  const listComments = (url: URL, list: unknown[]): Reply => {
    const asked = Number(url.searchParams.get('per_page') ?? 30)
    const perPage = Number.isInteger(asked) && asked > 0 ? Math.min(asked, 100) : 30
    const askedPage = Number(url.searchParams.get('page') ?? 1)
    const page = Number.isInteger(askedPage) && askedPage > 0 ? askedPage : 1
    const last = Math.max(1, Math.ceil(list.length / perPage))
    const link = (p: number, rel: string) => {
      const target = new URL(url.pathname + url.search, origin)
      target.searchParams.set('page', String(p))
      return `<${target.href}>; rel="${rel}"`
    }
    // GitHub's order, and no Link header at all when everything fits on one page.
    const links: string[] = []
    if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'))
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'))
    const body = list.slice((page - 1) * perPage, page * perPage)
    return { status: 200, body, headers: links.length > 0 ? { link: links.join(', ') } : {} }
  }

  // As GitHub does: one comment off the diff refuses the whole review with a 422.
  const createReview = (
    pull: SeedPull & { name: string; reviews: FakeReview[]; comments: FakeReviewComment[] },
    json: Record<string, unknown> | undefined,
    login: string
  ): Reply => {
    const docs = `${DOCS}/pulls/reviews#create-a-review-for-a-pull-request`
    const given = Array.isArray(json?.comments)
      ? (json.comments as Array<Record<string, unknown>>)
      : []
    const body = typeof json?.body === 'string' ? json.body : ''
    const commitId = typeof json?.commit_id === 'string' ? json.commit_id : pull.headSha
    const tooLong = [body, ...given.map(c => (typeof c.body === 'string' ? c.body : ''))].find(
      text => [...text].length > MAX_BODY
    )
    if (tooLong !== undefined) return fail(422, 'Validation Failed', docs)
    for (const comment of given) {
      const file = pull.files.find(f => f.filename === comment.path)
      const lines = diffLines(file?.patch ?? '')
      const last = Number(comment.line)
      const first = comment.start_line === undefined ? last : Number(comment.start_line)
      const all = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i)
      if (!file || all.length === 0 || !all.every(line => lines.has(line))) {
        return fail(422, 'Unprocessable Entity', docs, {
          errors: ['Pull request review thread line must be part of the diff']
        })
      }
    }
    const user = userOf(login)
    const comments = given.map((comment): FakeReviewComment => ({
      id: nextId++,
      body: typeof comment.body === 'string' ? comment.body : '',
      path: String(comment.path),
      line: Number(comment.line),
      start_line: comment.start_line === undefined ? null : Number(comment.start_line),
      side: 'RIGHT',
      commit_id: commitId,
      original_commit_id: commitId,
      user
    }))
    const event = typeof json?.event === 'string' ? json.event : 'PENDING'
    const id = nextId++
    const review: FakeReview = {
      id,
      body,
      event,
      state: event === 'COMMENT' ? 'COMMENTED' : event === 'PENDING' ? 'PENDING' : event,
      commit_id: commitId,
      html_url: `https://github.com/${pull.name}#pullrequestreview-${id}`,
      comments,
      user
    }
    pull.reviews.push(review)
    pull.comments.push(...comments)
    return { status: 200, body: shownReview(review) }
  }

  const route = (method: string, url: URL, text: string, login: string, app: boolean): Reply => {
    const json = parseJson(text)
    const bodyOf = (docs: string): Reply | string => {
      if (text !== '' && !json) return fail(400, 'Problems parsing JSON', docs)
      const body = json?.body
      if (typeof body !== 'string')
        return fail(422, `Invalid request.\n\n"body" wasn't supplied.`, docs)
      return tooLong(body, docs) ?? body
    }
    if (url.pathname === graphqlPath && method === 'POST') {
      const query = typeof json?.query === 'string' ? json.query : ''
      if (/\bviewer\b/.test(query) && /\blogin\b/.test(query)) {
        return { status: 200, body: { data: { viewer: { login } } } }
      }
      const errors = [{ message: 'the fake GitHub answers only viewer { login }' }]
      return { status: 200, body: { errors } }
    }
    if (!url.pathname.startsWith(`${prefix}/`)) return fail(404, 'Not Found')
    const path = url.pathname.slice(prefix.length)
    if (path === '/user' && method === 'GET') {
      const docs = `${DOCS}/users/users#get-the-authenticated-user`
      if (app) return fail(403, 'Resource not accessible by integration', docs)
      return { status: 200, body: userOf(login) }
    }
    const pullRoute =
      /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)(\/files|\/comments|\/reviews)?$/.exec(path)
    if (pullRoute) {
      const [, owner = '', repo = '', number = '', what = ''] = pullRoute
      const pull = pulls.get(key(owner, repo, Number(number)))
      if (!pull) return fail(404, 'Not Found')
      if (what === '' && method === 'GET') {
        return { status: 200, body: { number: Number(number), head: { sha: pull.headSha } } }
      }
      if (what === '/files' && method === 'GET') {
        return listComments(
          url,
          pull.files.map(file => ({ status: 'modified', ...file }))
        )
      }
      if (what === '/comments' && method === 'GET') return listComments(url, pull.comments)
      if (what === '/reviews' && method === 'GET') {
        return listComments(url, pull.reviews.map(shownReview))
      }
      if (what === '/reviews' && method === 'POST') return createReview(pull, json, login)
      return fail(404, 'Not Found')
    }
    const issue = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path)
    if (issue) {
      const [, owner = '', repo = '', number = ''] = issue
      if (method === 'GET') return listComments(url, thread(owner, repo, Number(number)))
      if (method !== 'POST') return fail(404, 'Not Found')
      const body = bodyOf(`${DOCS}/issues/comments#create-an-issue-comment`)
      if (typeof body !== 'string') return body
      return { status: 201, body: create(owner, repo, Number(number), { body, login }) }
    }
    const single = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path)
    if (single && method === 'PATCH') {
      const [, owner = '', repo = '', id = ''] = single
      const docs = `${DOCS}/issues/comments#update-an-issue-comment`
      const comment = findComment(owner, repo, Number(id))
      if (!comment) return fail(404, 'Not Found', docs)
      const body = bodyOf(docs)
      if (typeof body !== 'string') return body
      Object.assign(comment, { body, updated_at: timestamp() })
      return { status: 200, body: comment }
    }
    return fail(404, 'Not Found')
  }

  const answer = (method: string, url: URL, record: RecordedRequest): Reply => {
    const index = faults.findIndex(
      f => (!f.method || f.method.toUpperCase() === method) && (!f.path || f.path.test(record.path))
    )
    const fault = faults[index]
    if (fault) {
      fault.times = (fault.times ?? 1) - 1
      if (fault.times <= 0) faults.splice(index, 1)
      return {
        status: fault.status,
        body: fault.body,
        rawBody: fault.rawBody,
        hang: fault.hang,
        headers: fault.headers
      }
    }
    const given = /^(?:token|bearer)\s+(\S+)$/i.exec(record.headers.authorization ?? '')?.[1]
    const login = given === undefined ? undefined : tokens[given]
    if (given === undefined || login === undefined) return fail(401, 'Bad credentials')
    const isRead = method === 'GET' || url.pathname === graphqlPath
    if (readOnly.has(given) && !isRead) {
      return fail(403, 'Resource not accessible by integration')
    }
    return route(method, url, record.body, login, isAppToken(given, login))
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET'
    const path = req.url ?? '/'
    const record: RecordedRequest = {
      method,
      path,
      headers: req.headers,
      body: await readBody(req)
    }
    requests.push(record)
    let reply = answer(method, new URL(path, origin), record)
    record.status = reply.status
    if (reply.hang) {
      held.add(res)
      return
    }
    if (rewrite && reply.status < 300 && reply.rawBody === undefined) {
      const rewritten = rewrite({ method, path, body: reply.body, headers: reply.headers ?? {} })
      reply = { ...reply, ...rewritten }
    }
    const text = reply.rawBody ?? (reply.body === undefined ? '' : JSON.stringify(reply.body))
    res.writeHead(reply.status, {
      ...(text && reply.rawBody === undefined
        ? { 'content-type': 'application/json; charset=utf-8' }
        : {}),
      'content-length': Buffer.byteLength(text),
      ...reply.headers
    })
    res.end(text)
  }

  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: origin + prefix,
    origin,
    graphqlUrl: origin + graphqlPath,
    requests,
    comments: (owner, repo, number) => structuredClone(threads.get(key(owner, repo, number)) ?? []),
    seed: (owner, repo, number, comments) =>
      comments.map(c => structuredClone(create(owner, repo, number, c))),
    seedPull: (owner, repo, number, pull, moved) => {
      const earlier = pulls.get(key(owner, repo, number))
      const comments = earlier?.comments ?? []
      for (const comment of comments) {
        if (comment.line === null) continue
        const file = pull.files.find(f => f.filename === comment.path)
        const line = moved ? moved(comment.path, comment.line) : comment.line
        if (line === null || !diffLines(file?.patch ?? '').has(line)) {
          comment.line = null
          comment.start_line = null
        } else {
          if (comment.start_line !== null) comment.start_line += line - comment.line
          comment.line = line
        }
      }
      pulls.set(key(owner, repo, number), {
        ...structuredClone(pull),
        name: `${owner}/${repo}/pull/${number}`,
        reviews: earlier?.reviews ?? [],
        comments
      })
    },
    reviews: (owner, repo, number) =>
      structuredClone(pulls.get(key(owner, repo, number))?.reviews ?? []),
    reviewComments: (owner, repo, number) =>
      structuredClone(pulls.get(key(owner, repo, number))?.comments ?? []),
    injectFault: fault => void faults.push({ ...fault }),
    rewriteAnswers: given => (rewrite = given),
    reset: () => {
      requests.length = 0
      faults.length = 0
      rewrite = undefined
      threads.clear()
      pulls.clear()
      for (const res of held) res.destroy()
      held.clear()
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const res of held) res.destroy()
        held.clear()
        server.close(() => resolve())
        // Keep-alive sockets would otherwise hold close() open until they time out.
        server.closeAllConnections()
      })
  }
}
