import { randomUUID } from 'node:crypto'
import { systemClock, type Clock } from '../util/clock.js'
import { IdleWatch } from '../util/idle-watch.js'
import { boundUtf8, safeCut } from './bounds.js'

export interface LiveLogOptions {
  /** Writes one block of text to the job log (a line break is added after it). */
  write: (block: string) => void
  /** A partial line is shown after this long without new text. */
  idleFlushMs?: number
  /** Complete lines are gathered for this long, so that a fast stream makes few blocks. */
  batchMs?: number
  /** Removes secrets; applied to whole lines (and to the shown part of a partial one). */
  redact?: (text: string) => string
  /** Characters of a partial line held back, so that a secret is never shown split in two. */
  holdBackChars?: number
  /** After this much text the echo stops (the whole output is still in the output file). */
  maxEchoBytes?: number
  /** A line longer than this is shown in pieces. */
  maxLineChars?: number
  /** The time the batches and the idle flush go by. */
  clock?: Clock
}

/**
 * Shows streamed text in the job log a line at a time. Every block is wrapped in
 * `::stop-commands::<random token>` … `::<token>::`, so that text written by a model cannot
 * issue workflow commands (`::set-output`, `::add-mask`, `::error` …).
 */
export class LiveLog {
  private line = ''
  private afterCR = false
  private ready: string[] = []
  private echoedBytes = 0
  private stopped = false
  private stopBatch: (() => void) | undefined
  private readonly idle: IdleWatch
  private readonly options: Required<LiveLogOptions>

  constructor(options: LiveLogOptions) {
    this.options = {
      idleFlushMs: 500,
      batchMs: 100,
      redact: text => text,
      holdBackChars: 0,
      maxEchoBytes: 1024 * 1024,
      maxLineChars: 4096,
      clock: systemClock,
      ...options
    }
    this.idle = new IdleWatch(this.options.clock, this.options.idleFlushMs, () => {
      if (this.line !== '') this.flushPartial()
    })
  }

  push(text: string): void {
    if (this.stopped || text === '') return
    // A CRLF may arrive split between two pieces: its LF is not a second line break.
    const piece = this.afterCR && text.startsWith('\n') ? text.slice(1) : text
    this.afterCR = text.endsWith('\r')
    const parts = (this.line + piece.replace(/\r\n?/g, '\n')).split('\n')
    this.line = parts.pop() ?? ''
    // Secrets are removed from whole lines before any cut, so that no cut can split one.
    for (const part of parts) {
      for (const line of this.pieces(this.options.redact(part))) this.ready.push(line)
    }
    if (this.line.length > this.options.maxLineChars + this.options.holdBackChars) {
      // Only the end of a redacted partial line can hold the beginning of a secret.
      const redacted = this.options.redact(this.line)
      const keep = Math.max(0, safeCut(redacted, redacted.length - this.options.holdBackChars))
      const tail = this.pieces(redacted.slice(0, keep))
      this.line = (tail.pop() ?? '') + redacted.slice(keep)
      for (const line of tail) this.ready.push(line)
    }
    if (this.ready.length > 0 && this.stopBatch === undefined) {
      this.stopBatch = this.options.clock.setTimer(this.options.batchMs, () => this.flushLines())
    }
    this.idle.touch()
    if (this.line !== '') this.idle.arm()
  }

  /** A line in pieces of at most maxLineChars, never cutting a character in two. */
  private pieces(line: string): string[] {
    const pieces: string[] = []
    let rest = line
    while (rest.length > this.options.maxLineChars) {
      const cut = safeCut(rest, this.options.maxLineChars)
      pieces.push(rest.slice(0, cut))
      rest = rest.slice(cut)
    }
    pieces.push(rest)
    return pieces
  }

  /** Shows everything still waiting, the partial line included; the echo is over. */
  close(): void {
    this.flushLines()
    if (this.line !== '') this.writeBlock([this.options.redact(this.line)])
    this.line = ''
    this.idle.stop()
    this.stopped = true
  }

  private flushLines(): void {
    this.stopBatch?.()
    this.stopBatch = undefined
    const lines = this.ready
    this.ready = []
    if (lines.length > 0) this.writeBlock(lines)
  }

  private flushPartial(): void {
    this.flushLines()
    const line = this.options.redact(this.line)
    const keep = Math.min(line.length, this.options.holdBackChars)
    const shown = line.slice(0, safeCut(line, line.length - keep))
    this.line = line.slice(shown.length)
    if (shown === '') return
    this.writeBlock([shown])
  }

  private writeBlock(lines: string[]): void {
    if (this.stopped) return
    const token = randomUUID()
    const open = `::stop-commands::${token}\n`
    const close = `\n::${token}::`
    // The limit counts what reaches the log, wrapper lines included.
    const room = this.options.maxEchoBytes - this.echoedBytes - Buffer.byteLength(open + close)
    let text = lines.join('\n')
    if (Buffer.byteLength(text) > room) {
      text =
        boundUtf8(text, Math.max(0, room), '').text +
        `\n[the output goes on; the log shows its first ${this.options.maxEchoBytes} bytes, output-file has all of it]`
      this.stopped = true
      this.idle.stop()
      this.stopBatch?.()
    }
    const block = open + text + close
    this.echoedBytes += Buffer.byteLength(block)
    this.options.write(block)
  }
}
