import { headSideLines, namedLines } from '../../findings/diff.js'
import type { Finding } from '../../findings/read.js'
import {
  isActionReview,
  lineCommentKey,
  listedKeysIn,
  planReview,
  placedKey,
  reviewBody,
  type Cleaners,
  type ReviewPlan
} from '../../findings/review.js'
import type { Logger } from '../../util/logger.js'
import {
  connectToGitHub,
  describeGitHubFailure,
  everyPage,
  failureAdvice,
  ownLogin,
  sameLogin,
  type GitHubConnection,
  type Octokit
} from '../github/client.js'
import type { ReviewSettings } from '../inputs/settings.js'
import { readGitHubContext } from './github-event.js'

// The findings as one pull-request review (event COMMENT: it never approves or requests
// changes), with line comments where GitHub takes them. Loaded (with Octokit) only by a step
// that asks for a review. Every failure is a warning that says how to fix it: the step's
// outcome is the run's and `fail-on-findings`'s alone.

/** GitHub lists at most 3,000 changed files, 100 a page. */
const MAX_FILE_PAGES = 30
/** Pages of 100 earlier review comments (and reviews) read to find the action's own. */
const MAX_COMMENT_PAGES = 100

export type ReviewResult =
  { url: string; lineComments: number; listed: number } | { warning: string } | { notice: string }

type Where = {
  owner: string
  repo: string
  pull_number: number
}

export async function postFindingsReview(
  settings: ReviewSettings,
  findings: readonly Finding[],
  identity: { workflowId: string | undefined },
  options: {
    signal: AbortSignal | undefined
    logger: Logger
    /** Prose: redacted, mentions made inert. Code (paths, suggestions): redacted. */
    clean: Cleaners
  }
): Promise<ReviewResult> {
  const github = await readGitHubContext()
  const number = settings.on ?? github.issueNumber
  if (number === undefined) {
    return {
      warning:
        `Not reviewing: the ${github.eventName || 'triggering'} event names no pull request. ` +
        'Set `comment-on` to its number, or review from a pull_request or workflow_run workflow.'
    }
  }
  if (findings.length === 0) return { notice: `No findings: no review posted on #${number}.` }
  let apiUrl: URL
  try {
    apiUrl = new URL(github.apiUrl)
  } catch {
    return { warning: 'Not reviewing: GITHUB_API_URL is not a URL.' }
  }
  if (options.signal?.aborted) {
    return { notice: `Not reviewing #${number}: the job was cancelled.` }
  }
  const connection = connectToGitHub({
    apiUrl,
    token: settings.token,
    signal: options.signal,
    logger: options.logger
  })
  const { octokit } = connection
  const where: Where = { owner: github.owner, repo: github.repo, pull_number: number }
  let step: 'read' | 'post' = 'read'
  try {
    const head = await currentHead(octokit, where)
    // The event's head is the commit the run reviewed; it is known only when the event is
    // about this pull request (its own event, or the workflow_run that hands it over).
    const eventIsAboutIt = github.eventName === 'workflow_run' || github.issueNumber === number
    if (eventIsAboutIt && github.headSha !== undefined && github.headSha !== head) {
      return {
        notice:
          `Not reviewing #${number}: the run reviewed ${github.headSha.slice(0, 7)}, and the ` +
          `pull request's head is now ${head.slice(0, 7)}. The run for the new head reviews it.`
      }
    }
    const diff = await diffLines(octokit, where, findings)
    const earlier = await earlierFindings(octokit, where, head)
    const plan = planReview(findings, diff, earlier, options.clean)
    if (plan.comments.length + plan.listed.length === 0) {
      return {
        notice: `All ${findings.length} finding(s) are on #${number} already, from an earlier run: no new review.`
      }
    }
    step = 'post'
    try {
      return await createReview(octokit, where, head, plan, identity, options.clean)
    } catch (error) {
      // A 422 refuses the whole review and creates nothing: most often a line that is no
      // longer in the diff (a push while the run ran). The same findings go in the body.
      const { status, message } = describeGitHubFailure(error, connection)
      if (status !== 422 || plan.comments.length === 0) throw error
      const inBody: ReviewPlan = {
        comments: [],
        listed: [...plan.comments.map(comment => comment.finding), ...plan.listed],
        alreadyPosted: plan.alreadyPosted
      }
      const posted = await createReview(octokit, where, head, inBody, identity, options.clean)
      options.logger.warning(
        `GitHub refused the review's ${plan.comments.length} line comment(s) on #${number} ` +
          `(${message}), so they are listed in the review's body instead. A line that is no ` +
          'longer in the diff (the pull request changed while the run ran) does this: re-run ' +
          'the job on the new head to have them on their lines.'
      )
      return posted
    }
  } catch (error) {
    return { warning: reviewFailure(error, number, step, connection) }
  } finally {
    await connection.close()
  }
}

/** The pull request's head commit now, as GitHub answers (data, checked before it is used). */
async function currentHead(octokit: Octokit, where: Where): Promise<string> {
  const { data } = await octokit.rest.pulls.get(where)
  const sha = (data as { head?: { sha?: unknown } } | null)?.head?.sha
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha)) {
    throw new Error(`GitHub's answer for pull request #${where.pull_number} names no head commit`)
  }
  return sha
}

/**
 * The head-side lines of the changed files' patches that findings name, every page read. Only
 * those lines are kept, so that what is held is bounded by the findings, not by the pull
 * request (or by a server that sends pages of huge patches).
 */
async function diffLines(
  octokit: Octokit,
  where: Where,
  findings: readonly Finding[]
): Promise<Map<string, Set<number>>> {
  const wanted = namedLines(findings)
  const diff = new Map<string, Set<number>>()
  const what = `changed files of #${where.pull_number}`
  for await (const page of everyPage(
    octokit,
    octokit.rest.pulls.listFiles,
    where,
    what,
    MAX_FILE_PAGES
  )) {
    for (const file of page) {
      const { filename, patch } = (file ?? {}) as { filename?: unknown; patch?: unknown }
      // A binary file, or one too large for GitHub to show, has no patch: no line of it is.
      const lines = typeof filename === 'string' ? wanted.get(filename) : undefined
      if (lines === undefined || typeof filename !== 'string') continue
      const inPatch = typeof patch === 'string' ? headSideLines(patch) : new Set<number>()
      diff.set(filename, new Set([...lines].filter(line => inPatch.has(line))))
    }
  }
  return diff
}

/**
 * What the action posted on this pull request before: the keys in its own line comments, where
 * GitHub places them now, and in the bodies of its own reviews of this same head. Comments are
 * matched by author as well as by key, so that nobody can keep a finding off the review by
 * planting its key in a comment of their own.
 */
async function earlierFindings(
  octokit: Octokit,
  where: Where,
  head: string
): Promise<{ onLines: Set<string>; inBodies: Set<string> }> {
  const onLines = new Set<string>()
  const inBodies = new Set<string>()
  const author = await ownLogin(octokit)
  if (author === undefined) return { onLines, inBodies }
  const byAuthor = (item: unknown): { body: string; rest: Record<string, unknown> } | undefined => {
    const { body, user } = (item ?? {}) as {
      body?: unknown
      user?: { login?: unknown; type?: unknown } | null
    }
    if (typeof body !== 'string' || typeof user?.login !== 'string') return undefined
    if (!sameLogin(user.login, author)) return undefined
    // A bot's name is a user's name with `[bot]`: only a bot account is the bot.
    if (author.endsWith('[bot]') && user.type !== 'Bot') return undefined
    return { body, rest: item as Record<string, unknown> }
  }
  const comments = `review comments on #${where.pull_number}`
  for await (const page of everyPage(
    octokit,
    octokit.rest.pulls.listReviewComments,
    where,
    comments,
    MAX_COMMENT_PAGES
  )) {
    for (const item of page) {
      const own = byAuthor(item)
      const { line } = own?.rest ?? {}
      // `line` is null once GitHub finds the comment's lines changed: it is on no line now.
      if (!own || typeof line !== 'number') continue
      const key = lineCommentKey(own.body)
      if (key !== undefined) onLines.add(placedKey(key, line))
    }
  }
  const reviews = `reviews of #${where.pull_number}`
  for await (const page of everyPage(
    octokit,
    octokit.rest.pulls.listReviews,
    where,
    reviews,
    MAX_COMMENT_PAGES
  )) {
    for (const item of page) {
      const own = byAuthor(item)
      if (!own || own.rest.commit_id !== head || !isActionReview(own.body)) continue
      for (const placed of listedKeysIn(own.body)) inBodies.add(placed)
    }
  }
  return { onLines, inBodies }
}

async function createReview(
  octokit: Octokit,
  where: Where,
  head: string,
  plan: ReviewPlan,
  identity: { workflowId: string | undefined },
  clean: Cleaners
): Promise<ReviewResult> {
  const { data } = await octokit.rest.pulls.createReview({
    ...where,
    commit_id: head,
    event: 'COMMENT',
    body: reviewBody(plan, { workflowId: identity.workflowId, headSha: head }, clean),
    comments: plan.comments.map(comment => ({
      path: comment.path,
      line: comment.line,
      side: 'RIGHT',
      ...(comment.startLine === undefined
        ? {}
        : { start_line: comment.startLine, start_side: 'RIGHT' }),
      body: comment.body
    }))
  })
  const url = (data as { html_url?: unknown } | null)?.html_url
  const usable = typeof url === 'string' && url.length <= 2048 && /^https?:\/\/[^\s]+$/.test(url)
  return {
    url: usable ? url : `#${where.pull_number}`,
    lineComments: plan.comments.length,
    listed: plan.listed.length
  }
}

function reviewFailure(
  error: unknown,
  number: number,
  step: 'read' | 'post',
  connection: GitHubConnection
): string {
  const failure = describeGitHubFailure(error, connection)
  const why =
    step === 'read'
      ? `Could not read pull request #${number} to review it (${failure.message}).`
      : `Could not post the review on #${number} (${failure.message}).`
  return failureAdvice(why, failure, {
    rateLimited: "the next run's review will post.",
    forbidden:
      'Give the job `permissions: pull-requests: write`. A pull_request from a fork gets a ' +
      'read-only token: review from a workflow_run job on the base repository instead ' +
      '(examples/ai-review.yml).',
    notFound: `Check that #${number} is a pull request (\`comment-on\`) and that the token can see this repository.`,
    refused:
      'GitHub refused the review itself; the findings are in the run card and the `findings` output.'
  })
}
