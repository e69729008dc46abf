import type { TriggerRequest } from '../../platform/client.js'
import type { Severity } from '../../findings/read.js'
import type { PlatformPaths } from '../../platform/endpoints.js'
import type { CompiledSchema } from '../../output/json-schema.js'

// The settings of one step, as the inputs give them once checked (inputs.ts).

export type RunStart =
  { kind: 'trigger'; request: TriggerRequest } | { kind: 'follow'; runId: string }

/** Where and how to post the run card as a pull-request or issue comment. */
export interface CommentSettings {
  token: string
  /** The issue or PR number; undefined: the one of the triggering event. */
  on: number | undefined
  mode: 'update' | 'create'
  key: string
}

/** Where to post the findings as a pull-request review. */
export interface ReviewSettings {
  token: string
  /** The pull request's number; undefined: the one of the triggering event. */
  on: number | undefined
}

/** Findings: shown as annotations, posted as a review, and a gate on their severity. */
export interface FindingsSettings {
  annotations: boolean
  review: ReviewSettings | undefined
  failOn: Severity | 'never'
}

/** The validated settings of one step, in the units the code uses. */
export interface ActionInputs {
  apiKey: string
  /** Every secret among the inputs (the key, the GitHub token), removed from all the step shows. */
  secrets: string[]
  baseUrl: URL
  /** Undefined only when following an existing run whose workflow was not named. */
  workflowId: string | undefined
  /** Trigger a run, or follow one started elsewhere (`run-id`). */
  start: RunStart
  wait: boolean
  timeoutMs: number
  pollIntervalMs: number
  maxPollIntervalMs: number
  retries: number
  failOnError: boolean
  /** Absolute path chosen by the user, or undefined for the default under RUNNER_TEMP. */
  outputFile: string | undefined
  outputFormat: 'markdown' | 'text'
  /** Which named value of the output is `output` (and the card's, and the findings'). */
  outputName: string | undefined
  /** The JSON Schema the output must match (`output-schema`), compiled. */
  outputSchema: CompiledSchema | undefined
  /** The run's page in the platform's UI, with `{run_id}` where its id goes. */
  runUrlTemplate: string | undefined
  summary: boolean
  comment: CommentSettings | undefined
  /** What to do with the findings in the output (docs/findings.md). */
  findings: FindingsSettings
  /** Leave `@name` in the run card live; off, they notify nobody. */
  allowMentions: boolean
  /** Trigger through the streaming endpoint and follow the run's events. */
  stream: boolean
  /** Cancel the run when the job is cancelled or `timeout` is spent. */
  cancelOnExit: boolean
  paths: PlatformPaths
}
