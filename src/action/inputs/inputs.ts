import path from 'node:path'
import * as core from '@actions/core'
import type { WorkflowInputValue } from '../../platform/client.js'
import { DEFAULT_PATHS } from '../../platform/endpoints.js'
import { MIN_POLL_DELAY_MS } from '../../run/timing.js'
import type { CompiledSchema } from '../../output/json-schema.js'
import { checkBaseUrl, checkRunUrlTemplate } from './base-url.js'
import type { ActionInputs, RunStart } from './settings.js'
import {
  anyText,
  apiKey,
  boolean,
  endpointPath,
  filePath,
  oneOf,
  optional,
  required,
  runId,
  seconds,
  wholeNumber,
  word,
  type Check
} from './input-checks.js'

const MAX_TIMEOUT_SECONDS = 6 * 24 * 3600
const MIN_POLL_SECONDS = MIN_POLL_DELAY_MS / 1000

// It goes into a hidden HTML comment: `--` or `>` there would end the comment early.
const commentKey: Check<string> = raw => {
  const text = (raw ?? '').trim()
  return /^[A-Za-z0-9_./]+(-[A-Za-z0-9_./]+)*$/.test(text) && text.length <= 100
    ? { value: text }
    : { problem: 'must be at most 100 letters, digits and . _ / - (no spaces, no "--")' }
}

// A name of one of the run's outputs: any text on one line, as the workflow's nodes name them.
const outputName: Check<string> = raw => {
  const text = (raw ?? '').trim()
  return text.length <= 200 && !/\p{Cc}/u.test(text)
    ? { value: text }
    : { problem: 'must be at most 200 characters, with no line break or control character' }
}

/**
 * Every input that action.yml declares, with its check and its default (a unit test keeps
 * this table, action.yml and README.md equal, in both directions).
 */
const CHECKS = {
  'api-key': required('the platform API key, from a secret', apiKey),
  'base-url': required("the platform's API host, e.g. https://api.example.com", anyText),
  'workflow-id': optional(word, undefined),
  'run-id': optional(runId, undefined),
  inputs: optional(anyText, ''),
  'thread-id': optional(word, undefined),
  wait: optional(boolean, true),
  timeout: optional(seconds(1, MAX_TIMEOUT_SECONDS, '600, 90s, 15m or 1h'), 600_000),
  'poll-interval': optional(seconds(MIN_POLL_SECONDS, 3600, '1 or 0.5'), 1_000),
  'max-poll-interval': optional(seconds(MIN_POLL_SECONDS, 3600, '5 or 1m'), 4_800),
  retries: optional(wholeNumber(0, 20), 5),
  'fail-on-error': optional(boolean, true),
  'output-file': optional(filePath, undefined),
  'output-format': optional(oneOf('markdown', 'text'), 'markdown' as const),
  'output-name': optional(outputName, undefined),
  'output-schema': optional(anyText, undefined),
  'run-url-template': optional(anyText, undefined),
  summary: optional(boolean, true),
  comment: optional(boolean, false),
  'github-token': optional(anyText, undefined),
  'comment-on': optional(wholeNumber(1, Number.MAX_SAFE_INTEGER), undefined),
  'comment-mode': optional(oneOf('update', 'create'), 'update' as const),
  'comment-key': optional(commentKey, ''),
  'allow-mentions': optional(boolean, false),
  findings: optional(oneOf('off', 'annotations', 'review', 'both'), 'off' as const),
  'fail-on-findings': optional(oneOf('never', 'error', 'warning', 'notice'), 'never' as const),
  'allow-http': optional(boolean, false),
  'trigger-path': optional(endpointPath(false), DEFAULT_PATHS.trigger),
  'run-path': optional(endpointPath(true), DEFAULT_PATHS.run),
  'cancel-path': optional(endpointPath(true), DEFAULT_PATHS.cancel),
  stream: optional(boolean, false),
  'stream-path': optional(endpointPath(false), DEFAULT_PATHS.stream),
  'cancel-on-exit': optional(boolean, true)
} satisfies Record<string, Check<unknown>>

type InputName = keyof typeof CHECKS
type Checked = { [K in InputName]: (typeof CHECKS)[K] extends Check<infer T> ? T : never }

export const INPUT_NAMES = Object.keys(CHECKS) as InputName[]

/** The raw text of each input, `undefined` where the step left it empty (so defaults apply). */
export type RawInputs = Record<InputName, string | undefined>

/** Every problem with the step's inputs, reported together before any request is sent. */
export class InputError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(
      `Invalid inputs (${problems.length}); no request was sent:\n${problems.map(p => `  - ${p}`).join('\n')}`
    )
    this.name = 'InputError'
    this.problems = problems
  }
}

/** Reads every input through @actions/core; the only caller of `core.getInput`. */
export async function readInputs(): Promise<ActionInputs> {
  const raw = Object.fromEntries(
    INPUT_NAMES.map(name => [name, core.getInput(name) || undefined])
  ) as RawInputs
  // Masked before anything else can print them, valid or not.
  for (const secret of [raw['api-key'], raw['github-token']]) if (secret) core.setSecret(secret)
  return parseInputs(raw, process.env.GITHUB_WORKSPACE || process.cwd())
}

/** Validates raw inputs; throws one InputError listing every problem, each naming its input. */
export async function parseInputs(raw: RawInputs, workspace: string): Promise<ActionInputs> {
  const problems: string[] = []
  const values: Partial<Record<InputName, unknown>> = {}
  for (const name of INPUT_NAMES) {
    const checked = CHECKS[name](raw[name])
    if ('problem' in checked)
      problems.push(`\`${name}\` ${checked.problem}${shownValue(name, raw)}`)
    else values[name] = checked.value
  }
  // Checks across inputs read each input on its own, so that they are reported alongside
  // problems elsewhere rather than after those are fixed.
  const data = values as Checked
  problems.push(...conflicts(raw, data))
  // The YAML reader and MIME types are loaded only for a step that gives workflow inputs.
  let workflowInputs: WorkflowInputValue[] = []
  if ((raw.inputs ?? '').trim() !== '') {
    const { readWorkflowInputs } = await import('./workflow-inputs.js')
    const read = await readWorkflowInputs(raw.inputs ?? '', workspace)
    problems.push(...read.problems.map(p => `\`inputs\` ${p}`))
    workflowInputs = read.inputs
  }
  const baseUrl = raw['base-url']
    ? checkBaseUrl(raw['base-url'].trim(), data['allow-http'] ?? false, problems)
    : undefined
  const runUrlTemplate = data['run-url-template']
    ? checkRunUrlTemplate(data['run-url-template'].trim(), data['allow-http'] ?? false, problems)
    : undefined
  // ajv is loaded only for a step that gives a schema.
  let outputSchema: CompiledSchema | undefined
  if (data['output-schema']) {
    const { readOutputSchema } = await import('./output-schema.js')
    const read = await readOutputSchema(data['output-schema'], workspace)
    if ('problem' in read) problems.push(`\`output-schema\` ${read.problem}`)
    else outputSchema = read.schema
  }
  if (problems.length > 0 || baseUrl === undefined) throw new InputError(problems)
  const followed = data['run-id']
  const workflowId = data['workflow-id']
  const start: RunStart | undefined =
    followed !== undefined
      ? { kind: 'follow', runId: followed }
      : workflowId !== undefined
        ? {
            kind: 'trigger',
            request: { workflowId, inputs: workflowInputs, threadId: data['thread-id'] }
          }
        : undefined
  // conflicts() has reported a step with neither: this is for the compiler.
  if (start === undefined) throw new InputError(['`workflow-id` is required'])

  return {
    apiKey: data['api-key'],
    secrets: [data['api-key'], ...(data['github-token'] ? [data['github-token']] : [])],
    baseUrl,
    workflowId,
    start,
    wait: data.wait,
    timeoutMs: data.timeout,
    pollIntervalMs: data['poll-interval'],
    maxPollIntervalMs: data['max-poll-interval'],
    retries: data.retries,
    failOnError: data['fail-on-error'],
    outputFile: data['output-file'] ? path.resolve(workspace, data['output-file']) : undefined,
    outputFormat: data['output-format'],
    outputName: data['output-name'],
    outputSchema,
    runUrlTemplate,
    summary: data.summary,
    comment: data.comment
      ? {
          token: data['github-token'] ?? '',
          on: data['comment-on'],
          mode: data['comment-mode'],
          key: data['comment-key']
        }
      : undefined,
    allowMentions: data['allow-mentions'],
    findings: {
      annotations: data.findings === 'annotations' || data.findings === 'both',
      review:
        data.findings === 'review' || data.findings === 'both'
          ? { token: data['github-token'] ?? '', on: data['comment-on'] }
          : undefined,
      failOn: data['fail-on-findings']
    },
    stream: data.stream,
    cancelOnExit: data['cancel-on-exit'],
    paths: {
      trigger: data['trigger-path'],
      run: data['run-path'],
      cancel: data['cancel-path'],
      stream: data['stream-path']
    }
  }
}

/** Inputs that cannot go together, each problem naming both; checked on the raw text too. */
function conflicts(raw: RawInputs, data: Partial<Checked>): string[] {
  const given = (name: InputName): boolean => (raw[name] ?? '').trim() !== ''
  const problems: string[] = []
  if (!given('run-id') && !given('workflow-id')) {
    problems.push("`workflow-id` is required: the deployed workflow's id (or give `run-id`)")
  }
  if (given('run-id')) {
    // A run that exists already has its inputs and its thread, and following it is waiting.
    for (const other of ['inputs', 'thread-id'] as const) {
      if (given(other)) {
        problems.push(`\`run-id\` and \`${other}\` cannot be used together: the run exists already`)
      }
    }
    if (data.wait === false) {
      problems.push(
        '`run-id` and `wait: false` cannot be used together: following a run is waiting'
      )
    }
  }
  const [interval, ceiling] = [data['poll-interval'], data['max-poll-interval']]
  if (interval !== undefined && ceiling !== undefined && interval > ceiling) {
    problems.push('`poll-interval` must not be larger than `max-poll-interval`')
  }
  if (data.comment === true && !given('github-token')) {
    problems.push(
      '`github-token` is required with `comment: true` (the default is `${{ github.token }}`)'
    )
  }
  if ((data.findings === 'review' || data.findings === 'both') && !given('github-token')) {
    problems.push(
      `\`github-token\` is required with \`findings: ${data.findings}\` (the default is \`\${{ github.token }}\`)`
    )
  }
  return problems
}

function shownValue(name: InputName, raw: RawInputs): string {
  // Secrets are never echoed, `inputs` problems already say where they are, and base-url
  // problems say what they need without repeating a URL that may hold a password.
  if (
    ['api-key', 'github-token', 'inputs', 'base-url', 'run-url-template', 'output-schema'].includes(
      name
    )
  )
    return ''
  const value = raw[name]
  if (value === undefined) return ''
  // JSON, so that a control character or a line break shows as an escape.
  return ` (got ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)})`
}
