import path from 'node:path'
import * as core from '@actions/core'
import { z } from 'zod'
import { DEFAULT_PATHS, type PlatformPaths } from '../platform/endpoints.js'
import { MIN_POLL_DELAY_MS } from '../run/timing.js'
import type { WorkflowInputValue } from '../platform/client.js'
import { parseDurationSeconds } from '../util/duration.js'
import { checkBaseUrl } from './base-url.js'
import { parseWorkflowInputs, resolveWorkflowInputs } from './workflow-inputs.js'

/** Every input that action.yml declares; a unit test keeps the two lists equal. */
export const INPUT_NAMES = [
  'api-key',
  'base-url',
  'workflow-id',
  'inputs',
  'thread-id',
  'wait',
  'timeout',
  'poll-interval',
  'max-poll-interval',
  'retries',
  'fail-on-error',
  'output-file',
  'summary',
  'allow-http',
  'trigger-path',
  'run-path',
  'cancel-path',
  'stream',
  'stream-path',
  'cancel-on-exit'
] as const
type InputName = (typeof INPUT_NAMES)[number]

/** The raw text of each input, `undefined` where the step left it empty (so defaults apply). */
export type RawInputs = Record<InputName, string | undefined>

/** The validated settings of one step, in the units the code uses. */
export interface ActionInputs {
  apiKey: string
  baseUrl: URL
  workflowId: string
  workflowInputs: WorkflowInputValue[]
  threadId: string | undefined
  wait: boolean
  timeoutMs: number
  pollIntervalMs: number
  maxPollIntervalMs: number
  retries: number
  failOnError: boolean
  /** Absolute path chosen by the user, or undefined for the default under RUNNER_TEMP. */
  outputFile: string | undefined
  summary: boolean
  /** Trigger through the streaming endpoint and follow the run's events. */
  stream: boolean
  /** Cancel the run when the job is cancelled or `timeout` is spent. */
  cancelOnExit: boolean
  paths: PlatformPaths
}

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

const MAX_TIMEOUT_SECONDS = 6 * 24 * 3600
// Below this the trigger could not even be sent; the retries use the same floor for a pause.
const MIN_TIMEOUT_SECONDS = 1
const MIN_POLL_SECONDS = MIN_POLL_DELAY_MS / 1000

const boolean = z.stringbool({ error: 'must be true or false' })
const seconds = (min: number, max: number, example: string) =>
  z
    .string()
    .transform(text => parseDurationSeconds(text))
    .pipe(
      z
        .number({ error: `must be a number of seconds or a duration such as ${example}` })
        .min(min, `must be at least ${min} seconds (a number of seconds, or e.g. ${example})`)
        .max(max, `must be at most ${max} seconds`)
    )
const endpointPath = (needsRunId: boolean) =>
  z
    .string()
    .trim()
    .regex(/^\/[^\s?#\p{Cc}]*$/u, 'must be a path starting with / (no spaces, query or fragment)')
    .refine(p => !hasDotSegment(p), 'must not have a . or .. segment (it would move the path)')
    .refine(p => !needsRunId || p.includes('{run_id}'), 'must contain {run_id}')
const required = (what: string) => z.string({ error: `is required: ${what}` })
const singleLine = (what: string) =>
  required(what)
    .trim()
    .min(1, `is required: ${what}`)
    .regex(/^[^\s\p{Cc}]+$/u, 'must be one word with no spaces or control characters')

const schema = z.object({
  // Every occurrence of the key is masked in outputs: a very short "key" would mangle them.
  'api-key': singleLine('the platform API key, from a secret').pipe(
    z
      .string()
      .min(8, 'is too short for an API key (at least 8 characters): check the secret')
      // It travels in an HTTP header, which takes visible ASCII only.
      .regex(
        /^[\x21-\x7e]+$/,
        'must be visible ASCII characters only, as an HTTP header requires: check the secret'
      )
  ),
  'base-url': required("the platform's API host, e.g. https://api.example.com").trim(),
  'workflow-id': singleLine("the deployed workflow's id"),
  inputs: z.string().default(''),
  'thread-id': z
    .string()
    .trim()
    .regex(/^[^\s\p{Cc}]*$/u, 'must be one word with no spaces or control characters')
    .optional(),
  wait: boolean.default(true),
  timeout: seconds(MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, '600, 90s, 15m or 1h').default(600),
  'poll-interval': seconds(MIN_POLL_SECONDS, 3600, '1 or 0.5').default(1),
  'max-poll-interval': seconds(MIN_POLL_SECONDS, 3600, '15 or 1m').default(15),
  retries: z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number from 0 to 20')
    .transform(Number)
    .pipe(z.number().max(20, 'must be a whole number from 0 to 20'))
    .default(5),
  'fail-on-error': boolean.default(true),
  'output-file': z
    .string()
    .trim()
    .regex(/^[^\p{Cc}]*$/u, 'must be a file path with no control characters')
    .optional(),
  summary: boolean.default(true),
  'allow-http': boolean.default(false),
  'trigger-path': endpointPath(false).default(DEFAULT_PATHS.trigger),
  'run-path': endpointPath(true).default(DEFAULT_PATHS.run),
  'cancel-path': endpointPath(true).default(DEFAULT_PATHS.cancel),
  stream: boolean.default(false),
  'stream-path': endpointPath(false).default(DEFAULT_PATHS.stream),
  'cancel-on-exit': boolean.default(true)
} satisfies Record<InputName, z.ZodType>)

/** Reads every input through @actions/core; the only caller of `core.getInput`. */
export async function readInputs(): Promise<ActionInputs> {
  const raw = Object.fromEntries(
    INPUT_NAMES.map(name => [name, core.getInput(name) || undefined])
  ) as RawInputs
  // Masked before anything else can print it, valid or not.
  if (raw['api-key']) core.setSecret(raw['api-key'])
  return parseInputs(raw, process.env.GITHUB_WORKSPACE || process.cwd())
}

/** Validates raw inputs; throws one InputError listing every problem, each naming its input. */
export async function parseInputs(raw: RawInputs, workspace: string): Promise<ActionInputs> {
  const problems: string[] = []
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'inputs')
      problems.push(`\`${name}\` ${issue.message}${shownValue(name as InputName, raw)}`)
    }
  }
  const { specs, problems: inputProblems } = parseWorkflowInputs(raw.inputs ?? '')
  problems.push(...inputProblems.map(p => `\`inputs\` ${p}`))
  const resolved = await resolveWorkflowInputs(specs, workspace)
  problems.push(...resolved.problems.map(p => `\`inputs\` ${p}`))

  // Checks across inputs read each input on its own, so that they are reported alongside
  // problems elsewhere rather than after those are fixed.
  const field = <K extends InputName>(name: K): z.output<(typeof schema.shape)[K]> | undefined =>
    schema.shape[name].safeParse(raw[name]).data as z.output<(typeof schema.shape)[K]> | undefined
  const allowHttp = field('allow-http') ?? false
  const baseUrl = raw['base-url']
    ? checkBaseUrl(raw['base-url'].trim(), allowHttp, problems)
    : undefined
  const [pollInterval, maxPollInterval] = [field('poll-interval'), field('max-poll-interval')]
  if (
    pollInterval !== undefined &&
    maxPollInterval !== undefined &&
    pollInterval > maxPollInterval
  ) {
    problems.push('`poll-interval` must not be larger than `max-poll-interval`')
  }
  if (!parsed.success || baseUrl === undefined || problems.length > 0)
    throw new InputError(problems)

  const data = parsed.data
  return {
    apiKey: data['api-key'],
    baseUrl,
    workflowId: data['workflow-id'],
    workflowInputs: resolved.inputs,
    threadId: data['thread-id'] || undefined,
    wait: data.wait,
    timeoutMs: data.timeout * 1000,
    pollIntervalMs: data['poll-interval'] * 1000,
    maxPollIntervalMs: data['max-poll-interval'] * 1000,
    retries: data.retries,
    failOnError: data['fail-on-error'],
    outputFile: data['output-file'] ? path.resolve(workspace, data['output-file']) : undefined,
    summary: data.summary,
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

function shownValue(name: InputName, raw: RawInputs): string {
  // The key is never echoed, `inputs` problems already say where they are, and base-url
  // problems say what they need without repeating a URL that may hold a password.
  if (name === 'api-key' || name === 'inputs' || name === 'base-url') return ''
  const value = raw[name]
  if (value === undefined) return ''
  // JSON, so that a control character or a line break shows as an escape.
  return ` (got ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)})`
}

/** A `.` or `..` segment, written plainly or percent-encoded: URL parsing would move the path. */
function hasDotSegment(path: string): boolean {
  return path.split('/').some(segment => /^(\.|%2e){1,2}$/i.test(segment))
}
