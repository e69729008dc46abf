import * as core from '@actions/core'
import { boundUtf8, MAX_OUTPUT_BYTES, truncationMarker } from '../../output/bounds.js'
import { boundJson } from '../../output/json-bounds.js'
import type { Redactor } from '../../output/redactor.js'
import type { OutputSummary } from '../../output/sink.js'
import { ApiError } from '../../platform/errors.js'
import { IDENTIFYING_FIELDS, type Usage } from '../../platform/run-object.js'
import type { RunState } from '../../run/state.js'
import { formatSeconds } from '../../util/duration.js'
import { getErrorMessage } from '../../util/errors.js'
import { boundedAnnotation, coreLogger, inertLine } from '../core-logger.js'
import type { Finding, FindingsRead } from '../../findings/read.js'
import type { FindingsSettings, ReviewSettings } from '../inputs/settings.js'
import { decideOutcome } from '../outcome.js'
import { runUrl } from '../inputs/base-url.js'
import type { CompiledSchema, OutputCheck } from '../../output/json-schema.js'
import type { CardPublishing } from './publish-card.js'

/** Every output that action.yml declares, in the order they are set: the run's identity first. */
export const OUTPUT_NAMES = [
  'run-id',
  'thread-id',
  'status',
  'error',
  'duration',
  'output',
  'output-file',
  'result',
  'outputs',
  'json',
  'usage',
  'run-url',
  'findings',
  'findings-count',
  'comment-url'
] as const
type OutputName = (typeof OUTPUT_NAMES)[number]

/** What the step produced: the run's state, its closed output, and the action's own failure. */
export interface RunReport {
  state: RunState
  output: OutputSummary | undefined
  failure: unknown
}

/** The inputs that shape publishing; undefined when the inputs themselves were invalid. */
export interface PublishOptions extends Omit<CardPublishing, 'startedAt' | 'signal'> {
  failOnError: boolean
  outputName: string | undefined
  findings: FindingsSettings
  outputSchema: CompiledSchema | undefined
  runUrlTemplate: string | undefined
}

/**
 * Publishes what the run produced: outputs, the job summary, and how the step ends. Reads the
 * report, changes nothing in it; every server-given string is redacted on the way out.
 */
export async function publish(
  report: RunReport,
  options: PublishOptions | undefined,
  redactor: Redactor,
  now: number,
  signal?: AbortSignal
): Promise<void> {
  const r = (text: string | undefined): string | undefined =>
    text === undefined ? undefined : redactor.redact(text)
  const { state, output, failure } = report
  const runId = r(state.runId)
  const failureMessage = failure === undefined ? undefined : r(getErrorMessage(failure))
  // Checked only for a run that completed: a failed run's output is not its answer.
  // The schema's code is loaded only by a step that gives one (inputs.ts compiled it).
  const schemaCode =
    options?.outputSchema && output && state.status === 'completed' && failure === undefined
      ? await import('../../output/json-schema.js')
      : undefined
  const schemaCheck =
    schemaCode && options?.outputSchema && output
      ? options.outputSchema.check(
          await wholeOutput(output, schemaCode.MAX_CHECKED_BYTES),
          output.totalBytes
        )
      : undefined
  const schemaProblem =
    schemaCode && schemaCheck && !schemaCheck.ok
      ? schemaCode.schemaMismatchMessage(schemaCheck, text => redactor.redact(text))
      : undefined
  const error = failureMessage ?? r(state.error) ?? schemaProblem
  const link =
    options?.runUrlTemplate && runId !== undefined
      ? r(runUrl(options.runUrlTemplate, runId))
      : undefined
  const duration =
    state.startedAt === undefined || runId === undefined
      ? undefined
      : formatSeconds((state.finishedAt ?? now) - state.startedAt)

  // Read once, redacted, for the annotations, the card, the outputs and the gate alike; the
  // code is loaded only by a step that asks for findings.
  const asked =
    options !== undefined &&
    output !== undefined &&
    (options.findings.annotations ||
      options.findings.review !== undefined ||
      options.findings.failOn !== 'never')
  const findingsCode = asked ? await loadFindingsCode() : undefined
  const findings =
    findingsCode && output
      ? redactedFindings(findingsCode.readFindings(output.head), redactor)
      : undefined
  const outputs: Record<OutputName, string | undefined> = {
    'run-id': runId,
    'thread-id': r(state.threadId),
    status: state.status,
    error: error === undefined ? undefined : bounded(error, 'error'),
    duration,
    output: output && outputText(output),
    'output-file': output?.file,
    result:
      state.result === undefined
        ? undefined
        : resultJson(state.result, state.resultReduced === true, redactor),
    outputs:
      state.namedOutputs === undefined
        ? undefined
        : namedOutputsJson(state.namedOutputs, options?.outputName, redactor),
    json: schemaCheck?.ok ? compactJson(schemaCheck, redactor) : undefined,
    usage: state.usage && JSON.stringify(usageJson(state.usage)),
    'run-url': link,
    findings:
      findings &&
      boundJson(findings.findings, MAX_OUTPUT_BYTES, chars => `[left out: ${chars} characters]`)
        .json,
    'findings-count': findings && String(findings.findings.length),
    // Set once the comment is posted, after every other output.
    'comment-url': undefined
  }
  // Every output passes the redactor here, whatever was redacted before: there is no exception.
  const setOutput = (name: OutputName, value: string): void =>
    core.setOutput(name, redactor.redact(value))
  for (const name of OUTPUT_NAMES) {
    const value = outputs[name]
    if (value !== undefined) setOutput(name, value)
  }
  if (output?.fileError !== undefined) {
    core.warning(
      r(`Could not write the output file (${output.fileError}); \`output-file\` is not set.`)!
    )
  }

  if (findings && options?.findings.annotations) findingsCode?.annotateFindings(findings, redactor)

  if (options && (runId !== undefined || failure instanceof ApiError)) {
    // The card's renderer is loaded only by a step that has a run (or an API error) to show.
    const { publishCard } = await import('./publish-card.js')
    const commentUrl = await publishCard(
      {
        workflowId: state.workflowId,
        runId,
        threadId: outputs['thread-id'],
        status: state.status,
        error,
        output: output && {
          head: output.head,
          totalBytes: output.totalBytes,
          file: output.file
        },
        duration,
        usage: state.usage,
        runUrl: link,
        findings: findings?.findings
      },
      { ...options, startedAt: state.startedAt ?? now, signal },
      redactor
    )
    if (commentUrl !== undefined) setOutput('comment-url', commentUrl)
  }

  if (findings && options?.findings.review && runId !== undefined) {
    await reviewFindings(findings.findings, options.findings.review, {
      workflowId: state.workflowId,
      allowMentions: options.allowMentions,
      redactor,
      signal
    })
  }

  const outcome = decideOutcome({
    status: state.status,
    finished: state.finished,
    runId,
    error,
    failure: failureMessage,
    duration,
    failOnError: options?.failOnError ?? true,
    schema: schemaProblem,
    findings:
      findings &&
      options &&
      findingsCode?.findingsGate(
        findings.findings,
        options.findings.failOn,
        findingsCode.findingsAtOrAbove(findings.findings, options.findings.failOn)
      )
  })
  const annotation = boundedAnnotation(outcome.message, 'the whole error is in the `error` output')
  if (outcome.level === 'failure') core.setFailed(annotation)
  else if (outcome.level === 'warning') core.warning(annotation)
  else core.info(inertLine(outcome.message))
}

/** Posts the findings as a review; every problem is a warning, the outcome is decided apart. */
async function reviewFindings(
  findings: Finding[],
  settings: ReviewSettings,
  how: {
    workflowId: string | undefined
    allowMentions: boolean
    redactor: Redactor
    signal: AbortSignal | undefined
  }
): Promise<void> {
  const logger = coreLogger(how.redactor)
  const redact = (text: string): string => how.redactor.redact(text)
  try {
    // Octokit and the review's code are loaded only by a step that posts a review.
    const { postFindingsReview } = await import('./review.js')
    const { withoutMentionsInMarkdown } = await import('./mentions.js')
    const result = await postFindingsReview(
      settings,
      findings,
      { workflowId: how.workflowId },
      {
        signal: how.signal,
        logger,
        clean: {
          text: text =>
            how.allowMentions ? redact(text) : withoutMentionsInMarkdown(redact(text)),
          code: redact
        }
      }
    )
    if ('warning' in result) logger.warning(result.warning)
    else if ('notice' in result) logger.info(result.notice)
    else {
      logger.info(
        `Posted the findings as a review: ${result.lineComments} line comment(s), ` +
          `${result.listed} in its body: ${result.url}`
      )
    }
  } catch (error) {
    core.warning(redact(`Could not post the review: ${getErrorMessage(error)}`))
  }
}

async function loadFindingsCode() {
  // One after the other: jest's ESM loader trips on modules loaded at once that share others.
  const { readFindings } = await import('../../findings/read.js')
  const { findingsAtOrAbove } = await import('../../findings/gate.js')
  const { annotateFindings, findingsGate } = await import('./findings.js')
  return { readFindings, findingsAtOrAbove, annotateFindings, findingsGate }
}

/** Findings with every secret removed from their text (a path, a message, a suggestion). */
function redactedFindings(read: FindingsRead, redactor: Redactor): FindingsRead {
  return { ...read, findings: redactor.redactValue(read.findings) as Finding[] }
}

/**
 * The output as the schema reads it: the head, or the whole file when the head is cut and the
 * whole is small enough to be checked (a larger one fails the check without being read).
 */
async function wholeOutput(output: OutputSummary, maxBytes: number): Promise<string> {
  const whole = output.totalBytes <= Buffer.byteLength(output.head)
  if (whole || output.file === undefined || output.totalBytes > maxBytes) {
    return output.head
  }
  const { readFile } = await import('node:fs/promises')
  return readFile(output.file, 'utf8').catch(() => output.head)
}

/**
 * The `json` output: the matched JSON as the run wrote it, whitespace taken out (numbers keep
 * their digits), or, when a secret is in it, re-written from the redacted value. Not set (with a
 * warning) when it is larger than an output.
 */
function compactJson(
  check: Extract<OutputCheck, { ok: true }>,
  redactor: Redactor
): string | undefined {
  const redacted = redactor.redactValue(check.json)
  const json =
    JSON.stringify(redacted) === JSON.stringify(check.json)
      ? redactor.redact(check.text)
      : JSON.stringify(redacted)
  if (Buffer.byteLength(json) <= MAX_OUTPUT_BYTES) return json
  core.warning(
    `The output matches \`output-schema\`, but as compact JSON it is larger than ${MAX_OUTPUT_BYTES} bytes, so \`json\` is not set; read \`output-file\`.`
  )
  return undefined
}

/**
 * The `outputs` output, bounded: a value too long for it is noted, and says where it is kept
 * (the output file holds every value only when no `output-name` chose one); a warning says so.
 */
function namedOutputsJson(
  named: Readonly<Record<string, string>>,
  outputName: string | undefined,
  redactor: Redactor
): string {
  const where =
    outputName === undefined
      ? 'output-file holds the whole output'
      : 'not kept: output-file holds only the output output-name chose'
  const { json, reduced } = boundJson(
    redactor.redactValue({ ...named }),
    MAX_OUTPUT_BYTES,
    chars => `[left out of outputs: ${chars} characters; ${where}]`
  )
  if (reduced) {
    core.warning(
      `The run's named outputs are larger than ${MAX_OUTPUT_BYTES} bytes together, so \`outputs\` leaves out the longest (${where}).`
    )
  }
  return json
}

/** The `usage` output: what the run reported, in the names most tools use. */
function usageJson(usage: Usage): Record<string, number> {
  const json: Record<string, number> = {}
  if (usage.inputTokens !== undefined) json.input_tokens = usage.inputTokens
  if (usage.outputTokens !== undefined) json.output_tokens = usage.outputTokens
  if (usage.totalTokens !== undefined) json.total_tokens = usage.totalTokens
  if (usage.cost !== undefined) json.cost = usage.cost
  return json
}

/** The `output` output: the head of the output, cut with a marker that says where the rest is. */
function outputText(output: OutputSummary): string {
  const text = boundUtf8(
    output.head,
    MAX_OUTPUT_BYTES,
    truncationMarker('output', output.totalBytes, output.file)
  )
  if (text.truncated) {
    const whole = output.file
      ? `Read the whole output from ${output.file} (the \`output-file\` output).`
      : 'The output file could not be written, so the rest is not kept.'
    core.warning(
      `The run's output (${output.totalBytes} bytes) is larger than ${MAX_OUTPUT_BYTES} bytes; ` +
        `the \`output\` step output is cut short. ${whole}`
    )
  }
  return text.text
}

/** The `result` output: the run object as valid JSON, made smaller (with a warning) if need be. */
function resultJson(result: unknown, alreadyReduced: boolean, redactor: Redactor): string {
  const { json, reduced } = boundJson(
    redactor.redactValue(result),
    MAX_OUTPUT_BYTES,
    chars => `[left out of result: ${chars} characters; see the output and output-file outputs]`,
    IDENTIFYING_FIELDS
  )
  if (reduced || alreadyReduced) {
    core.warning(
      `The run object is larger than ${MAX_OUTPUT_BYTES} bytes, so \`result\` leaves out its long ` +
        'fields (it is still valid JSON); the whole output is in `output-file`.'
    )
  }
  return json
}

function bounded(text: string, what: string): string {
  return boundUtf8(
    text,
    MAX_OUTPUT_BYTES,
    truncationMarker(what, Buffer.byteLength(text), undefined)
  ).text
}
