import { promises as fs } from 'node:fs'
import { tryParseJson } from '../../util/json.js'

/** What the runner tells the step about the repository and the event that started the job. */
export interface GitHubContext {
  owner: string
  repo: string
  eventName: string
  /** The pull request or issue of the event, when it has one. */
  issueNumber: number | undefined
  sha: string
  /**
   * The pull request's head commit the job was started for (a pull_request event's head, a
   * workflow_run's head_sha), when the event names one: GITHUB_SHA is a merge commit there.
   */
  headSha: string | undefined
  /** GITHUB_API_URL: api.github.com, or a GitHub Enterprise Server's `/api/v3`. */
  apiUrl: string
}

const EVENTS_WITH_AN_ISSUE = new Set([
  'pull_request',
  'pull_request_target',
  'issue_comment',
  'issues',
  'pull_request_review',
  'pull_request_review_comment'
])

/** Reads the runner's variables and event file, when the step needs them (read at call time). */
export async function readGitHubContext(
  env: NodeJS.ProcessEnv = process.env
): Promise<GitHubContext> {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  let issueNumber: number | undefined
  let headSha: string | undefined
  const withIssue = EVENTS_WITH_AN_ISSUE.has(eventName)
  if ((withIssue || eventName === 'workflow_run') && env.GITHUB_EVENT_PATH) {
    const text = await fs.readFile(env.GITHUB_EVENT_PATH, 'utf8').catch(() => '')
    const payload = tryParseJson(text)?.value as
      | {
          pull_request?: { number?: unknown; head?: { sha?: unknown } }
          issue?: { number?: unknown }
          workflow_run?: { head_sha?: unknown }
        }
      | undefined
    const number = payload?.pull_request?.number ?? payload?.issue?.number
    if (withIssue && typeof number === 'number' && Number.isSafeInteger(number) && number > 0) {
      issueNumber = number
    }
    const head = payload?.pull_request?.head?.sha ?? payload?.workflow_run?.head_sha
    if (typeof head === 'string' && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(head)) headSha = head
  }
  return {
    owner,
    repo,
    eventName,
    issueNumber,
    sha: env.GITHUB_SHA ?? '',
    headSha,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  }
}
