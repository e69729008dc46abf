import { REVIEW_ANSWER } from './findings.js'
import type { RunScript, Scope, SimulatorOptions, WorkflowSpec } from './types.js'

export const DEMO_KEY = 'sim-key-0123456789abcdef'
const DEMO_WORKFLOW_ID = 'wf-demo'

const DEFAULT_ERROR = 'Workflow node "LLM" failed: upstream model error'

// The permission names the platform would quote in a 403; the scopes are our shorthand for them.
export const PERMISSION: Record<Scope, string> = {
  trigger: 'trigger_executions',
  read: 'read_results',
  cancel: 'cancel_executions'
}

export function defaultOptions(): SimulatorOptions {
  return {
    host: '127.0.0.1',
    port: 0,
    pathPrefix: '',
    keys: { [DEMO_KEY]: ['trigger', 'read', 'cancel'] },
    workflows: {
      [DEMO_WORKFLOW_ID]: { inputs: [{ name: 'question', required: true }] },
      // A reviewer: its answer holds findings (simulator/findings.ts, docs/findings.md).
      'wf-review': { run: { durationMs: 1500, output: REVIEW_ANSWER } },
      // Release notes from several output nodes, one of them JSON, and what the run used.
      'wf-release': {
        run: {
          durationMs: 800,
          outputShape: 'raw',
          output: [
            { name: 'notes', value: '## 1.2.0\n\n- Faster polling\n- Findings as a review' },
            { name: 'meta', value: '{"version": "1.2.0", "breaking": false}' }
          ],
          usage: { prompt_tokens: 1830, completion_tokens: 412, cost: 0.0061 }
        }
      }
    },
    variant: {},
    stream: {},
    retryAfter: '1'
  }
}

// Keys and workflows merge by id so a test can add one without restating the rest; variant and
// stream merge field by field so options set earlier stay in force.
export function mergeOptions(
  base: SimulatorOptions,
  patch: Partial<SimulatorOptions>
): SimulatorOptions {
  const merged: SimulatorOptions = { ...base, ...patch }
  if (patch.keys) merged.keys = { ...base.keys, ...patch.keys }
  if (patch.workflows) merged.workflows = { ...base.workflows, ...patch.workflows }
  if (patch.variant) merged.variant = { ...base.variant, ...patch.variant }
  if (patch.stream) merged.stream = { ...base.stream, ...patch.stream }
  return merged
}

// Options given at start replace the defaults wholesale for keys and workflows: a test that
// lists its own keys must not silently keep the demo key working.
export function resolveOptions(given: SimulatorOptions = {}): SimulatorOptions {
  const base = defaultOptions()
  return {
    ...base,
    ...given,
    keys: given.keys ?? base.keys,
    workflows: given.workflows ?? base.workflows,
    variant: { ...given.variant },
    stream: { ...given.stream },
    retryAfter: given.retryAfter ?? base.retryAfter
  }
}

export function normalizePrefix(prefix: string | undefined): string {
  if (!prefix) return ''
  const trimmed = prefix.replace(/\/+$/, '')
  if (trimmed === '') return ''
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

export interface ResolvedScript {
  pendingMs: number
  durationMs: number
  outcome: 'completed' | 'failed' | 'cancelled'
  output: unknown
  error: string
  outputChunks: string[] | undefined
  usage: Record<string, unknown> | undefined
  outputShape: RunScript['outputShape']
}

// Inputs whose spec is absent count as text, the platform's common case.
function firstTextValue(workflow: WorkflowSpec, inputs: unknown[]): string {
  for (const entry of inputs) {
    if (typeof entry !== 'object' || entry === null) continue
    const { name, type, value } = entry as Record<string, unknown>
    const spec = workflow.inputs?.find(i => i.name === name)
    const kind = spec?.type ?? (typeof type === 'string' ? type : 'text')
    if (kind === 'text' && typeof value === 'string') return value
  }
  return ''
}

export function resolveScript(workflow: WorkflowSpec, inputs: unknown[]): ResolvedScript {
  const run: RunScript = workflow.run ?? {}
  const durationMs = Math.max(0, run.durationMs ?? 200)
  return {
    pendingMs: Math.min(Math.max(0, run.pendingMs ?? 0), durationMs),
    durationMs,
    outcome: run.outcome ?? 'completed',
    output:
      run.output !== undefined ? run.output : `Answer to: ${firstTextValue(workflow, inputs)}`,
    error: run.error ?? DEFAULT_ERROR,
    outputChunks: run.outputChunks,
    usage: run.usage,
    outputShape: run.outputShape
  }
}
