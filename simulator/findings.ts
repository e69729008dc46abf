// The review scenario: workflow `wf-review` answers with findings (docs/findings.md) about a
// pull request whose changed files are below, some on lines of its diff and some not. The
// demo (`npm run demo -- --findings`) seeds the fake GitHub with the pull request.

/** A finding as a model writes it, and whether its lines are in the pull request's diff. */
interface ScenarioFinding {
  path: string
  line: number
  end_line?: number
  severity: string
  title: string
  message: string
  suggestion?: string
  inDiff: boolean
}

const SESSION_PATCH = [
  '@@ -10,8 +10,15 @@ export interface Session {',
  ' ',
  ' export function checkToken(session: Session, given: string): boolean {',
  '-  return session.token === given',
  '+  if (!given) return false',
  '+  return session.token == given',
  ' }',
  ' ',
  '+export function refresh(session: Session): Session {',
  '+  const expiresAt = session.expiresAt',
  '+  const token = newToken()',
  '+  return { ...session, token, expiresAt }',
  '+}',
  '+',
  ' export function newToken(): string {',
  '   return randomBytes(32).toString("hex")',
  ' }'
].join('\n')

const HANDLER_PATCH = [
  '@@ -5,4 +5,6 @@ import { refresh } from "../auth/session"',
  ' export async function handle(request: Request): Promise<Response> {',
  '   const session = await load(request)',
  '+  save(refresh(session))',
  '+  audit(session.user)',
  '   return respond(session)',
  ' }'
].join('\n')

/** The pull request the findings are about, as `pulls/{n}` and `pulls/{n}/files` give it. */
export const REVIEW_PULL = {
  headSha: '3f2a9c4e8b1d7f6a5c0e9b8d7a6f5e4d3c2b1a09',
  files: [
    { filename: 'src/auth/session.ts', patch: SESSION_PATCH },
    { filename: 'src/api/handler.ts', patch: HANDLER_PATCH }
  ]
}

export const REVIEW_FINDINGS: ScenarioFinding[] = [
  {
    path: 'src/auth/session.ts',
    line: 13,
    severity: 'high',
    title: 'Token compared in variable time',
    message:
      '`==` stops at the first differing character, so response times tell an attacker how much ' +
      'of a guessed token is right. Compare digests with `timingSafeEqual`.',
    suggestion: '  return timingSafeEqual(digest(session.token), digest(given))',
    inDiff: true
  },
  {
    path: 'src/auth/session.ts',
    line: 17,
    end_line: 19,
    severity: 'medium',
    title: 'Refresh keeps the old expiry',
    message: 'A refreshed session expires when the old one would have: extend `expiresAt` too.',
    suggestion:
      '  const expiresAt = Date.now() + SESSION_LIFETIME_MS\n' +
      '  const token = newToken()\n' +
      '  return { ...session, token, expiresAt }',
    inDiff: true
  },
  {
    path: 'src/api/handler.ts',
    line: 7,
    severity: 'medium',
    title: 'Unhandled rejection',
    message: '`save()` returns a promise that nothing awaits; a failed save is lost silently.',
    inDiff: true
  },
  {
    path: 'src/api/handler.ts',
    line: 31,
    severity: 'info',
    title: 'Error responses leak stack traces',
    message: '`respondError` sends `error.stack` to the client in every environment.',
    inDiff: false
  },
  {
    path: 'docs/auth.md',
    line: 3,
    severity: 'info',
    title: 'Docs',
    message: 'The session lifetime described here no longer matches the code.',
    inDiff: false
  }
]

function asWritten(finding: ScenarioFinding): Omit<ScenarioFinding, 'inDiff'> {
  const written: Partial<ScenarioFinding> = { ...finding }
  delete written.inDiff
  return written as Omit<ScenarioFinding, 'inDiff'>
}

/** What `wf-review` answers: Markdown with one ```json block of findings, as a model writes it. */
export const REVIEW_ANSWER =
  'I reviewed the changes to session handling.\n\n' +
  'One security problem (a token compared in variable time) and two bugs; details below.\n\n' +
  '```json\n' +
  JSON.stringify({ findings: REVIEW_FINDINGS.map(asWritten) }, null, 2) +
  '\n```\n'
