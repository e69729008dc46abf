import type { ServerResponse } from 'node:http'
import { setImmediate as nextTurn } from 'node:timers/promises'

const EMPTY = Buffer.alloc(0)

// Cuts the response body into socket writes of `chunkSize` bytes across event boundaries, so
// a client sees a line ending, an event or a UTF-8 character split between two reads.
export class ChunkWriter {
  private carry: Buffer = EMPTY
  private queue: Promise<void> = Promise.resolve()
  private written = 0
  private dead = false

  constructor(
    private readonly res: ServerResponse,
    private readonly chunkSize: number | undefined,
    private readonly dropAfterBytes: number | undefined
  ) {
    res.once('close', () => {
      this.dead = true
    })
  }

  get closed(): boolean {
    return this.dead || this.res.destroyed
  }

  // Without `flush` the tail shorter than a chunk waits for the next push, as bytes would
  // on a busy connection; callers flush whenever they are about to pause.
  push(text: string | Buffer, flush: boolean): Promise<void> {
    const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
    this.queue = this.queue.then(() => this.send(data, flush))
    return this.queue
  }

  flush(): Promise<void> {
    return this.push(EMPTY, true)
  }

  drop(): void {
    this.dead = true
    this.res.destroy()
  }

  private async send(data: Buffer, flush: boolean): Promise<void> {
    if (this.closed) return
    let pending = this.carry.length > 0 ? Buffer.concat([this.carry, data]) : data
    this.carry = EMPTY
    const size = this.chunkSize !== undefined && this.chunkSize > 0 ? this.chunkSize : undefined
    if (size === undefined) {
      if (pending.length > 0) await this.out(pending)
      return
    }
    while (pending.length >= size || (flush && pending.length > 0)) {
      const piece = pending.subarray(0, size)
      pending = pending.subarray(piece.length)
      await this.out(piece)
      if (this.closed) return
      // Lets the kernel send each piece on its own instead of coalescing queued writes.
      await nextTurn()
    }
    this.carry = Buffer.from(pending)
  }

  private async out(piece: Buffer): Promise<void> {
    let data = piece
    const limit = this.dropAfterBytes
    const reachesLimit = limit !== undefined && this.written + piece.length >= limit
    if (limit !== undefined && reachesLimit) data = piece.subarray(0, limit - this.written)
    if (data.length > 0) {
      this.written += data.length
      await this.write(data)
    }
    if (reachesLimit) this.drop()
  }

  private write(data: Buffer): Promise<void> {
    if (this.closed) return Promise.resolve()
    return new Promise(resolve => {
      const done = (): void => {
        this.res.off('close', done)
        resolve()
      }
      this.res.once('close', done)
      this.res.write(data, done)
    })
  }
}
