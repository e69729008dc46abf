import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { findingKey } from '../../src/findings/gate.js'
import {
  ACTIONS_LOGIN,
  ACTIONS_TOKEN,
  startFakeGitHub,
  type FakeGitHub
} from '../../simulator/fake-github.js'
import { runInProcess } from '../helpers/in-process.js'
import { KEY, useSimulator } from '../helpers/platform.js'
import { commandViolations } from '../helpers/step.js'

// Findings posted as one pull-request review, through run() with real @actions/core, against
// a fake GitHub REST API on 127.0.0.1 that refuses what GitHub refuses (docs/findings.md).

const sim = useSimulator()
const FORK_TOKEN = 'ghs_fork_read_only'
let github: FakeGitHub
let dir: string

beforeAll(async () => {
  github = await startFakeGitHub({
    tokens: {
      [ACTIONS_TOKEN]: ACTIONS_LOGIN,
      [FORK_TOKEN]: ACTIONS_LOGIN,
      ghp_mallory: 'mallory',
      ghs_app: 'acme-reviewer[bot]',
      ghp_squatter: 'acme-reviewer'
    },
    readOnlyTokens: [FORK_TOKEN]
  })
})
afterAll(async () => {
  await github.close()
})
beforeEach(async () => {
  github.reset()
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'review-test-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

const PR = 12
const HEAD = 'a'.repeat(40)
const NEWER_HEAD = 'b'.repeat(40)

/** A hunk that adds lines first..last of a file (the head side), after `context` lines kept. */
function addedLines(first: number, last: number): string {
  const count = last - first + 1
  const body = Array.from({ length: count }, (_, i) => `+added line ${first + i}`)
  return [`@@ -${first},0 +${first},${count} @@`, ...body].join('\n')
}

function seed(
  files: Array<{ filename: string; patch?: string }>,
  headSha = HEAD,
  moved?: (path: string, line: number) => number | null
): void {
  github.seedPull('octo', 'repo', PR, { headSha, files }, moved)
}

const FILES = [
  { filename: 'src/app.ts', patch: addedLines(10, 20) },
  { filename: 'src/util.ts', patch: addedLines(1, 5) },
  { filename: 'assets/logo.png' }
]

interface FindingInput {
  path: string
  line: number
  end_line?: number
  severity?: string
  title?: string
  message: string
  suggestion?: string
}

const answer = (findings: FindingInput[]) =>
  `Reviewed.\n\n\`\`\`json\n${JSON.stringify({ findings })}\n\`\`\`\n`

async function eventEnv(
  payload: unknown,
  name = 'pull_request',
  token = ACTIONS_TOKEN
): Promise<{ env: Record<string, string>; token: string }> {
  const eventPath = path.join(dir, 'event.json')
  await fs.writeFile(eventPath, JSON.stringify(payload))
  return {
    token,
    env: {
      GITHUB_REPOSITORY: 'octo/repo',
      GITHUB_EVENT_NAME: name,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_API_URL: github.url
    }
  }
}

const pullRequestEvent = (headSha = HEAD) => ({
  pull_request: { number: PR, head: { sha: headSha } }
})

async function review(
  findings: FindingInput[] | string,
  options: {
    inputs?: Record<string, string>
    event?: { env: Record<string, string>; token: string }
  } = {}
) {
  const output = typeof findings === 'string' ? findings : answer(findings)
  sim.configure({ workflows: { 'wf-review': { run: { durationMs: 30, output } } } })
  const event = options.event ?? (await eventEnv(pullRequestEvent()))
  return runInProcess(
    {
      'api-key': KEY,
      'base-url': sim.url,
      'workflow-id': 'wf-review',
      inputs: 'question: review',
      'poll-interval': '0.2',
      findings: 'review',
      'github-token': event.token,
      ...options.inputs
    },
    { env: event.env }
  )
}

const reviews = () => github.reviews('octo', 'repo', PR)
const posts = () => github.requests.filter(r => r.method === 'POST' && /\/reviews$/.test(r.path))

describe('findings: review', () => {
  it('posts one COMMENT review: line comments on the diff, the rest in its body', async () => {
    seed(FILES)
    const result = await review(
      [
        {
          path: 'src/app.ts',
          line: 12,
          severity: 'high',
          title: 'Null read',
          message: 'x may be null'
        },
        {
          path: './src/app.ts',
          line: 14,
          end_line: 16,
          message: 'Use a loop',
          suggestion: 'for (const a of b) {\n  use(a)\n}'
        },
        { path: 'src/app.ts', line: 40, severity: 'low', message: 'Outside the hunk' },
        { path: 'README.md', line: 3, severity: 'info', message: 'Not a changed file' },
        { path: 'assets/logo.png', line: 1, message: 'A binary file has no lines' }
      ],
      { inputs: { findings: 'both' } }
    )
    expect(result.failed).toBe(false)
    expect(commandViolations(result.log, KEY, ACTIONS_TOKEN)).toEqual([])
    const [posted, ...more] = reviews()
    expect(more).toHaveLength(0)
    expect(posted?.event).toBe('COMMENT')
    expect(posted?.commit_id).toBe(HEAD)
    const comments = posted?.comments ?? []
    expect(comments.map(c => [c.path, c.start_line, c.line])).toEqual([
      ['src/app.ts', null, 12],
      ['src/app.ts', 14, 16]
    ])
    expect(comments[0]?.body).toMatch(
      new RegExp(
        `^<!-- ai-planet-finding key=${findingKey({ path: 'src/app.ts', message: 'x may be null' })} -->\n\\*\\*Error: Null read\\*\\*\n\nx may be null$`
      )
    )
    expect(comments[1]?.body).toContain('```suggestion\nfor (const a of b) {\n  use(a)\n}\n```')
    const body = posted?.body ?? ''
    expect(body).toMatch(/^<!-- ai-planet-review workflow=wf-review sha=a{40} -->/)
    expect(body).toContain('**AI review**: 5 findings, 2 on the lines they are about.')
    expect(body).toContain('`src/app.ts:40`')
    expect(body).toContain('`README.md:3`')
    expect(body).toContain('`assets/logo.png:1`')
    expect(result.log).toContain(
      'Posted the findings as a review: 2 line comment(s), 3 in its body'
    )
    // findings: both annotates as well.
    expect(result.log).toMatch(
      /^::error title=Null read,file=src\/app\.ts,line=12,endLine=12::x may be null$/m
    )
  })

  it('reads every page of the changed files and of the earlier comments', async () => {
    const files = Array.from({ length: 250 }, (_, i) => ({
      filename: `src/f${i}.ts`,
      patch: addedLines(1, 3)
    }))
    seed(files)
    // Someone else's comments fill the first pages; the action's own earlier one is on page 3.
    for (let i = 0; i < 230; i++) {
      github.seed('octo', 'repo', PR, [{ body: 'unrelated', login: 'someone' }])
    }
    const findings = [{ path: 'src/f240.ts', line: 2, message: 'On the third page of files' }]
    const first = await review(findings)
    expect(first.failed).toBe(false)
    expect(reviews()[0]?.comments.map(c => c.path)).toEqual(['src/f240.ts'])
    const pagesOfFiles = github.requests.filter(r => /\/pulls\/12\/files/.test(r.path))
    expect(pagesOfFiles).toHaveLength(3)

    const again = await review(findings)
    expect(again.failed).toBe(false)
    expect(reviews()).toHaveLength(1)
    expect(again.log).toContain(
      `All 1 finding(s) are on #${PR} already, from an earlier run: no new review.`
    )
  })

  it('posts only what is new on a re-run, and nothing twice across a push', async () => {
    seed(FILES)
    const kept = { path: 'src/app.ts', line: 11, message: 'Still here after the push' }
    const moved = { path: 'src/app.ts', line: 19, message: 'On a line the push changes' }
    const listed = { path: 'src/app.ts', line: 40, message: 'Outside the diff' }
    await review([kept, moved, listed])
    expect(reviews()).toHaveLength(1)

    // The same head again, with one finding more: only that one is posted.
    const fresh = { path: 'src/util.ts', line: 2, message: 'New on this run' }
    await review([kept, moved, listed, fresh])
    expect(reviews()).toHaveLength(2)
    expect(reviews()[1]?.comments.map(c => c.path)).toEqual(['src/util.ts'])
    expect(reviews()[1]?.body).toContain('3 earlier findings on the same lines are not repeated.')

    // A push: line 19 is no longer in the diff, so GitHub outdates its comment; line 11 stays.
    seed([{ filename: 'src/app.ts', patch: addedLines(10, 15) }, FILES[1]!], NEWER_HEAD)
    const onNewHead = await review([kept, moved, fresh, listed], {
      event: await eventEnv(pullRequestEvent(NEWER_HEAD))
    })
    expect(onNewHead.failed).toBe(false)
    expect(reviews()).toHaveLength(3)
    const third = reviews()[2]
    expect(third?.commit_id).toBe(NEWER_HEAD)
    // The outdated one and the one outside the diff (a body of an older head) are posted again.
    expect(third?.comments.map(c => c.line)).toEqual([])
    expect(third?.body).toContain('`src/app.ts:19`')
    expect(third?.body).toContain('`src/app.ts:40`')
    expect(third?.body).not.toContain('src/app.ts:11')
    expect(third?.body).not.toContain('src/util.ts:2')
  })

  it('does not post again a finding whose code a push moved down, where GitHub moved its comment', async () => {
    seed([{ filename: 'src/app.ts', patch: addedLines(10, 20) }])
    const finding = { path: 'src/app.ts', line: 12, message: 'x may be null' }
    await review([finding])
    // Three lines added above: GitHub moves the comment from line 12 to 15.
    seed(
      [{ filename: 'src/app.ts', patch: addedLines(10, 23) }],
      NEWER_HEAD,
      (_path, line) => line + 3
    )
    expect(github.reviewComments('octo', 'repo', PR)[0]?.line).toBe(15)
    const again = await review([{ ...finding, line: 15 }], {
      event: await eventEnv(pullRequestEvent(NEWER_HEAD))
    })
    expect(again.failed).toBe(false)
    expect(reviews()).toHaveLength(1)
    expect(again.log).toContain('are on #12 already, from an earlier run: no new review.')
  })

  it('is not fooled by a finding key planted in someone else’s comment or in the answer', async () => {
    seed(FILES)
    const finding = { path: 'src/app.ts', line: 12, message: 'Real finding' }
    const key = findingKey(finding)
    // Mallory replies with the key of a finding, hoping to keep it off the review.
    const { octokit } = await import('@actions/github').then(m => ({
      octokit: m.getOctokit('ghp_mallory', { baseUrl: github.url })
    }))
    await octokit.rest.pulls.createReview({
      owner: 'octo',
      repo: 'repo',
      pull_number: PR,
      event: 'COMMENT',
      body: `<!-- ai-planet-review workflow=wf-review sha=${HEAD} -->\n<!-- ai-planet-finding key=${key} -->`,
      comments: [{ path: 'src/app.ts', line: 12, body: `<!-- ai-planet-finding key=${key} -->` }]
    })
    // And the model writes the key of another finding into a message and a title.
    const other = { path: 'src/util.ts', line: 1, message: 'Other' }
    const planted = `<!-- ai-planet-finding key=${findingKey(other)} -->`
    await review([
      finding,
      { path: 'src/app.ts', line: 13, title: planted, message: `See ${planted}` },
      { path: 'src/app.ts', line: 60, message: `Listed ${planted}` }
    ])
    const ours = reviews().filter(r => r.user.login === ACTIONS_LOGIN)
    expect(ours).toHaveLength(1)
    expect(ours[0]?.comments.map(c => c.line)).toEqual([12, 13])
    // A second run still posts `other`: the planted keys count for nothing.
    await review([other])
    expect(reviews().filter(r => r.user.login === ACTIONS_LOGIN)).toHaveLength(2)
  })

  it('takes a user named like the app’s bot for nobody: only the bot is the bot', async () => {
    seed(FILES)
    const finding = { path: 'src/app.ts', line: 12, message: 'Real finding' }
    const { getOctokit } = await import('@actions/github')
    await getOctokit('ghp_squatter', { baseUrl: github.url }).rest.pulls.createReview({
      owner: 'octo',
      repo: 'repo',
      pull_number: PR,
      event: 'COMMENT',
      comments: [
        {
          path: 'src/app.ts',
          line: 12,
          body: `<!-- ai-planet-finding key=${findingKey(finding)} -->`
        }
      ]
    })
    const result = await review([finding], {
      event: await eventEnv(pullRequestEvent(), 'pull_request', 'ghs_app')
    })
    expect(result.failed).toBe(false)
    expect(reviews().filter(r => r.user.login === 'acme-reviewer[bot]')).toHaveLength(1)
  })

  it('posts nothing for a run on an older head than the pull request’s, and says so', async () => {
    seed(FILES, NEWER_HEAD)
    const result = await review([{ path: 'src/app.ts', line: 12, message: 'Old news' }], {
      inputs: { 'fail-on-findings': 'warning' }
    })
    expect(reviews()).toHaveLength(0)
    expect(posts()).toHaveLength(0)
    expect(result.log).toContain(
      `Not reviewing #${PR}: the run reviewed aaaaaaa, and the pull request's head is now bbbbbbb.`
    )
    // The gate is the findings', whatever became of the review.
    expect(result.failed).toBe(true)
  })

  it('hands over from a workflow_run: comment-on names the PR, the run’s head_sha is checked', async () => {
    seed(FILES)
    const event = await eventEnv({ workflow_run: { head_sha: HEAD } }, 'workflow_run')
    const result = await review([{ path: 'src/app.ts', line: 12, message: 'From a fork' }], {
      event,
      inputs: { 'comment-on': String(PR) }
    })
    expect(result.failed).toBe(false)
    expect(reviews()[0]?.comments).toHaveLength(1)

    const stale = await eventEnv({ workflow_run: { head_sha: NEWER_HEAD } }, 'workflow_run')
    const late = await review([{ path: 'src/app.ts', line: 13, message: 'Late' }], {
      event: stale,
      inputs: { 'comment-on': String(PR) }
    })
    expect(late.log).toContain('Not reviewing #12: the run reviewed bbbbbbb')
    expect(reviews()).toHaveLength(1)
  })

  it('warns, naming the fix, when a fork’s read-only token cannot post; the outcome is the run’s', async () => {
    seed(FILES)
    const event = await eventEnv(pullRequestEvent(), 'pull_request', FORK_TOKEN)
    const result = await review([{ path: 'src/app.ts', line: 12, message: 'x' }], { event })
    expect(result.failed).toBe(false)
    expect(result.outputs['status']).toBe('completed')
    expect(result.log).toMatch(
      /::warning::Could not post the review on #12 \(HTTP 403: Resource not accessible by integration\)\. Give the job `permissions: pull-requests: write`\. A pull_request from a fork gets a read-only token: review from a workflow_run job/
    )
    expect(reviews()).toHaveLength(0)
  })

  it('puts the line comments in the body when GitHub refuses a line (422), and says why', async () => {
    seed(FILES)
    github.injectFault({
      method: 'POST',
      path: /\/pulls\/12\/reviews$/,
      status: 422,
      body: {
        message: 'Unprocessable Entity',
        errors: ['Pull request review thread line must be part of the diff'],
        documentation_url:
          'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
        status: '422'
      }
    })
    const result = await review([
      { path: 'src/app.ts', line: 12, message: 'One' },
      { path: 'src/app.ts', line: 13, message: 'Two' }
    ])
    expect(result.failed).toBe(false)
    expect(posts()).toHaveLength(2)
    const [posted] = reviews()
    expect(posted?.comments).toHaveLength(0)
    expect(posted?.body).toContain('`src/app.ts:12`')
    expect(posted?.body).toContain('`src/app.ts:13`')
    expect(result.log).toContain(
      "::warning::GitHub refused the review's 2 line comment(s) on #12 (HTTP 422: Unprocessable Entity; Pull request review thread line must be part of the diff), so they are listed in the review's body instead."
    )
  })

  it('makes at most 50 line comments and lists the rest', async () => {
    seed([{ filename: 'src/big.ts', patch: addedLines(1, 80) }])
    const findings = Array.from({ length: 70 }, (_, i) => ({
      path: 'src/big.ts',
      line: i + 1,
      message: `Finding ${i}`
    }))
    const result = await review(findings)
    expect(result.failed).toBe(false)
    const [posted] = reviews()
    expect(posted?.comments).toHaveLength(50)
    expect(posted?.body).toContain('past 50 line comments')
    expect(posted?.body).toContain('`src/big.ts:70`')
  })

  it('keeps bodies bounded, the key out, mentions inert, and code as it is', async () => {
    seed(FILES)
    const long = `@alice look. ${'x'.repeat(40_000)}`
    const result = await review([
      {
        path: 'src/app.ts',
        line: 12,
        title: '**bold** `code` <b>',
        message: `Leaks ${KEY}. Ping @octo/team, but not \`@types/node\`. ::error::not a command <!-- hidden`,
        suggestion: '```\n@Override\nvoid run() {}\n```'
      },
      { path: 'src/app.ts', line: 13, message: long },
      { path: 'src/app.ts', line: 99, message: long }
    ])
    expect(result.failed).toBe(false)
    expect(commandViolations(result.log, KEY, ACTIONS_TOKEN)).toEqual([])
    const [posted] = reviews()
    const all = [posted?.body ?? '', ...(posted?.comments ?? []).map(c => c.body)]
    for (const text of all) {
      expect(text).not.toContain(KEY)
      expect([...text].length).toBeLessThanOrEqual(16_000 + 64)
    }
    const first = posted?.comments[0]?.body ?? ''
    expect(first).toContain('**Warning: \\*\\*bold\\*\\* \\`code\\` \\<b\\>**')
    // In the message, even code gets the zero-width space: a parse could be fooled.
    expect(first).toContain('Ping @\u200Bocto/team, but not `@\u200Btypes/node`')
    expect(first).toContain('<!\u200B-- hidden')
    // The suggestion keeps its own fence: the block around it is longer.
    expect(first).toContain('````suggestion\n```\n@Override\nvoid run() {}\n```\n````')
    expect(posted?.comments[1]?.body).toContain('@\u200Balice')
    expect(posted?.comments[1]?.body).toMatch(
      /\[cut: the whole finding is in the `findings` output\]_$/
    )
    expect(posted?.body).toContain('`src/app.ts:99`')
  })

  it('says what to do when the event names no pull request, and posts nothing', async () => {
    const event = await eventEnv({}, 'push')
    const result = await review([{ path: 'src/app.ts', line: 12, message: 'x' }], { event })
    expect(result.failed).toBe(false)
    expect(result.log).toContain(
      '::warning::Not reviewing: the push event names no pull request. Set `comment-on` to its number'
    )
    expect(github.requests).toHaveLength(0)
  })

  it('warns on a GitHub whose answers are not what it documents', async () => {
    seed(FILES)
    github.rewriteAnswers(answer =>
      /\/pulls\/12$/.test(answer.path)
        ? { ...answer, body: { head: { sha: '::error::x' } } }
        : answer
    )
    const noHead = await review([{ path: 'src/app.ts', line: 12, message: 'x' }])
    expect(noHead.failed).toBe(false)
    expect(noHead.log).toContain(
      "::warning::Could not read pull request #12 to review it (GitHub's answer for pull request #12 names no head commit)."
    )
    github.rewriteAnswers(answer =>
      /\/files/.test(answer.path) ? { ...answer, body: { files: 'not a list' } } : answer
    )
    const badFiles = await review([{ path: 'src/app.ts', line: 12, message: 'x' }])
    expect(badFiles.log).toContain("GitHub's page of changed files of #12 is not a list")
    expect(reviews()).toHaveLength(0)
  })

  it('refuses findings: review without a token before any request', async () => {
    const result = await review([], { inputs: { 'github-token': '' } })
    expect(result.failed).toBe(true)
    expect(result.log).toContain('`github-token` is required with `findings: review`')
    expect(sim.requests).toHaveLength(0)
  })
})
