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
  if (EVENTS_WITH_AN_ISSUE.has(eventName) && env.GITHUB_EVENT_PATH) {
    const text = await fs.readFile(env.GITHUB_EVENT_PATH, 'utf8').catch(() => '')
    const payload = tryParseJson(text)?.value as
      { pull_request?: { number?: unknown }; issue?: { number?: unknown } } | undefined
    const number = payload?.pull_request?.number ?? payload?.issue?.number
    if (typeof number === 'number' && Number.isSafeInteger(number) && number > 0) {
      issueNumber = number
    }
  }
  return {
    owner,
    repo,
    eventName,
    issueNumber,
    sha: env.GITHUB_SHA ?? '',
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  }
}
