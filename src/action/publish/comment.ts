import { createHash } from 'node:crypto'
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
import type { CommentSettings } from '../inputs/settings.js'
import { readGitHubContext } from './github-event.js'

// The run card as a sticky comment on the pull request or issue. Loaded (with Octokit) only by
// a step that asks for a comment. Every failure is a warning that says how to fix it: the run's
// own outputs are set before, and never depend on the comment. Every request goes through the
// action's own transport (github/client.ts), within one time budget.

// Pages of 100 comments read to find the earlier card: a thread longer than this gets a new one.
const MAX_COMMENT_PAGES = 100

/** What a comment is about: it finds and replaces only the card of the same workflow and key. */
export interface CardIdentity {
  workflowId: string | undefined
  key: string
  /** When the run started (epoch ms): an older run's card never replaces a newer one's. */
  startedAt: number
}

export type CommentResult = { url: string } | { warning: string } | { notice: string }

const MARKER_NAME = 'ai-planet-run-card'

/** The hidden first line of the card in a comment; `started` comes last so the rest is a prefix. */
function cardMarker(identity: CardIdentity, sha: string): string {
  return `<!-- ${markerPrefix(identity)}sha=${markerValue(sha)} started=${identity.startedAt} -->`
}

function markerPrefix(identity: CardIdentity): string {
  return `${MARKER_NAME} workflow=${markerValue(identity.workflowId ?? '')} key=${markerValue(identity.key)} `
}

/**
 * A value as the marker holds it: percent-encoded (so `-->` cannot end the comment), and a long
 * one as its hash, so that the marker stays short whatever the inputs.
 */
function markerValue(text: string): string {
  const encoded = encodeURIComponent(text)
  if (encoded.length <= 100) return encoded
  return `sha256-${createHash('sha256').update(text).digest('hex').slice(0, 32)}`
}

export async function postRunCard(
  settings: CommentSettings,
  identity: CardIdentity,
  render: (marker: string) => Promise<string>,
  options: { signal: AbortSignal | undefined; logger: Logger }
): Promise<CommentResult> {
  const github = await readGitHubContext()
  const issueNumber = settings.on ?? github.issueNumber
  if (issueNumber === undefined) {
    return {
      warning:
        `Not commenting: the ${github.eventName || 'triggering'} event names no pull request or ` +
        'issue. Set `comment-on` to its number, or comment from a pull_request, ' +
        'pull_request_target, issue_comment or issues workflow.'
    }
  }
  let apiUrl: URL
  try {
    apiUrl = new URL(github.apiUrl)
  } catch {
    return { warning: 'Not commenting: GITHUB_API_URL is not a URL.' }
  }
  if (options.signal?.aborted) {
    return { notice: `Not commenting on #${issueNumber}: the job was cancelled.` }
  }
  const connection = connectToGitHub({
    apiUrl,
    token: settings.token,
    signal: options.signal,
    logger: options.logger
  })
  const { octokit } = connection
  const where = { owner: github.owner, repo: github.repo, issue_number: issueNumber }
  let updating = false
  try {
    const body = await render(cardMarker(identity, github.sha))
    if (settings.mode === 'update') {
      const earlier = await findEarlierCard(octokit, where, identity)
      if (earlier?.newer) {
        return { notice: `A newer run's card is on #${issueNumber} already; it is left as it is.` }
      }
      if (earlier) {
        updating = true
        const { data } = await octokit.rest.issues.updateComment({
          owner: where.owner,
          repo: where.repo,
          comment_id: earlier.id,
          body
        })
        return commentUrl(data, issueNumber)
      }
    }
    const { data } = await octokit.rest.issues.createComment({ ...where, body })
    return commentUrl(data, issueNumber)
  } catch (error) {
    return { warning: commentFailure(error, issueNumber, updating, connection) }
  } finally {
    await connection.close()
  }
}

/** The comment's address as GitHub gave it, when it is one: it becomes the `comment-url` output. */
function commentUrl(data: unknown, issueNumber: number): CommentResult {
  const url = (data as { html_url?: unknown } | null)?.html_url
  if (typeof url === 'string' && url.length <= 2048 && /^https?:\/\/[^\s]+$/.test(url)) {
    return { url }
  }
  return {
    warning:
      `The run card is on #${issueNumber}, but GitHub's answer gave no usable address for it ` +
      '(`html_url`), so `comment-url` is not set.'
  }
}

/**
 * This action's earlier card for the same workflow and key: matched by its marker and by its
 * author, so that nobody can plant a marker in a comment of their own and have it edited.
 * Every page is read.
 */
async function findEarlierCard(
  octokit: Octokit,
  where: { owner: string; repo: string; issue_number: number },
  identity: CardIdentity
): Promise<{ id: number; newer: boolean } | undefined> {
  const author = await ownLogin(octokit)
  if (author === undefined) return undefined
  const prefix = `<!-- ${markerPrefix(identity)}`
  let latest: { id: number; started: number } | undefined
  // Page by page, keeping only what matches: a long thread is never held whole.
  for await (const page of everyPage(
    octokit,
    octokit.rest.issues.listComments,
    where,
    `comments on #${where.issue_number}`,
    MAX_COMMENT_PAGES
  )) {
    for (const comment of page) {
      const { id, body, user } = (comment ?? {}) as {
        id?: unknown
        body?: unknown
        user?: { login?: unknown; type?: unknown } | null
      }
      if (typeof id !== 'number' || typeof body !== 'string' || !body.startsWith(prefix)) continue
      if (typeof user?.login !== 'string' || !sameLogin(user.login, author)) continue
      // A bot's name is a user's name with `[bot]`: only a bot account is the bot.
      if (author.endsWith('[bot]') && user.type !== 'Bot') continue
      const started = Number(/ started=(\d+) -->/.exec(body.slice(0, 1024))?.[1] ?? 0)
      latest = { id, started }
    }
  }
  if (latest === undefined) return undefined
  return { id: latest.id, newer: latest.started > identity.startedAt }
}

function commentFailure(
  error: unknown,
  issueNumber: number,
  updating: boolean,
  connection: GitHubConnection
): string {
  const failure = describeGitHubFailure(error, connection)
  const stale = updating
    ? ` The run card on #${issueNumber} is still an earlier run's: it is stale.`
    : ''
  const why = `Could not ${updating ? 'update the run card' : 'comment'} on #${issueNumber} (${failure.message}).${stale}`
  return failureAdvice(why, failure, {
    rateLimited: "the next run's card will post.",
    forbidden:
      'Give the job `permissions: pull-requests: write` (and `issues: write` for an issue). A ' +
      'pull_request from a fork gets a read-only token: comment from a workflow_run job on the ' +
      'base repository instead (see examples/).',
    notFound: 'Check `comment-on` and that the token can see this repository.'
  })
}
