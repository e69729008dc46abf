import type { ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { outputText, renderStatus, scriptVariant, shapeOutput, splitText } from './render.js'
import type { RunRecord } from './runs.js'
import type { ResponseVariant, StreamOptions } from './types.js'
import { ChunkWriter } from './writer.js'

export interface StreamJob {
  res: ServerResponse
  run: RunRecord
  key: string | undefined
  options: StreamOptions
  variant: ResponseVariant
  signal: AbortSignal
}

type Step =
  | { kind: 'first' }
  | { kind: 'running' }
  | { kind: 'delta'; text: string; index: number; of: number }
  | { kind: 'terminal' }
  | { kind: 'done' }

const DONE = '[DONE]'

export const STREAM_HEADERS = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache',
  'X-Accel-Buffering': 'no'
}

// Targets such as "when the run ahead in the thread ends" move when a run is cancelled, so
// waits re-read them in short slices instead of sleeping once.
const SLICE_MS = 20

function encodeEvent(name: string, data: unknown, options: StreamOptions): string {
  const le = options.lineEnding ?? '\n'
  const text =
    data === DONE
      ? DONE
      : options.multilineData
        ? JSON.stringify(data, null, 1)
        : JSON.stringify(data)
  const head = options.eventNames === 'named' ? `event: ${name}${le}` : ''
  return `${head}${text
    .split('\n')
    .map(line => `data: ${line}${le}`)
    .join('')}${le}`
}

export function firstEvent(job: Omit<StreamJob, 'res' | 'signal'>): string {
  const { run, variant, options } = job
  const data = {
    [variant.idField ?? 'run_id']: run.id,
    thread_id: run.threadId,
    status: renderStatus('pending', variant)
  }
  return encodeEvent('status', data, options)
}

function terminalEvent(job: StreamJob): string {
  const { run, variant, options, key } = job
  const status = run.status()
  const rendered = renderStatus(status, variant)
  if (status === 'completed' && options.finalOutput !== false) {
    const output = shapeOutput(run.script.output, scriptVariant(run.script, variant), key)
    const usage = run.script.usage === undefined ? {} : { usage: run.script.usage }
    return encodeEvent('output', { status: rendered, output, ...usage }, options)
  }
  if (status === 'failed') {
    const message = run.script.error
    const error = variant.errorField === 'error-object' ? { message } : message
    return encodeEvent('error', { status: rendered, error }, options)
  }
  return encodeEvent('status', { status: rendered }, options)
}

function plan(job: StreamJob): Step[] {
  const { script } = job.run
  const pieces =
    script.outputChunks ??
    (script.outcome === 'completed'
      ? splitText(outputText(script.output, job.variant, job.key))
      : [])
  const steps: Step[] = [{ kind: 'first' }, { kind: 'running' }]
  pieces.forEach((text, index) => steps.push({ kind: 'delta', text, index, of: pieces.length }))
  steps.push({ kind: 'terminal' })
  if (job.options.withDone !== false) steps.push({ kind: 'done' })
  return steps
}

function encode(step: Step, job: StreamJob): string {
  switch (step.kind) {
    case 'first':
      return firstEvent(job)
    case 'running':
      return encodeEvent('status', { status: renderStatus('running', job.variant) }, job.options)
    case 'delta':
      return encodeEvent('delta', { delta: step.text }, job.options)
    case 'terminal':
      return terminalEvent(job)
    case 'done':
      return encodeEvent('done', DONE, job.options)
  }
}

// Status events never run ahead of the run itself, so a client that reads "completed" from the
// stream and then GETs the run sees the same thing.
function dueAt(step: Step, job: StreamJob, lastAt: number): number {
  const { run } = job
  const gate =
    step.kind === 'running' || step.kind === 'delta'
      ? run.runningAt()
      : step.kind === 'terminal'
        ? run.endAt()
        : 0
  const delay = job.options.eventDelayMs
  if (delay !== undefined) return step.kind === 'first' ? 0 : Math.max(lastAt + delay, gate)
  if (step.kind !== 'delta') return gate
  const end = run.endAt()
  return gate + ((end - gate) * (step.index + 1)) / (step.of + 1)
}

async function waitUntil(target: () => number, job: StreamJob): Promise<void> {
  for (;;) {
    if (job.signal.aborted || job.run.cancelledAt !== undefined) return
    const ms = target() - Date.now()
    if (ms <= 0) return
    try {
      await sleep(Math.min(ms, SLICE_MS), undefined, { signal: job.signal })
    } catch {
      return
    }
  }
}

function startHeartbeat(job: StreamJob, writer: ChunkWriter): () => void {
  const every = job.options.heartbeatMs ?? 0
  if (every <= 0) return () => {}
  const le = job.options.lineEnding ?? '\n'
  const timer = setInterval(() => void writer.push(`: ping${le}${le}`, true), every)
  const stop = (): void => clearInterval(timer)
  job.signal.addEventListener('abort', stop, { once: true })
  return stop
}

export async function streamRun(job: StreamJob): Promise<void> {
  const { res, options } = job
  res.writeHead(200, STREAM_HEADERS)
  res.flushHeaders()
  const writer = new ChunkWriter(res, options.chunkSize, options.dropAfterBytes)
  if (options.raw !== undefined) {
    const body = Buffer.from(options.raw, 'utf8')
    if (options.splitAt !== undefined) {
      // Two separate reads for the client: the pause keeps the kernel from joining them.
      await writer.push(body.subarray(0, options.splitAt), true)
      await new Promise(resolve => setTimeout(resolve, 20))
      await writer.push(body.subarray(options.splitAt), true)
    } else {
      await writer.push(body, true)
    }
    if (!writer.closed) res.end()
    return
  }
  const stopHeartbeat = startHeartbeat(job, writer)
  // Checked before the first event too, so that 0 means "right after the headers".
  const cutShort = async (written: number): Promise<boolean> => {
    const drop = options.dropAfterEvents !== undefined && written >= options.dropAfterEvents
    const stall = options.stallAfterEvents !== undefined && written >= options.stallAfterEvents
    if (!drop && !stall) return false
    stopHeartbeat()
    await writer.flush()
    if (drop) writer.drop()
    return true
  }
  const steps = plan(job)
  let written = 0
  let lastAt = Date.now()
  if (await cutShort(written)) return
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]
    if (!step) break
    const skippable = step.kind === 'running' || step.kind === 'delta'
    if (skippable && job.run.cancelledAt !== undefined) continue
    await waitUntil(() => dueAt(step, job, lastAt), job)
    if (job.signal.aborted || writer.closed) break
    if (skippable && job.run.cancelledAt !== undefined) continue
    if (step.kind === 'done' || step.kind === 'terminal') stopHeartbeat()
    const next = steps[i + 1]
    const burst = next !== undefined && dueAt(next, job, Date.now()) <= Date.now()
    await writer.push(encode(step, job), !burst)
    lastAt = Date.now()
    written++
    if (await cutShort(written)) return
  }
  stopHeartbeat()
  if (writer.closed || job.signal.aborted) return
  await writer.flush()
  if (options.holdOpen) return
  if (!writer.closed) res.end()
}
