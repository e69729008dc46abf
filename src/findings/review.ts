import { inDiff } from './diff.js'
import { findingKey } from './gate.js'
import type { Finding, Severity } from './read.js'

// One pull-request review made of findings: which become line comments (only lines of the
// diff's head side can), which go into the review's body, which were posted by an earlier run
// and are left out, and the Markdown of each part. Plain functions: publishing sends it.

/** GitHub takes more, but a review of more than this many line comments is read by nobody. */
export const MAX_LINE_COMMENTS = 50
/** Below GitHub's 65,536 characters for a comment's body, and for the review's. */
const MAX_COMMENT_CHARS = 16_000
const MAX_REVIEW_BODY_CHARS = 60_000
/** A suggestion longer than this is left out: a cut suggestion would replace code with half of it. */
const MAX_SUGGESTION_CHARS = 8_000
/** A finding listed in the body shows this much of its message. */
const MAX_LISTED_MESSAGE_CHARS = 1_000

const FINDING_MARKER = 'ai-planet-finding'
const REVIEW_MARKER = 'ai-planet-review'

interface LineComment {
  path: string
  /** The last line (GitHub's `line`); `startLine` is the first of a range. */
  line: number
  startLine: number | undefined
  body: string
  finding: Finding
}

export interface ReviewPlan {
  comments: LineComment[]
  /** Findings that cannot be line comments (outside the diff, or past the limit), in order. */
  listed: Finding[]
  /** Findings an earlier run of the action posted already, on the same line of this head. */
  alreadyPosted: number
}

/** What the action posted earlier on this pull request, read from its own review comments. */
export interface EarlierFindings {
  /** `${key} ${path}:${line}` of each earlier line comment, `line` as GitHub places it now. */
  onLines: ReadonlySet<string>
  /** Keys listed in the bodies of earlier reviews of the same head. */
  inBodies: ReadonlySet<string>
}

/** How server text is made safe to post (redaction, mentions): the caller's functions. */
type Clean = (text: string) => string
export interface Cleaners {
  /** For Markdown prose: a message, a title. */
  prose: Clean
  /** For code, shown as it is: a path, a suggestion. */
  code: Clean
}

/** Splits the findings between line comments and the body, leaving out what is posted already. */
export function planReview(
  findings: readonly Finding[],
  diff: ReadonlyMap<string, ReadonlySet<number>>,
  earlier: EarlierFindings,
  clean: Cleaners
): ReviewPlan {
  const comments: LineComment[] = []
  const listed: Finding[] = []
  let alreadyPosted = 0
  for (const finding of findings) {
    const key = findingKey(finding)
    const last = finding.endLine ?? finding.line
    if (earlier.onLines.has(placedKey(key, finding.path, last)) || earlier.inBodies.has(key)) {
      alreadyPosted++
      continue
    }
    if (comments.length < MAX_LINE_COMMENTS && inDiff(finding, diff)) {
      comments.push({
        path: finding.path,
        line: last,
        startLine: finding.endLine === undefined ? undefined : finding.line,
        body: lineCommentBody(finding, clean),
        finding
      })
    } else {
      listed.push(finding)
    }
  }
  return { comments, listed, alreadyPosted }
}

/** How an earlier comment is recognised: its finding's key where GitHub shows it now. */
export function placedKey(key: string, path: string, line: number): string {
  return `${key} ${path}:${line}`
}

/** The key of a line comment the action wrote: its first line, and nothing else in it. */
export function lineCommentKey(body: string): string | undefined {
  return /^<!-- ai-planet-finding key=([0-9a-f]{24}) -->(?:\n|$)/.exec(body)?.[1]
}

/**
 * The finding keys a review body of the action lists. Server text in it cannot
 * fake one: a message's `<!--` is written as text, a title's `<` is escaped, a path's is broken.
 */
export function findingKeysIn(body: string): string[] {
  const keys: string[] = []
  for (const match of body.matchAll(/(?<!\\)<!-- ai-planet-finding key=([0-9a-f]{24}) -->/g)) {
    if (match[1] !== undefined) keys.push(match[1])
  }
  return keys
}

/** Whether a review's body is one the action wrote (its first line is the review marker). */
export function isActionReview(body: string): boolean {
  return body.startsWith(`<!-- ${REVIEW_MARKER} `)
}

function keyMarker(finding: Finding): string {
  return `<!-- ${FINDING_MARKER} key=${findingKey(finding)} -->`
}

const LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', notice: 'Notice' }

/** A line comment: the hidden key, the severity and title, the message, the suggestion. */
export function lineCommentBody(finding: Finding, clean: Cleaners): string {
  const head = `${keyMarker(finding)}\n${heading(finding, clean.prose)}\n\n`
  let suggestion = ''
  if (finding.suggestion !== undefined) {
    suggestion =
      finding.suggestion.length <= MAX_SUGGESTION_CHARS
        ? `\n\n${fenced('suggestion', clean.code(finding.suggestion))}`
        : `\n\n_The suggested change (${finding.suggestion.length} characters) is too long for a comment; it is in the \`findings\` output._`
  }
  const room = MAX_COMMENT_CHARS - head.length - suggestion.length
  return head + cut(inertMarkdown(clean.prose(finding.message)), room) + suggestion
}

/** The review's own body: a count, and the findings that are not line comments, as a list. */
export function reviewBody(
  plan: ReviewPlan,
  identity: { workflowId: string | undefined; headSha: string },
  clean: Cleaners
): string {
  const marker = `<!-- ${REVIEW_MARKER} workflow=${encodeURIComponent(identity.workflowId ?? '')} sha=${identity.headSha.replace(/[^0-9a-f]/gi, '')} -->`
  const total = plan.comments.length + plan.listed.length
  const parts = [
    marker,
    `**AI review**: ${count(total, 'finding')}` +
      (plan.comments.length > 0 ? `, ${plan.comments.length} on the lines they are about` : '') +
      '.'
  ]
  if (plan.alreadyPosted > 0) {
    parts.push(
      `${count(plan.alreadyPosted, 'earlier finding')} on the same lines ` +
        `${plan.alreadyPosted === 1 ? 'is' : 'are'} not repeated.`
    )
  }
  if (plan.listed.length > 0) {
    parts.push(
      plan.comments.length >= MAX_LINE_COMMENTS
        ? `Outside the pull request's diff, or past ${MAX_LINE_COMMENTS} line comments:`
        : "Outside the pull request's diff (GitHub takes line comments only on the lines it shows):"
    )
  }
  let body = parts.join('\n\n')
  const items: string[] = []
  let length = body.length
  let left = 0
  for (const finding of plan.listed) {
    const item = listItem(finding, clean)
    // Room is kept for the line that says how many more there are.
    if (length + item.length + 200 > MAX_REVIEW_BODY_CHARS) {
      left++
      continue
    }
    items.push(item)
    length += item.length + 1
  }
  if (items.length > 0) body += `\n\n${items.join('\n')}`
  if (left > 0) {
    body += `\n\n${count(left, 'more finding')}: the run card and the \`findings\` output list every one.`
  }
  return body
}

function listItem(finding: Finding, clean: Cleaners): string {
  const where = `${finding.path}:${finding.line}${finding.endLine === undefined ? '' : `-${finding.endLine}`}`
  const message = cut(inertMarkdown(clean.prose(finding.message)), MAX_LISTED_MESSAGE_CHARS)
  // Indented under the item, so that a message of several paragraphs stays inside it.
  const indented = message.replace(/\n/g, '\n  ')
  return `- ${heading(finding, clean.prose)} ${codeSpan(clean.code(where).replace(/<!--/g, '<!\u200B--'))} ${keyMarker(finding)}\n  ${indented}`
}

function heading(finding: Finding, clean: Clean): string {
  const title = finding.title === undefined ? '' : `: ${escapeInline(clean(finding.title))}`
  return `**${LABEL[finding.severity]}${title}**`
}

/**
 * Markdown from a model, made unable to hide or fake what the action writes around it: an
 * HTML comment opened in it would swallow the rest of the comment (and a key marker in it
 * would pass for the action's), so `<!--` gets a zero-width space that makes it text.
 */
function inertMarkdown(text: string): string {
  return text.replace(/<!--/g, '<!\u200B--')
}

/** A title in bold on one line: characters that would end the bold or start markup are escaped. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~#]/g, character => `\\${character}`)
}

/** A code span that no backtick in the text can close early. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map(run => run[0].length))
  const ticks = '`'.repeat(longest + 1)
  return `${ticks}${longest > 0 ? ' ' : ''}${text}${longest > 0 ? ' ' : ''}${ticks}`
}

/** A fenced block no line of the text can close: the fence is longer than any run inside. */
function fenced(info: string, text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`{3,}/g)].map(run => run[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}${info}\n${text.replace(/\n$/, '')}\n${fence}`
}

function cut(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const note = '\n\n_[cut: the whole finding is in the `findings` output]_'
  let end = Math.max(0, maxChars - note.length)
  // Not between the two halves of a character outside the BMP (an emoji).
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--
  return text.slice(0, end) + note
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`
}
