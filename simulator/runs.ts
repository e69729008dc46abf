import { randomBytes } from 'node:crypto'
import type { ResolvedScript } from './scenario.js'
import type { RunStatus, SimRun } from './types.js'

export interface NewRun {
  workflowId: string
  threadId: string | undefined
  inputs: unknown[]
  script: ResolvedScript
  idempotencyKey: string | undefined
}

const randomId = (prefix: string): string => `${prefix}_${randomBytes(8).toString('hex')}`

// Status is derived from the clock rather than driven by timers, so a run needs no cleanup, a
// dropped stream cannot stall it, and a GET at any moment sees where the script has got to.
export class RunRecord implements SimRun {
  readonly id: string
  readonly threadId: string
  readonly workflowId: string
  readonly inputs: unknown[]
  readonly createdAt: number
  readonly idempotencyKey?: string
  readonly script: ResolvedScript
  cancelledAt: number | undefined
  private readonly ahead: RunRecord | undefined
  private settledEnd: number | undefined

  constructor(init: NewRun, ahead: RunRecord | undefined, threadId: string) {
    this.id = randomId('run')
    this.threadId = threadId
    this.workflowId = init.workflowId
    this.inputs = init.inputs
    this.createdAt = Date.now()
    if (init.idempotencyKey !== undefined) this.idempotencyKey = init.idempotencyKey
    this.script = init.script
    this.ahead = ahead
  }

  // A thread runs one execution at a time, so the timeline starts only once the thread is free.
  startAt(): number {
    return this.ahead ? Math.max(this.createdAt, this.ahead.threadFreeAt()) : this.createdAt
  }

  runningAt(): number {
    return this.startAt() + this.script.pendingMs
  }

  endAt(): number {
    if (this.settledEnd !== undefined) return this.settledEnd
    const end = this.cancelledAt ?? this.startAt() + this.script.durationMs
    // Once past, the end can no longer move (cancel needs an active run), so stop recomputing
    // the chain of runs ahead in the thread.
    if (end <= Date.now()) this.settledEnd = end
    return end
  }

  // A run cancelled while still queued ends early, but the thread stays busy with the run ahead.
  private threadFreeAt(): number {
    const own = this.endAt()
    return this.ahead ? Math.max(own, this.ahead.threadFreeAt()) : own
  }

  status(now: number = Date.now()): RunStatus {
    if (this.cancelledAt !== undefined) return 'cancelled'
    if (now >= this.endAt()) return this.script.outcome
    return now >= this.runningAt() ? 'running' : 'pending'
  }

  isActive(now: number = Date.now()): boolean {
    const status = this.status(now)
    return status === 'pending' || status === 'running'
  }

  finishedAt(now: number = Date.now()): number | undefined {
    return this.isActive(now) ? undefined : this.endAt()
  }

  cancel(now: number = Date.now()): boolean {
    if (!this.isActive(now)) return false
    this.cancelledAt = now
    return true
  }
}

export class RunStore {
  readonly runs = new Map<string, RunRecord>()
  private readonly lastInThread = new Map<string, RunRecord>()
  private readonly byIdempotencyKey = new Map<string, RunRecord>()

  create(init: NewRun): RunRecord {
    const threadId = init.threadId ?? randomId('thr')
    const run = new RunRecord(init, this.lastInThread.get(threadId), threadId)
    this.runs.set(run.id, run)
    this.lastInThread.set(threadId, run)
    if (init.idempotencyKey !== undefined) this.byIdempotencyKey.set(init.idempotencyKey, run)
    return run
  }

  get(id: string): RunRecord | undefined {
    return this.runs.get(id)
  }

  byKey(idempotencyKey: string | undefined): RunRecord | undefined {
    return idempotencyKey === undefined ? undefined : this.byIdempotencyKey.get(idempotencyKey)
  }

  activeCount(workflowId: string): number {
    const now = Date.now()
    let count = 0
    for (const run of this.runs.values()) {
      if (run.workflowId === workflowId && run.isActive(now)) count++
    }
    return count
  }

  clear(): void {
    this.runs.clear()
    this.lastInThread.clear()
    this.byIdempotencyKey.clear()
  }
}
