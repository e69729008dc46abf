import { getOctokit } from '@actions/github'
import { fetch as undiciFetch } from 'undici'
import { createDispatcher } from '../../platform/transport.js'
import { getErrorMessage } from '../../util/errors.js'
import { readGitHubContext } from './github-event.js'
import type { CommentSettings } from '../inputs/settings.js'

/**
 * The run card as a sticky comment on the pull request or issue. Loaded (with Octokit) only by
 * a step that asks for a comment. Every failure is a warning that says how to fix it: the run's
 * own outputs are set before, and never depend on the comment.
 */

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
  return `<!-- ${markerPrefix(identity)}sha=${encodeURIComponent(sha)} started=${identity.startedAt} -->`
}

function markerPrefix(identity: CardIdentity): string {
  const workflow = encodeURIComponent(identity.workflowId ?? '')
  return `${MARKER_NAME} workflow=${workflow} key=${encodeURIComponent(identity.key)} `
}

export async function postRunCard(
  settings: CommentSettings,
  identity: CardIdentity,
  render: (marker: string) => Promise<string>
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
  const dispatcher = createDispatcher()
  const octokit = getOctokit(settings.token, {
    baseUrl: github.apiUrl,
    request: {
      // Through the action's own dispatcher: the same proxy settings as for the platform.
      fetch: (url: string, init: object) => undiciFetch(url, { ...init, dispatcher })
    }
  })
  const where = { owner: github.owner, repo: github.repo, issue_number: issueNumber }
  try {
    const body = await render(cardMarker(identity, github.sha))
    if (settings.mode === 'update') {
      const earlier = await findEarlierCard(octokit, where, identity)
      if (earlier?.newer) {
        return { notice: `A newer run's card is on #${issueNumber} already; it is left as it is.` }
      }
      if (earlier) {
        const { data } = await octokit.rest.issues.updateComment({
          owner: where.owner,
          repo: where.repo,
          comment_id: earlier.id,
          body
        })
        return { url: data.html_url }
      }
    }
    const { data } = await octokit.rest.issues.createComment({ ...where, body })
    return { url: data.html_url }
  } catch (error) {
    return { warning: commentFailure(error, issueNumber) }
  } finally {
    await dispatcher.close()
  }
}

type Octokit = ReturnType<typeof getOctokit>

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
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    ...where,
    per_page: 100
  })
  const ours = comments.filter(
    comment =>
      (comment.body ?? '').startsWith(prefix) && sameLogin(comment.user?.login ?? '', author)
  )
  const latest = ours.at(-1)
  if (latest === undefined) return undefined
  const started = Number(/ started=(\d+) -->/.exec(latest.body ?? '')?.[1] ?? 0)
  return { id: latest.id, newer: started > identity.startedAt }
}

/**
 * The login the token comments as. `GET /user` refuses GITHUB_TOKEN and App tokens, so it is
 * asked of GraphQL; without an answer, an installation token (`ghs_`) is taken to be the
 * Actions bot, and any other token finds no earlier card (a new one is made).
 */
async function ownLogin(octokit: Octokit): Promise<string | undefined> {
  try {
    const answer = await octokit.graphql<{ viewer: { login: string } }>(
      'query { viewer { login } }'
    )
    return answer.viewer.login
  } catch {
    const auth = (await octokit.auth()) as { token?: string }
    return auth.token?.startsWith('ghs_') ? 'github-actions[bot]' : undefined
  }
}

function sameLogin(a: string, b: string): boolean {
  const plain = (login: string): string => login.replace(/\[bot\]$/, '').toLowerCase()
  return plain(a) === plain(b)
}

function commentFailure(error: unknown, issueNumber: number): string {
  const status = (error as { status?: unknown }).status
  const code = typeof status === 'number' ? `HTTP ${status}: ` : ''
  const why = `Could not comment on #${issueNumber} (${code}${getErrorMessage(error)}).`
  switch (status) {
    case 401:
      return `${why} Check \`github-token\`.`
    case 403:
      return (
        `${why} Give the job \`permissions: pull-requests: write\` (and \`issues: write\` for an ` +
        'issue). A pull_request from a fork gets a read-only token: comment from a workflow_run ' +
        'job on the base repository instead (see examples/).'
      )
    case 404:
      return `${why} Check \`comment-on\` and that the token can see this repository.`
    default:
      return why
  }
}
