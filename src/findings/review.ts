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
/** A finding listed in the body shows this much of its message's first line. */
const MAX_LISTED_MESSAGE_CHARS = 300

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

/** What the action posted earlier on this pull request, read from its own reviews. */
export interface EarlierFindings {
  /** `placedKey` of each earlier line comment, its line as GitHub places it now. */
  onLines: ReadonlySet<string>
  /** `placedKey` of each finding listed in the body of an earlier review of the same head. */
  inBodies: ReadonlySet<string>
}

/** How server text is made safe to post (redaction, mentions): the caller's functions. */
type Clean = (text: string) => string
export interface Cleaners {
  /** For text a reader reads (a message, a title): redacted, and no `@` that notifies. */
  text: Clean
  /** For code shown as it is (a path, a suggestion): redacted. */
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
  const planned = new Set<string>()
  let alreadyPosted = 0
  for (const finding of findings) {
    const last = finding.endLine ?? finding.line
    const placed = placedKey(findingKey(finding), last)
    if (earlier.onLines.has(placed) || earlier.inBodies.has(placed)) {
      alreadyPosted++
      continue
    }
    // The same finding twice in one answer (`./a.ts` and `a.ts`, say) is posted once.
    if (planned.has(placed)) continue
    planned.add(placed)
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

/**
 * A finding where it is: its key (file and message) and its last line. GitHub moves a comment
 * with its line as the file changes, so an earlier comment is matched where it is now, and a
 * finding whose code moved down three lines is still the one posted before.
 */
export function placedKey(key: string, line: number): string {
  return `${key}@${line}`
}

/** The key of a line comment the action wrote: its first line, and nothing else in it. */
export function lineCommentKey(body: string): string | undefined {
  return /^<!-- ai-planet-finding key=([0-9a-f]{24}) -->(?:\n|$)/.exec(body)?.[1]
}

/**
 * The findings a review body of the action lists, as `placedKey`s. Server text in it cannot
 * fake one: a listed message and a title are escaped (`\<`), a path's `<!--` is broken.
 */
export function listedKeysIn(body: string): string[] {
  const keys: string[] = []
  for (const match of body.matchAll(
    /(?<!\\)<!-- ai-planet-finding key=([0-9a-f]{24}) line=(\d{1,9}) -->/g
  )) {
    if (match[1] !== undefined) keys.push(placedKey(match[1], Number(match[2])))
  }
  return keys
}

/** Whether a review's body is one the action wrote (its first line is the review marker). */
export function isActionReview(body: string): boolean {
  return body.startsWith(`<!-- ${REVIEW_MARKER} `)
}

const LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', notice: 'Notice' }

/**
 * A line comment: the hidden key, the severity and title, the suggestion, then the message.
 * The suggestion comes before the model's Markdown, so that nothing in it (an HTML block, an
 * unclosed fence, a cut) can swallow the suggestion.
 */
export function lineCommentBody(finding: Finding, clean: Cleaners): string {
  const head = `<!-- ${FINDING_MARKER} key=${findingKey(finding)} -->\n${heading(finding, clean)}\n\n`
  let suggestion = ''
  if (finding.suggestion !== undefined) {
    const block = fenced('suggestion', clean.code(finding.suggestion))
    suggestion =
      block.length <= MAX_SUGGESTION_CHARS
        ? `${block}\n\n`
        : `_The suggested change (${finding.suggestion.length} characters) is too long for a comment; it is in the \`findings\` output._\n\n`
  }
  const room = MAX_COMMENT_CHARS - head.length - suggestion.length
  return head + suggestion + cut(inertMarkdown(clean.text(finding.message)), room)
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

/**
 * One finding in the body's list, on one line of plain text: where it is, its title and the
 * start of its message (the whole of it is in the run card and the outputs), all escaped, so
 * that no markup in it reaches past its own item.
 */
function listItem(finding: Finding, clean: Cleaners): string {
  const where = `${finding.path}:${finding.line}${finding.endLine === undefined ? '' : `-${finding.endLine}`}`
  const firstLine =
    clean
      .text(finding.message)
      .split('\n')
      .find(line => line.trim() !== '') ?? ''
  const summary = escapeInline(cutLine(firstLine.trim(), MAX_LISTED_MESSAGE_CHARS))
  const marker = `<!-- ${FINDING_MARKER} key=${findingKey(finding)} line=${finding.endLine ?? finding.line} -->`
  return `- ${heading(finding, clean)} ${codeSpan(clean.code(where).replace(/<!--/g, '<!\u200B--'))}: ${summary} ${marker}`
}

function heading(finding: Finding, clean: Cleaners): string {
  const title = finding.title === undefined ? '' : `: ${escapeInline(clean.text(finding.title))}`
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

/** Text in bold on one line: characters that would end the bold or start markup are escaped. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~#!]/g, character => `\\${character}`)
}

/** The longest run of backticks in a text (counted in one pass, whatever its length). */
function longestBacktickRun(text: string): number {
  let longest = 0
  let run = 0
  for (let i = 0; i < text.length; i++) {
    run = text.charCodeAt(i) === 96 ? run + 1 : 0
    if (run > longest) longest = run
  }
  return longest
}

/** A code span that no backtick in the text can close early. */
function codeSpan(text: string): string {
  const longest = longestBacktickRun(text)
  const ticks = '`'.repeat(longest + 1)
  return `${ticks}${longest > 0 ? ' ' : ''}${text}${longest > 0 ? ' ' : ''}${ticks}`
}

/** A fenced block no line of the text can close: the fence is longer than any run inside. */
function fenced(info: string, text: string): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1))
  return `${fence}${info}\n${text.replace(/\n$/, '')}\n${fence}`
}

function cut(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const note = '\n\n_[cut: the whole finding is in the `findings` output]_'
  return cutAt(text, maxChars - note.length) + note
}

function cutLine(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${cutAt(text, maxChars - 1)}…`
}

/** The first `end` characters, not between the two halves of one outside the BMP (an emoji). */
function cutAt(text: string, end: number): string {
  let at = Math.max(0, end)
  if (/[\uD800-\uDBFF]/.test(text.charAt(at - 1))) at--
  return text.slice(0, at)
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`
}
